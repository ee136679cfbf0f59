/// A problem found while importing that did not stop the import (swift-format's `Diagnostic` shape).
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Hashable {
        /// The record was imported, possibly with a field dropped or repaired.
        case warning
        /// The record (or part of the file) could not be imported.
        case error
    }

    /// How bad the problem is.
    public var severity: Severity
    /// The file the problem is in.
    public var file: String
    /// 1-based line of the problem.
    public var line: Int
    /// The field or tag concerned, when there is one (`PY`, `abstract`).
    public var field: String?
    /// A lowercase one-line message.
    public var message: String

    /// Creates a diagnostic.
    public init(severity: Severity, file: String, line: Int, field: String? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// A warning at `file:line`.
    public static func warning(_ message: String, file: String, line: Int, field: String? = nil) -> Diagnostic {
        Diagnostic(severity: .warning, file: file, line: line, field: field, message: message)
    }

    /// An error at `file:line`.
    public static func error(_ message: String, file: String, line: Int, field: String? = nil) -> Diagnostic {
        Diagnostic(severity: .error, file: file, line: line, field: field, message: message)
    }

    /// `file:line: warning: message`.
    public var description: String { "\(file):\(line): \(severity.rawValue): \(message)" }
}

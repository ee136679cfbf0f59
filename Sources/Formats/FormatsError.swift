import Foundation

/// Why a file could not be imported at all; always carries the file and a 1-based line.
///
/// Problems confined to one record are reported as ``Diagnostic`` values instead.
public enum FormatsError: Error, LocalizedError, Equatable, CustomStringConvertible {
    /// The file could not be opened or read (missing, permission, not gzip after all…).
    case unreadable(file: String, reason: String)
    /// The content matches none of the supported formats.
    case unrecognisedFormat(file: String, line: Int, reason: String)
    /// A CSV quoted field opened on `line` never closes.
    case unterminatedQuote(file: String, line: Int)
    /// The file ends in the middle of its structure (cut-off XML or gzip stream).
    case truncated(file: String, line: Int, reason: String)
    /// The file is of the right kind but malformed as a whole (bad XML, missing CSV title column).
    case invalid(file: String, line: Int, reason: String)

    /// The file the error is about.
    public var file: String {
        switch self {
        case .unreadable(let file, _), .unrecognisedFormat(let file, _, _), .unterminatedQuote(let file, _),
            .truncated(let file, _, _), .invalid(let file, _, _):
            return file
        }
    }

    /// The 1-based line the error points at (1 when the whole file is at fault).
    public var line: Int {
        switch self {
        case .unreadable: return 1
        case .unrecognisedFormat(_, let line, _), .unterminatedQuote(_, let line),
            .truncated(_, let line, _), .invalid(_, let line, _):
            return line
        }
    }

    /// The lowercase one-line message without location.
    public var message: String {
        switch self {
        case .unreadable(_, let reason): return "cannot read file: \(reason)"
        case .unrecognisedFormat(_, _, let reason): return "unrecognised format: \(reason)"
        case .unterminatedQuote: return "unterminated quoted field (opening quote on this line)"
        case .truncated(_, _, let reason): return "file is truncated: \(reason)"
        case .invalid(_, _, let reason): return reason
        }
    }

    /// `file:line: error: message`, the compiler-style form the CLI prints.
    public var description: String { "\(file):\(line): error: \(message)" }

    /// Same as ``description``.
    public var errorDescription: String? { description }
}

import Foundation

/// Errors of the screening UI: bad key-map or script files, terminal and session failures.
public enum ScreeningUIError: Error, LocalizedError, Equatable {
    /// A key-map config line could not be read.
    case keyMapSyntax(line: Int, message: String)
    /// A script line could not be read.
    case scriptSyntax(line: Int, message: String)
    /// The terminal could not be set up.
    case terminalUnavailable(String)
    /// A record id the session does not know.
    case unknownRecord(Int64)
    /// A script's `expect` line did not find its text on the screen.
    case scriptExpectation(line: Int, text: String)
    /// Writing a screen dump failed.
    case cannotWrite(path: String, message: String)

    /// A lowercase one-line message.
    public var errorDescription: String? {
        switch self {
        case .keyMapSyntax(let line, let message): "key map line \(line): \(message)"
        case .scriptSyntax(let line, let message): "script line \(line): \(message)"
        case .terminalUnavailable(let message): "terminal unavailable: \(message)"
        case .unknownRecord(let id): "no record with id \(id)"
        case .scriptExpectation(let line, let text): "script line \(line): expected “\(text)” on screen"
        case .cannotWrite(let path, let message): "cannot write \(path): \(message)"
        }
    }
}

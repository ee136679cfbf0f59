import Foundation

/// Errors raised by the text-analysis module.
public enum TextAnalysisError: Error, LocalizedError, Equatable {
    /// A parameter was outside its documented range (name, value).
    case invalidParameter(String, String)

    /// A lowercase one-line description.
    public var errorDescription: String? {
        switch self {
        case .invalidParameter(let name, let value): "invalid text-analysis parameter \(name) = \(value)"
        }
    }
}

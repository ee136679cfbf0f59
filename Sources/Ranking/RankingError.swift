import Foundation

/// Errors raised by the ranking module.
public enum RankingError: Error, LocalizedError, Equatable {
    /// A parameter was outside its documented range (name, value).
    case invalidParameter(String, String)
    /// A record index outside the pool.
    case recordOutOfRange(Int)

    /// A lowercase one-line description.
    public var errorDescription: String? {
        switch self {
        case .invalidParameter(let name, let value): "invalid ranking parameter \(name) = \(value)"
        case .recordOutOfRange(let index): "record index \(index) is outside the pool"
        }
    }
}

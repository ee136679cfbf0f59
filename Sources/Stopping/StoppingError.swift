import Foundation

/// Problems with the inputs of a stopping rule or a replay.
public enum StoppingError: Error, LocalizedError, Equatable {
    /// More decisions than records in the pool.
    case historyLongerThanPool(screened: Int, poolSize: Int)
    /// Two per-decision arrays of different lengths.
    case lengthMismatch(labels: Int, flags: Int)
    /// A parameter outside its allowed range.
    case invalidParameter(name: String, value: Double, allowed: String)
    /// A replay of a partial order without the true number of relevant records.
    case totalRelevantUnknown(screened: Int, poolSize: Int)
    /// A true number of relevant records smaller than those already found.
    case totalRelevantTooSmall(given: Int, found: Int)

    public var errorDescription: String? {
        switch self {
        case let .historyLongerThanPool(screened, poolSize):
            return "\(screened) decisions but only \(poolSize) records in the pool"
        case let .lengthMismatch(labels, flags):
            return "\(labels) labels but \(flags) random-pick flags"
        case let .invalidParameter(name, value, allowed):
            return "\(name) = \(value) is out of range (allowed: \(allowed))"
        case let .totalRelevantUnknown(screened, poolSize):
            return "replaying \(screened) of \(poolSize) records needs the true number of relevant records"
        case let .totalRelevantTooSmall(given, found):
            return "total relevant \(given) is smaller than the \(found) relevant records in the order"
        }
    }
}

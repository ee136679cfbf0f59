import Foundation

/// Problems with the inputs of a report.
public enum ReportsError: Error, LocalizedError, Equatable {
    /// PRISMA counts that do not add up.
    case inconsistentCounts(String)
    /// A plot with nothing to draw.
    case emptyPlot(title: String)

    public var errorDescription: String? {
        switch self {
        case let .inconsistentCounts(detail): return "PRISMA counts do not add up: \(detail)"
        case let .emptyPlot(title): return "plot '\(title)' has no data"
        }
    }
}

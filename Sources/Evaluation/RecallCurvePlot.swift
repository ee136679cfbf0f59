import Foundation

/// A simulated screening's recall curve as CSV (`screened,found,recall`); `simulate` draws the
/// chart with `Reports.RecallComparison`.
public struct RecallCurvePlot: Sendable {
    /// The metrics of the order to plot.
    public let metrics: ScreeningMetrics
    /// The plot title (e.g. dataset and ranker).
    public let title: String

    /// A plot of `metrics` titled `title`.
    public init(metrics: ScreeningMetrics, title: String) {
        self.metrics = metrics
        self.title = title
    }

    /// One line per screened count 0...N: `screened,found,recall`.
    public func csv() -> String {
        var lines = ["screened,found,recall"]
        for (screened, found) in metrics.foundCurve.enumerated() {
            lines.append("\(screened),\(found),\(Self.format(Double(found) / Double(metrics.includeCount), 6))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func format(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}

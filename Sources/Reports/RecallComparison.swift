import Foundation

/// True recall curves of several rankers on one labelled dataset (for `tarsier simulate`):
/// recall against records screened, with the random-order diagonal.
public struct RecallComparison: Sendable {
    /// One ranker's screening order.
    public struct Run: Sendable {
        /// Display name (source, series, band or marker).
        public var name: String
        /// Relevance in the order the ranker presented the records (normally all N).
        public var relevant: [Bool]
        /// A run.
        public init(name: String, relevant: [Bool]) {
            self.name = name
            self.relevant = relevant
        }
    }

    /// Title shown above the figure.
    public var title: String
    /// Records in the pool (N).
    public var poolSize: Int
    /// Relevant records in the pool (R).
    public var totalRelevant: Int
    /// The rankers compared, in legend order.
    public var runs: [Run]
    /// Optional points where stopping rules fired, by run name.
    public var firings: [String: [RuleFiring]]

    /// A comparison; `totalRelevant` defaults to the relevant count of the first run.
    public init(
        title: String, poolSize: Int, totalRelevant: Int? = nil, runs: [Run], firings: [String: [RuleFiring]] = [:]
    ) {
        self.title = title
        self.poolSize = poolSize
        self.totalRelevant = totalRelevant ?? runs.first.map { $0.relevant.filter { $0 }.count } ?? 0
        self.runs = runs
        self.firings = firings
    }

    /// `screened,random,<run 1>,<run 2>,…` with recall in [0, 1]; blank past a run's end.
    public func csv() -> String {
        var text = TextEscaping.csvLine(["screened", "random"] + runs.map(\.name))
        let cumulative = runs.map { run -> [Int] in
            var total = 0
            return [0] + run.relevant.map { relevant in
                if relevant { total += 1 }
                return total
            }
        }
        let rows = (cumulative.map(\.count).max() ?? 1)
        let denominator = Double(max(1, totalRelevant))
        for screened in 0..<rows {
            var fields = [String(screened), TextEscaping.number(Double(screened) / Double(max(1, poolSize)), digits: 4)]
            for curve in cumulative {
                fields.append(screened < curve.count ? TextEscaping.number(Double(curve[screened]) / denominator, digits: 4) : "")
            }
            text += TextEscaping.csvLine(fields)
        }
        return text
    }

    /// The plot as SVG.
    public func svg() throws -> String {
        var plot = SVGPlot(title: title, xLabel: "Records screened", yLabel: "Recall")
        plot.xRange = 0...Double(max(1, poolSize))
        plot.yRange = 0...1
        plot.yStyle = .percent
        plot.series.append(
            SVGPlot.Series(
                name: "Random order (expected)", points: [SVGPlot.Point(0, 0), SVGPlot.Point(Double(poolSize), 1)],
                color: "#777777", dashed: true, lineWidth: 1.5))
        let scale = 1 / Double(max(1, totalRelevant))
        for (index, run) in runs.enumerated() {
            let color = SVGPlot.palette[index % SVGPlot.palette.count]
            plot.series.append(
                SVGPlot.Series(name: run.name, points: RecallCurve.stepPoints(run.relevant, scale: scale), color: color))
            var found = [0]
            for relevant in run.relevant { found.append(found[found.count - 1] + (relevant ? 1 : 0)) }
            for firing in firings[run.name] ?? [] where firing.screened < found.count {
                plot.markers.append(
                    SVGPlot.Marker(
                        name: "\(run.name) — \(firing.ruleLabel): stop at \(firing.screened)",
                        point: SVGPlot.Point(Double(firing.screened), Double(found[firing.screened]) * scale), color: color))
            }
        }
        return try plot.render()
    }
}

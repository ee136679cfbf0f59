import Foundation

/// True recall curves of several rankers on one labelled dataset (for `tarsier simulate`):
/// recall against records screened, with the random-order diagonal.
public struct RecallComparison: Sendable {
    /// One ranker's screening order, or its orders under several seeds.
    public struct Run: Sendable {
        /// Display name (source, series, band or marker).
        public var name: String
        /// Relevance in the order the ranker presented the records (normally all N), per seed.
        public var seeds: [[Bool]]
        /// The first seed's order.
        public var relevant: [Bool] { seeds.first ?? [] }
        /// A run with one seed.
        public init(name: String, relevant: [Bool]) {
            self.name = name
            self.seeds = [relevant]
        }
        /// A run with several seeds: drawn as the median curve in a band from the lowest to the
        /// highest seed.
        public init(name: String, seeds: [[Bool]]) {
            self.name = name
            self.seeds = seeds
        }

        /// Includes found after each number of records screened, per seed (from 0).
        func cumulative() -> [[Int]] {
            seeds.map { order in
                var total = 0
                return [0]
                    + order.map { relevant in
                        if relevant { total += 1 }
                        return total
                    }
            }
        }

        /// Median, lowest and highest includes found over the seeds after each record.
        func spread() -> [(median: Double, low: Double, high: Double)] {
            let curves = cumulative()
            let length = curves.map(\.count).min() ?? 0
            return (0..<length).map { k in
                let values = curves.map { Double($0[k]) }.sorted()
                let middle = values.count / 2
                let median = values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
                return (median, values.first ?? 0, values.last ?? 0)
            }
        }

        /// Records screened when the median curve first reaches 95 % of `total` includes.
        func screenedAt95(total: Int) -> Int? {
            let needed = (0.95 * Double(total)).rounded(.up)
            return spread().firstIndex { $0.median >= needed }
        }
    }

    /// Whether to draw the ideal order (every include first) and mark each ranker's WSS@95.
    public var showsIdeal = false

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
            return [0]
                + run.relevant.map { relevant in
                    if relevant { total += 1 }
                    return total
                }
        }
        let rows = (cumulative.map(\.count).max() ?? 1)
        let denominator = Double(max(1, totalRelevant))
        for screened in 0..<rows {
            var fields = [
                String(screened), TextEscaping.number(Double(screened) / Double(max(1, poolSize)), digits: 4),
            ]
            for curve in cumulative {
                fields.append(
                    screened < curve.count ? TextEscaping.number(Double(curve[screened]) / denominator, digits: 4) : "")
            }
            text += TextEscaping.csvLine(fields)
        }
        return text
    }

    /// Median, lowest and highest recall per ranker over its seeds:
    /// `screened,<ranker> median,<ranker> low,<ranker> high,…`.
    public func spreadCSV() -> String {
        var text = TextEscaping.csvLine(
            ["screened", "random"] + runs.flatMap { ["\($0.name) median", "\($0.name) low", "\($0.name) high"] })
        let spreads = runs.map { $0.spread() }
        let rows = spreads.map(\.count).max() ?? 1
        let denominator = Double(max(1, totalRelevant))
        for screened in 0..<rows {
            var fields = [
                String(screened), TextEscaping.number(Double(screened) / Double(max(1, poolSize)), digits: 4),
            ]
            for spread in spreads {
                guard screened < spread.count else { fields += ["", "", ""]; continue }
                let row = spread[screened]
                fields += [row.median, row.low, row.high].map { TextEscaping.number($0 / denominator, digits: 4) }
            }
            text += TextEscaping.csvLine(fields)
        }
        return text
    }

    /// The plot as SVG: each ranker's median recall curve (with the band over its seeds when it
    /// has several), the random-order diagonal, and optionally the ideal order with each ranker's
    /// 95 %-recall point and WSS@95.
    public func svg() throws -> String {
        var plot = SVGPlot(title: title, xLabel: "Records screened (of \(poolSize))", yLabel: "Recall")
        plot.xPercentOf = Double(poolSize)
        plot.xRange = 0...Double(max(1, poolSize))
        plot.yRange = 0...1
        plot.yStyle = .percent
        plot.series.append(
            SVGPlot.Series(
                name: "Random order (expected)", points: [SVGPlot.Point(0, 0), SVGPlot.Point(Double(poolSize), 1)],
                color: "#777777", dashed: true, lineWidth: 1.5))
        let scale = 1 / Double(max(1, totalRelevant))
        if showsIdeal {
            plot.series.append(
                SVGPlot.Series(
                    name: "Ideal order (every include first)",
                    points: [
                        SVGPlot.Point(0, 0), SVGPlot.Point(Double(totalRelevant), 1),
                        SVGPlot.Point(Double(poolSize), 1),
                    ],
                    color: "#000000", dashed: true, lineWidth: 1))
        }
        for (index, run) in runs.enumerated() {
            let color = SVGPlot.palette[index % SVGPlot.palette.count]
            let seedNote = run.seeds.count > 1 ? " (median of \(run.seeds.count) seeds; band: lowest to highest)" : ""
            if run.seeds.count > 1 {
                let spread = run.spread()
                plot.bands.append(
                    SVGPlot.Band(
                        name: "",
                        values: spread.indices.map { (Double($0), spread[$0].low * scale, spread[$0].high * scale) },
                        color: color, opacity: 0.15))
                plot.series.append(
                    SVGPlot.Series(
                        name: run.name + seedNote,
                        points: spread.indices.map { SVGPlot.Point(Double($0), spread[$0].median * scale) },
                        color: color))
            } else {
                plot.series.append(
                    SVGPlot.Series(
                        name: run.name, points: RecallCurve.stepPoints(run.relevant, scale: scale), color: color))
            }
            if showsIdeal, let at = run.screenedAt95(total: totalRelevant), poolSize > 0 {
                let wss = Double(poolSize - at) / Double(poolSize) - 0.05
                plot.markers.append(
                    SVGPlot.Marker(
                        name: "\(run.name): 95% recall at \(at), WSS@95 \(TextEscaping.number(wss, digits: 3))",
                        point: SVGPlot.Point(Double(at), 0.95), color: color))
            }
            var found = [0]
            for relevant in run.relevant { found.append(found[found.count - 1] + (relevant ? 1 : 0)) }
            for firing in firings[run.name] ?? [] where firing.screened < found.count {
                plot.markers.append(
                    SVGPlot.Marker(
                        name: "\(run.name) — \(firing.ruleLabel): stop at \(firing.screened)",
                        point: SVGPlot.Point(Double(firing.screened), Double(found[firing.screened]) * scale),
                        color: color))
            }
        }
        return try plot.render()
    }
}

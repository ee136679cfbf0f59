import Foundation
import Stopping

/// The point at which a stopping rule first said stop, for marking on a curve.
public struct RuleFiring: Sendable, Hashable, Codable {
    /// The rule's display label.
    public var ruleLabel: String
    /// Records screened when it fired.
    public var screened: Int

    /// A firing.
    public init(ruleLabel: String, screened: Int) {
        self.ruleLabel = ruleLabel
        self.screened = screened
    }
}

/// Includes found against records screened for a live review: the curve itself, the random-order
/// expectation, optionally the hypergeometric rule's plausible-total band, and where rules fired.
public struct RecallCurve: Sendable {
    /// One row of the curve's data.
    public struct Row: Sendable, Hashable {
        /// Records screened.
        public var screened: Int
        /// Includes found so far.
        public var found: Int
        /// Includes expected by now had records been screened in random order.
        public var randomExpectation: Double
        /// The hypergeometric upper confidence bound on total includes, where computed.
        public var totalUpperBound: Int?
        /// Labels of rules that first said stop at this row.
        public var rulesFired: [String]
    }

    /// Title shown above the figure.
    public var title: String
    /// The decisions plotted.
    public let history: ScreeningHistory
    /// Where rules first said stop, by records screened.
    public let firings: [RuleFiring]
    /// The total the random-order line ends at (default: includes found so far, a lower bound on R).
    public let expectedTotalRelevant: Double
    /// Upper bounds on the total, by records screened (every `bandStride` decisions and the last).
    public let upperBounds: [(screened: Int, total: Int)]
    /// The confidence of the band, for its legend.
    public let bandConfidence: Double?
    /// The true number of includes, when known (a simulation on labelled data).
    public var knownTotal: Int?

    /// A curve for `history`. With `band`, the rule's upper bound on the total number of includes
    /// is computed every `bandStride` decisions (each costs a bisection of hypergeometric tests).
    public init(
        title: String, history: ScreeningHistory, firings: [RuleFiring] = [], expectedTotalRelevant: Int? = nil,
        band: HypergeometricStoppingRule? = nil, bandStride: Int? = nil
    ) {
        self.title = title
        self.history = history
        self.firings = firings.sorted { ($0.screened, $0.ruleLabel) < ($1.screened, $1.ruleLabel) }
        self.expectedTotalRelevant = Double(expectedTotalRelevant ?? history.relevantFound)
        self.bandConfidence = band?.confidence
        guard let band, history.screened > 0 else {
            upperBounds = []
            return
        }
        let stride = max(1, bandStride ?? history.screened / 200)
        var counts = Array(Swift.stride(from: stride, through: history.screened, by: stride))
        if counts.last != history.screened { counts.append(history.screened) }
        upperBounds = counts.compactMap { count in
            band.recallLowerBound(history.prefix(count)).map { (count, $0.total) }
        }
    }

    /// One row per decision, plus the origin.
    public var rows: [Row] {
        let gain = [0] + history.cumulativeRelevant
        let bounds = Dictionary(upperBounds.map { ($0.screened, $0.total) }, uniquingKeysWith: { first, _ in first })
        let fired = Dictionary(grouping: firings, by: \.screened).mapValues { $0.map(\.ruleLabel) }
        let slope = history.poolSize > 0 ? expectedTotalRelevant / Double(history.poolSize) : 0
        return gain.indices.map { screened in
            Row(
                screened: screened, found: gain[screened], randomExpectation: slope * Double(screened),
                totalUpperBound: bounds[screened], rulesFired: fired[screened] ?? [])
        }
    }

    /// The data as CSV: `screened,includes_found,random_expectation,total_upper_bound,rules_fired`.
    public func csv() -> String {
        var text = TextEscaping.csvLine(
            ["screened", "includes_found", "random_expectation", "total_upper_bound", "rules_fired"])
        for row in rows {
            text += TextEscaping.csvLine([
                String(row.screened), String(row.found), TextEscaping.number(row.randomExpectation, digits: 3),
                row.totalUpperBound.map(String.init) ?? "", row.rulesFired.joined(separator: "; "),
            ])
        }
        return text
    }

    /// The latest upper bound on the total number of includes, when the band was computed.
    public var currentUpperBound: Int? { upperBounds.last.map(\.total) }

    /// The total the random-order line assumes and how the legend names it: the true total when
    /// it is known (a simulation), else the current 95 % upper bound, else the includes found.
    var assumedTotal: (value: Double, legend: String) {
        if let known = knownTotal { return (Double(known), "Random order, expected (\(known) includes in all)") }
        if let bound = currentUpperBound {
            return (Double(bound), "Random order, expected if the total is \(bound) (the upper bound)")
        }
        return (
            expectedTotalRelevant, "Random order, expected if no include is left (\(Int(expectedTotalRelevant)) in all)"
        )
    }

    /// The plot as SVG: includes found against records screened (count and share of the pool),
    /// the 95 % interval for the review's total number of includes at each point (from the
    /// includes found up to the hypergeometric rule's upper bound), the random-order line under
    /// the assumed total, the rules' firings, and the estimated recall now.
    public func svg() throws -> String {
        var plot = SVGPlot(title: title, xLabel: "Records screened (of \(history.poolSize))", yLabel: "Includes found")
        plot.xPercentOf = Double(history.poolSize)
        let found = history.relevantFound
        plot.xRange = 0...Double(max(1, history.poolSize))
        let assumed = assumedTotal
        let top = max(Double(found), Double(currentUpperBound ?? 0), assumed.value, 1) * 1.08
        plot.yRange = 0...top
        let gain = [0] + history.cumulativeRelevant
        // The interval is drawn where its upper end fits the chart (early on it spans the pool).
        let interval = upperBounds.filter { Double($0.total) <= top }
        if !interval.isEmpty {
            plot.bands.append(
                SVGPlot.Band(
                    name: "Total includes, \(Self.percent(bandConfidence ?? 0.95)) interval (found … upper bound)",
                    values: interval.map { (Double($0.screened), Double(gain[$0.screened]), Double($0.total)) },
                    color: SVGPlot.palette[0], opacity: 0.15))
        }
        if assumed.value > 0 {  // no include yet: no total to draw a random order under
            plot.series.append(
                SVGPlot.Series(
                    name: assumed.legend,
                    points: [SVGPlot.Point(0, 0), SVGPlot.Point(Double(history.poolSize), assumed.value)],
                    color: "#777777", dashed: true, lineWidth: 1.5))
        }
        plot.series.append(
            SVGPlot.Series(
                name: "Includes found", points: Self.stepPoints(history.steps.map(\.relevant)),
                color: SVGPlot.palette[0]))
        for (index, firing) in firings.enumerated() where firing.screened <= history.screened {
            plot.markers.append(
                SVGPlot.Marker(
                    name: "\(firing.ruleLabel): stop at \(firing.screened)",
                    point: SVGPlot.Point(Double(firing.screened), Double(gain[firing.screened])),
                    color: SVGPlot.palette[(index + 1) % (SVGPlot.palette.count - 2) + 1]))
        }
        if let bound = currentUpperBound, bound > 0, history.screened > 0 {
            plot.note =
                "After \(history.screened) records: \(found) includes found, at most \(bound) in all "
                + "(\(Self.percent(bandConfidence ?? 0.95)) confidence): estimated recall ≥ \(Self.percent(Double(found) / Double(bound)))"
        } else if history.screened == 0 {
            plot.note = "No records screened yet"
        }
        return try plot.render()
    }

    /// The cumulative curve of `relevant` from (0, 0), keeping only the points where its slope
    /// changes (lossless: the dropped points lie on the segments kept).
    static func stepPoints(_ relevant: [Bool], scale: Double = 1) -> [SVGPlot.Point] {
        var points = [SVGPlot.Point(0, 0)]
        var total = 0
        for index in relevant.indices {
            if relevant[index] { total += 1 }
            let isLast = index == relevant.count - 1
            if isLast || relevant[index] != relevant[index + 1] {
                points.append(SVGPlot.Point(Double(index + 1), Double(total) * scale))
            }
        }
        return points
    }

    static func percent(_ value: Double) -> String { TextEscaping.number(value * 100, digits: 1) + "%" }
}

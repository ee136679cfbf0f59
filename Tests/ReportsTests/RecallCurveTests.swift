import Testing

@testable import Reports
@testable import Stopping
import TestSupport

@Suite("Recall curves")
struct RecallCurveTests {
    /// A 400-record pool screened in a good but imperfect order: 36 of its 37 relevant records at
    /// positions ⌊k²/12⌋ (k < 39) within the first 121 decisions, the last at position 190.
    static func order(screened: Int = 360) throws -> ScreeningHistory {
        let positions = Set((0..<39).map { $0 * $0 / 12 } + [190])
        return try ScreeningHistory(poolSize: 400, relevant: (0..<screened).map { positions.contains($0) })
    }

    @Test("Step points are lossless: every kept segment covers the dropped decisions")
    func stepPoints() {
        let points = RecallCurve.stepPoints([true, true, false, false, false, true])
        #expect(points == [.init(0, 0), .init(2, 2), .init(5, 2), .init(6, 3)])
    }

    @Test("A live curve's CSV has one row per decision plus the origin")
    func liveCSV() throws {
        let history = try Self.order()
        let curve = RecallCurve(
            title: "t", history: history, firings: [RuleFiring(ruleLabel: "a, \"b\"", screened: 200)])
        let lines = curve.csv().split(separator: "\n")
        #expect(lines.count == 362)
        #expect(lines[0] == "screened,includes_found,random_expectation,total_upper_bound,rules_fired")
        // Random expectation ends at (400, 37): 37/400 per record.
        #expect(lines[361] == "360,37,33.3,,")
        #expect(lines[201] == "200,37,18.5,,\"a, \"\"b\"\"\"")
        #expect(lines[81] == "80,28,7.4,,")
    }

    @Test("The live curve with band and rule markers is well-formed and pinned")
    func liveSVG() throws {
        let history = try Self.order()
        let rules: [any StoppingRule] = [
            try HypergeometricStoppingRule(), try ConsecutiveExcludesRule(), try KneeStoppingRule(),
        ]
        let outcomes = try StoppingReplay.replay(history, totalRelevant: 37, rules: rules)
        let firings = outcomes.compactMap { outcome in
            outcome.stoppedAt.map { RuleFiring(ruleLabel: outcome.ruleLabel, screened: $0) }
        }
        // Cross-checked: buscarpy.calculate_h0 first drops below 0.05 at 353 decisions on this order.
        // The knee (ρ ≥ 6) at 215 was checked with a direct Python transcription of the rule.
        #expect(outcomes.map(\.stoppedAt) == [353, 171, 215])
        #expect(firings.count == 3)
        let curve = RecallCurve(
            title: "Review \"Statins & <falls>\": includes found", history: history, firings: firings,
            band: try HypergeometricStoppingRule(), bandStride: 10)
        #expect(curve.upperBounds.count == 36)
        #expect(curve.upperBounds.allSatisfy { $0.total >= history.prefix($0.screened).relevantFound })
        let svg = try curve.svg()
        #expect(Snapshot.isWellFormedXML(svg))
        #expect(svg.contains("Statins &amp; &lt;falls&gt;"))
        #expect(Snapshot.elementNames(svg).filter { $0 == "circle" }.count == 6)  // 3 markers + 3 legend keys
        Snapshot.assertMatches(svg, named: "liveRecallCurve.svg")
    }

    @Test("The multi-ranker comparison is well-formed, pinned, and its CSV holds recall per ranker")
    func comparison() throws {
        let best = (0..<400).map { $0 < 37 }
        let good = try Self.order(screened: 400).steps.map(\.relevant)
        var generator = SplitMix64(seed: 3)
        var shuffled = best
        for index in stride(from: shuffled.count - 1, to: 0, by: -1) {
            shuffled.swapAt(index, Int(generator.next() % UInt64(index + 1)))
        }
        let comparison = RecallComparison(
            title: "Simulation: three rankers", poolSize: 400,
            runs: [
                .init(name: "Oracle", relevant: best), .init(name: "TF-IDF + logistic", relevant: good),
                .init(name: "Random", relevant: shuffled),
            ],
            firings: ["TF-IDF + logistic": [RuleFiring(ruleLabel: "knee", screened: 160)]])
        #expect(comparison.totalRelevant == 37)
        let csv = comparison.csv().split(separator: "\n")
        #expect(csv[0] == "screened,random,Oracle,TF-IDF + logistic,Random")
        #expect(csv[26].hasPrefix("25,0.0625,0.6757,0.4054,"))
        #expect(csv[400].hasPrefix("399,0.9975,1,1,"))
        let svg = try comparison.svg()
        #expect(Snapshot.isWellFormedXML(svg))
        Snapshot.assertMatches(svg, named: "recallComparison.svg")
    }

    @Test("An empty plot is refused")
    func emptyPlot() {
        #expect(throws: ReportsError.emptyPlot(title: "x")) { try SVGPlot(title: "x", xLabel: "", yLabel: "").render() }
    }
}

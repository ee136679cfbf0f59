import Testing

@testable import Stopping

@Suite("Knee method (Cormack & Grossman 2016)")
struct KneeStoppingRuleTests {
    /// 40 relevant records at screening positions 0, 2, …, 78, then only excludes.
    static func curve(screened: Int, pool: Int) throws -> ScreeningHistory {
        try ScreeningHistory(poolSize: pool, relevant: (0..<screened).map { $0 < 80 && $0 % 2 == 0 })
    }

    @Test("The knee is the last relevant record of the steep part and ρ follows the paper's formula")
    func kneeAndRatio() throws {
        let rule = try KneeStoppingRule()
        let knee = try #require(rule.knee(try Self.curve(screened: 200, pool: 400)))
        // Farthest above the chord (0,0)–(200,40): i = 79, where the 40th relevant was found.
        #expect(knee.knee == 79)
        #expect(knee.relevantAtKnee == 40)
        // ρ = (40/79) / ((40 − 40 + 1)/(200 − 79)) = 40·121/79.
        #expect(abs(knee.ratio - 40.0 * 121 / 79) < 1e-12)
    }

    @Test("A fixed threshold of 6 fires only once 150 records are screened")
    func minimumScreened() throws {
        let rule = try KneeStoppingRule()
        let early = rule.evaluate(try Self.curve(screened: 149, pool: 400))
        #expect(early.state == .keepGoing)
        #expect((early.figure("slope_ratio") ?? 0) >= 6)  // the knee is there, the minimum is not
        let ready = rule.evaluate(try Self.curve(screened: 150, pool: 400))
        #expect(ready.state == .stop)
        // (40/79)/(1/71)
        #expect(abs((ready.figure("slope_ratio") ?? 0) - 40.0 * 71 / 79) < 1e-12)
    }

    @Test("The adaptive threshold 156 − min(relret, 150) fires at the first s with (40/79)(s − 79) ≥ 116")
    func adaptiveThreshold() throws {
        let rule = try KneeStoppingRule(threshold: .adaptive)
        #expect(rule.evaluate(try Self.curve(screened: 308, pool: 400)).state == .keepGoing)
        let stop = rule.evaluate(try Self.curve(screened: 309, pool: 400))
        #expect(stop.state == .stop)
        #expect(stop.figure("threshold") == 116)
    }

    @Test("A straight or convex curve has no knee and never stops")
    func noKnee() throws {
        let rule = try KneeStoppingRule(minimumScreened: 0)
        // Relevant only at the end: the curve lies under its chord.
        let convex = try ScreeningHistory(poolSize: 300, relevant: (0..<200).map { $0 >= 190 })
        #expect(rule.knee(convex) == nil)
        #expect(rule.evaluate(convex).state == .keepGoing)
        let none = try ScreeningHistory(poolSize: 300, relevant: Array(repeating: false, count: 200))
        #expect(rule.evaluate(none).state == .keepGoing)
    }

    @Test("A steady rate of relevant records gives ρ near 1, far from the threshold")
    func steadyRate() throws {
        let steady = try ScreeningHistory(poolSize: 1000, relevant: (0..<600).map { $0 % 10 == 0 })
        let evaluation = try KneeStoppingRule().evaluate(steady)
        #expect(evaluation.state == .keepGoing)
        #expect((evaluation.figure("slope_ratio") ?? 99) < 2)
    }
}

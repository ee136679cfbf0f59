import Testing

@testable import Stopping

@Suite("N consecutive excludes")
struct ConsecutiveExcludesRuleTests {
    @Test("The run counts decisions since the last relevant one")
    func runLength() throws {
        let rule = try ConsecutiveExcludesRule(runLength: .count(3))
        let history = try ScreeningHistory(poolSize: 10, relevant: [false, true, false, false])
        #expect(rule.currentRun(history) == 2)
        #expect(rule.evaluate(history).state == .keepGoing)
        let longer = try ScreeningHistory(poolSize: 10, relevant: [false, true, false, false, false])
        #expect(rule.evaluate(longer).state == .stop)
        #expect(rule.evaluate(longer).summary == "3 of 3 excludes in a row: stop")
        let none = try ScreeningHistory(poolSize: 10, relevant: [false, false])
        #expect(rule.currentRun(none) == 2)
    }

    @Test("A maybe breaks the run unless told otherwise")
    func maybeBreaksRun() throws {
        let rule = try ConsecutiveExcludesRule(runLength: .count(2))
        let cautious = try ScreeningHistory(poolSize: 5, labels: [.include, .exclude, .maybe, .exclude])
        #expect(rule.evaluate(cautious).state == .keepGoing)
        let loose = try ScreeningHistory(
            poolSize: 5, labels: [.include, .exclude, .maybe, .exclude], maybeCountsAsRelevant: false)
        #expect(rule.evaluate(loose).state == .stop)
    }

    @Test("A fraction of the pool is rounded up")
    func fractionOfPool() throws {
        #expect(ConsecutiveExcludesRule.RunLength.fractionOfPool(0.05).records(poolSize: 1993) == 100)
        #expect(ConsecutiveExcludesRule.RunLength.fractionOfPool(0.05).records(poolSize: 10) == 1)
        #expect(throws: StoppingError.self) { try ConsecutiveExcludesRule(runLength: .fractionOfPool(0)) }
        #expect(throws: StoppingError.self) { try ConsecutiveExcludesRule(runLength: .count(0)) }
    }
}

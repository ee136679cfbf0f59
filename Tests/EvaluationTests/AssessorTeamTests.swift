import Testing

@testable import Evaluation

@Suite("Simulated assessors")
struct AssessorTeamTests {
    @Test("single assessors err at the set rate; dual conflicts occur at 2P(1-P) and are resolved to the truth")
    func rates() {
        let n = 20_000
        let truth = (0..<n).map { $0 % 7 == 0 }
        let single = AssessorTeam(mode: .single, errorRate: 0.1, seed: 5)
        let wrong = (0..<n).filter { single.screen(record: $0, truth: truth[$0]).final != truth[$0] }.count
        #expect(abs(Double(wrong) / Double(n) - 0.1) < 0.01)
        let dual = AssessorTeam(mode: .dual, errorRate: 0.1, seed: 5)
        let outcomes = (0..<n).map { dual.screen(record: $0, truth: truth[$0]) }
        #expect(abs(Double(outcomes.filter(\.conflict).count) / Double(n) - 2 * 0.1 * 0.9) < 0.01)
        // Both assessors wrong (P² = 1 %) is the only way a dual team records a wrong label.
        let dualWrong = (0..<n).filter { outcomes[$0].final != truth[$0] }.count
        #expect(abs(Double(dualWrong) / Double(n) - 0.01) < 0.004)
        #expect(outcomes.allSatisfy { $0.votes == 2 })
        #expect(zip(outcomes, truth).allSatisfy { !$0.conflict || $0.final == $1 })
        // The same record gets the same votes whenever it is screened.
        #expect((0..<200).allSatisfy { dual.screen(record: $0, truth: truth[$0]) == outcomes[$0] })
        #expect(AssessorTeam(mode: .single, errorRate: 0, seed: 1).screen(record: 3, truth: true).final)
    }

    @Test("workload and recall at the stop are counted against the truth")
    func outcome() {
        let team = AssessorTeam(mode: .dual, errorRate: 0.1, seed: 1)
        let truth = [true, false, true, false, true]
        let outcomes: [AssessorTeam.Outcome] = [
            .init(final: true, votes: 2, conflict: true), .init(final: false, votes: 2, conflict: false),
            .init(final: false, votes: 2, conflict: false),  // both assessors missed this include
            .init(final: true, votes: 2, conflict: false),  // both included an exclude
            .init(final: true, votes: 2, conflict: false),
        ]
        let measured = TeamSimulationOutcome(team: team, truth: truth, outcomes: outcomes, stoppedAt: 4)
        #expect(measured.votes == 10 && measured.conflicts == 1)
        #expect(measured.workloadAtStop == 9)
        #expect(abs(measured.recallAtStop - 1.0 / 3) < 1e-12)
        #expect(abs(measured.recallAtEnd - 2.0 / 3) < 1e-12)
        let never = TeamSimulationOutcome(team: team, truth: truth, outcomes: outcomes, stoppedAt: nil)
        #expect(never.workloadAtStop == 11 && never.recallAtStop == never.recallAtEnd)
    }
}

import ReviewModel
import Testing

@testable import Ranking

/// The live screen stores each signal's rank of a record with its decision; a hybrid built anew
/// (a reopened review, dense signals that arrived) restores its credit from those ranks.
@Suite("Hybrid credit restored from stored signal ranks")
struct HybridCreditRestoreTests {
    /// 300 records, every sixth an include; three signals of different quality.
    let labels = (0..<300).map { $0 % 6 == 0 }
    var signals: [StaticRanker] {
        [
            StaticRanker(
                id: "good", scores: labels.indices.map { (labels[$0] ? 1.0 : 0.0) + Double(($0 * 37) % 101) / 150 }),
            StaticRanker(
                id: "fair", scores: labels.indices.map { (labels[$0] ? 0.4 : 0.0) + Double(($0 * 53) % 97) / 100 }),
            StaticRanker(id: "noise", scores: labels.indices.map { Double(($0 * 71) % 89) / 89 }),
        ]
    }

    /// Screens `count` records from the hybrid's own ranking, storing each record's signal ranks
    /// from the ranking it was picked from, as the live screen does.
    func screen(count: Int) throws -> (decisions: [Decision], weights: [Double], credits: [Double]) {
        var cycle = ActiveLearningCycle(poolSize: labels.count, rankers: [HybridRanker(signals: signals)], seed: 3)
        var stored: [Decision] = []
        for _ in 0..<count {
            cycle.retrain()
            let table = try #require(cycle.rankers.first as? HybridRanker).signalRankTable()
            guard let pick = cycle.nextPick() else { break }
            let ranks = table.observations(for: pick.record)
            #expect(ranks.keys.sorted() == ["fair", "good", "noise"])
            try cycle.decide(pick.record, relevant: labels[pick.record], pickedAt: pick.pickedAt)
            stored.append(
                Decision(
                    record: pick.record, relevant: labels[pick.record], pickedAt: pick.pickedAt, signalRanks: ranks))
        }
        cycle.retrain()
        let hybrid = try #require(cycle.rankers.first as? HybridRanker)
        return (stored, hybrid.weights, hybrid.credits)
    }

    @Test("a new hybrid fed the stored ranks has exactly the weights of the one that screened")
    func restoredWeightsEqual() throws {
        let live = try screen(count: 60)
        var reopened = HybridRanker(signals: signals)
        let scores = reopened.scores(decisions: live.decisions)
        #expect(scores?.count == labels.count)
        #expect(reopened.weights == live.weights)
        #expect(reopened.credits == live.credits)
        #expect(live.weights[0] > live.weights[2])  // the good signal earned its weight
        // Without the stored ranks a new hybrid knows nothing of the past: equal weights.
        var forgetful = HybridRanker(signals: signals)
        _ = forgetful.scores(
            decisions: live.decisions.map { Decision(record: $0.record, relevant: $0.relevant, pickedAt: $0.pickedAt) })
        #expect(Set(forgetful.weights.map { ($0 * 1e9).rounded() }).count == 1)
    }

    @Test("a signal that joins later keeps the others' credit and is smoothed toward the pool")
    func newSignalJoins() throws {
        let live = try screen(count: 40)
        let late = StaticRanker(
            id: "dense", scores: labels.indices.map { (labels[$0] ? 0.8 : 0.0) + Double(($0 * 19) % 83) / 100 })
        var joined = HybridRanker(signals: signals + [late])
        _ = joined.scores(decisions: live.decisions)
        // The old signals' credits are as before; the newcomer has no observations yet, so its
        // credit is the pooled mean (smoothing), not zero and not the best.
        #expect(Array(joined.credits.prefix(3)).map { ($0 * 1e6).rounded() } != [0, 0, 0])
        #expect(joined.credits[3] < joined.credits[0])
        #expect(joined.weights[3] > 0)
    }

    @Test(
        "the credit is a function of the current decisions: an undo or a changed label counts as a review reopened then"
    )
    func undoAndRelabel() throws {
        let live = try screen(count: 40)
        // The screening hybrid goes on through an undo (record 10 of the list) and a relabel (record 20).
        var decisions = live.decisions
        decisions.remove(at: 10)
        var relabelled = decisions.remove(at: 19)
        relabelled.relevant.toggle()
        decisions.append(relabelled)
        var cycle = ActiveLearningCycle(poolSize: labels.count, rankers: [HybridRanker(signals: signals)], seed: 3)
        try cycle.follow(live.decisions)
        cycle.retrain()
        try cycle.follow(decisions)
        cycle.retrain()
        let continued = try #require(cycle.rankers.first as? HybridRanker)
        // A hybrid built on the final decisions alone has the same weights, to the last bit.
        var reopened = HybridRanker(signals: signals)
        _ = reopened.scores(decisions: decisions)
        #expect(reopened.weights == continued.weights)
        #expect(reopened.credits == continued.credits)
        #expect(reopened.weights != live.weights)
    }

    @Test(
        "signals that join a hybrid keep its learnt credit: the same weights as a hybrid that had them from the start")
    func joinKeepsCredit() throws {
        let live = try screen(count: 40)
        let late = StaticRanker(
            id: "dense", scores: labels.indices.map { (labels[$0] ? 0.8 : 0.0) + Double(($0 * 19) % 83) / 100 })
        // A hybrid that screened with three signals and then let a fourth join ...
        var cycle = ActiveLearningCycle(poolSize: labels.count, rankers: [HybridRanker(signals: signals)], seed: 3)
        try cycle.follow(live.decisions)
        cycle.retrain()
        let before = try #require(cycle.rankers.first as? HybridRanker)
        #expect(before.weights == live.weights)
        cycle.updateRankers { rankers in
            guard var hybrid = rankers[0] as? HybridRanker else { return }
            hybrid.join([late])
            rankers[0] = hybrid
        }
        cycle.retrain()
        let joined = try #require(cycle.rankers.first as? HybridRanker)
        // ... weighs its signals as a hybrid of all four fed the same stored decisions,
        var fresh = HybridRanker(signals: signals + [late])
        _ = fresh.scores(decisions: live.decisions)
        #expect(joined.weights == fresh.weights && joined.weights.count == 4)
        // and the three keep the credit they had (the newcomer's ranks were never stored).
        #expect(Array(joined.credits.prefix(3)) == before.credits)
        // A signal rebuilt under the same id replaces the old one instead of joining twice.
        cycle.updateRankers { rankers in
            guard var hybrid = rankers[0] as? HybridRanker else { return }
            hybrid.join([StaticRanker(id: "dense", scores: late.fixedScores.map { -$0 })])
            rankers[0] = hybrid
        }
        cycle.retrain()
        let replaced = try #require(cycle.rankers.first as? HybridRanker)
        #expect(replaced.signals.map(\.id) == ["good", "fair", "noise", "dense"])
        #expect(replaced.weights == joined.weights)
    }

    @Test("a record screened before a ranking has no ranks in it")
    func screenedRecordHasNoRanks() throws {
        var cycle = ActiveLearningCycle(poolSize: labels.count, rankers: [HybridRanker(signals: signals)], seed: 3)
        try cycle.decide(5, relevant: false, pickedAt: .prior)
        cycle.retrain()
        let table = try #require(cycle.rankers.first as? HybridRanker).signalRankTable()
        #expect(table.observations(for: 5).isEmpty)
        #expect(table.observations(for: 6)["good"]?.openCount == 299)
        #expect(table.observations(for: -1).isEmpty && table.observations(for: 300).isEmpty)
    }
}

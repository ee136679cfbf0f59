import Foundation
import Testing
import ReviewModel
@testable import Ranking

@Suite("Hybrid ranker: online fusion weights, fallback and determinism")
struct HybridRankerTests {
    /// 200 records, every fifth an include.
    let labels = (0..<200).map { $0 % 5 == 0 }

    /// A static signal that puts includes on top (with a deterministic jitter).
    var goodSignal: StaticRanker {
        StaticRanker(
            id: "good", scores: labels.indices.map { (labels[$0] ? 1.0 : 0.0) + Double(($0 * 37) % 101) / 1000 })
    }

    /// A static signal that puts includes at the bottom.
    var badSignal: StaticRanker {
        StaticRanker(id: "bad", scores: labels.indices.map { (labels[$0] ? 0.0 : 1.0) + Double(($0 * 53) % 97) / 1000 })
    }

    func screen(_ hybrid: HybridRanker, decisions count: Int) throws -> (ActiveLearningCycle, HybridRanker) {
        var cycle = ActiveLearningCycle(poolSize: labels.count, rankers: [hybrid], seed: 1)
        for _ in 0..<count {
            cycle.retrain()
            guard let pick = cycle.nextPick() else { break }
            try cycle.decide(pick.record, relevant: labels[pick.record], pickedAt: pick.pickedAt)
        }
        cycle.retrain()
        let fitted = try #require(cycle.rankers.first as? HybridRanker)
        return (cycle, fitted)
    }

    @Test("the weights move toward the signal that ranks the includes better")
    func weightsAdapt() throws {
        // Given equal starting weights for a good and a bad signal
        let hybrid = HybridRanker(signals: [badSignal, goodSignal])
        var cold = hybrid
        _ = cold.scores(decisions: [])
        #expect(abs(cold.weights[0] - cold.weights[1]) < 1e-12)
        // When 30 records are screened from the fused ranking
        let (cycle, fitted) = try screen(hybrid, decisions: 30)
        // Then the good signal carries almost all the weight and earned more credit
        #expect(fitted.weights[1] > 0.95)
        #expect(fitted.credits[1] > fitted.credits[0] + 1)
        // and nearly every record screened after the first few is an include
        let found = cycle.decisions.filter(\.relevant).count
        #expect(found >= 25)
    }

    @Test("a sharper weighting gives the better signal more weight")
    func sharpness() throws {
        let (_, mild) = try screen(HybridRanker(signals: [badSignal, goodSignal], sharpness: 0.25), decisions: 20)
        let (_, sharp) = try screen(HybridRanker(signals: [badSignal, goodSignal], sharpness: 2), decisions: 20)
        #expect(sharp.weights[1] > mild.weights[1])
        #expect(mild.weights[1] > 0.5)
    }

    @Test("a fall-back signal leads until the evidence is in, and a better signal still takes over")
    func fallBack() throws {
        // The fall-back is the worse signal here, so the fusion must learn its way out of it.
        let fallback = StaticRanker(id: RankerID.tfidfLR.rawValue, scores: badSignal.fixedScores)
        let hybrid = HybridRanker(signals: [fallback, goodSignal], anchor: .tfidfLR, anchorStrength: 2)
        var cold = hybrid
        _ = cold.scores(decisions: [])
        // No decisions: a head start of 1 credit unit, e^2 times the other's weight.
        #expect(abs(cold.weights[0] / cold.weights[1] - exp(2)) < 1e-9)
        let (cycle, fitted) = try screen(hybrid, decisions: 60)
        #expect(cycle.decisions.filter(\.relevant).count >= 20)
        #expect(fitted.weights[1] > 0.95)
        #expect(fitted.parameters["anchor"] == "tfidf-lr")
        // Without a fall-back, the same signals start level.
        var level = HybridRanker(signals: [fallback, goodSignal])
        _ = level.scores(decisions: [])
        #expect(level.weights == [0.5, 0.5])
    }

    @Test("follow the leader: a single signal far ahead of the fused ranking is served instead of it")
    func leader() throws {
        // β = 0: the fusion averages a good and a bad signal whatever their records.
        let (_, averaged) = try screen(HybridRanker(signals: [badSignal, goodSignal], sharpness: 0), decisions: 40)
        let (cycle, led) = try screen(
            HybridRanker(signals: [badSignal, goodSignal], sharpness: 0, leaderMargin: 0), decisions: 40)
        #expect(averaged.parameters["leader"] == nil)
        #expect(led.leader == "good")
        #expect(led.parameters["leader"] == "good")
        #expect(led.credits[1] > led.fusionCredit)
        // Served the good signal's ranking, nearly every pick after the first few is an include.
        #expect(cycle.decisions.filter(\.relevant).count >= 35)
        // Its ranks are stored with decisions as the "fusion" signal's, so a reopened review
        // credits the fused ranking the same way.
        let table = led.signalRankTable()
        let open = try #require(
            (0..<labels.count).first { record in !cycle.decisions.contains { $0.record == record } })
        #expect(table.observations(for: open)[HybridRanker.fusionID] != nil)
    }

    @Test("the bandit serves the arm whose own top picks are includes, from stored ranks as well")
    func bandit() throws {
        // β = 0: the fused arm averages the two signals, so it is no better than chance.
        let hybrid = HybridRanker(signals: [badSignal, goodSignal], sharpness: 0, weighting: .bandit)
        var cycle = ActiveLearningCycle(poolSize: labels.count, rankers: [hybrid], seed: 1)
        var stored: [Decision] = []
        var served: [String?] = []
        for _ in 0..<40 {
            cycle.retrain()
            let fitted = try #require(cycle.rankers.first as? HybridRanker)
            served.append(fitted.servedSignal)
            let table = fitted.signalRankTable()
            guard let pick = cycle.nextPick() else { break }
            let ranks = table.observations(for: pick.record)
            // The fused ranking is stored as an arm of its own.
            #expect(ranks[HybridRanker.fusionID] != nil)
            try cycle.decide(pick.record, relevant: labels[pick.record], pickedAt: pick.pickedAt)
            stored.append(
                Decision(
                    record: pick.record, relevant: labels[pick.record], pickedAt: pick.pickedAt, signalRanks: ranks))
        }
        cycle.retrain()
        let live = try #require(cycle.rankers.first as? HybridRanker)
        // The other arms are tried now and then (the exploration bonus), the good one serves most,
        #expect(served.contains("bad") && served.contains(nil))
        #expect(served.filter { $0 == "good" }.count >= 28)
        #expect(cycle.decisions.filter(\.relevant).count >= 28)
        // and a hybrid built anew from the stored ranks (a reopened review) serves the same arm
        // with the same scores.
        var reopened = HybridRanker(signals: [badSignal, goodSignal], sharpness: 0, weighting: .bandit)
        let scores = reopened.scores(decisions: stored)
        var again = live
        let liveScores = again.scores(decisions: stored)
        #expect(scores != nil && scores == liveScores)
        #expect(reopened.servedSignal == again.servedSignal)
        #expect(live.parameters["served"] == (live.servedSignal ?? HybridRanker.fusionID))
        // Without the exploration bonus the first arm that looks no worse than the pool keeps
        // serving (here the chance-level fusion): the bonus is what finds the good arm.
        var greedyCycle = ActiveLearningCycle(
            poolSize: labels.count,
            rankers: [
                HybridRanker(signals: [badSignal, goodSignal], sharpness: 0, weighting: .bandit, exploration: 0)
            ],
            seed: 1)
        var greedyServed: [String?] = []
        for _ in 0..<40 {
            greedyCycle.retrain()
            greedyServed.append(try #require(greedyCycle.rankers.first as? HybridRanker).servedSignal)
            guard let pick = greedyCycle.nextPick() else { break }
            try greedyCycle.decide(pick.record, relevant: labels[pick.record], pickedAt: pick.pickedAt)
        }
        #expect(!greedyServed.contains("good"))
        #expect(greedyCycle.decisions.filter(\.relevant).count < 15)
        #expect(live.parameters["exploration"] == "1.0")
    }

    @Test("the bandit's depth decides which of an arm's ranks count as its picks")
    func banditDepth() {
        // Six includes that "b" put first and "a" third, four excludes that "a" put first and "b"
        // second, five excludes that "b" put fourth and "a" far down.
        func ranks(_ a: Double, _ b: Double) -> [String: SignalObservation] {
            ["a": SignalObservation(rank: a, openCount: 100), "b": SignalObservation(rank: b, openCount: 100)]
        }
        let decisions =
            Array(repeating: (ranks: ranks(3, 1), include: true), count: 6)
            + Array(repeating: (ranks: ranks(1, 2), include: false), count: 4)
            + Array(repeating: (ranks: ranks(100, 4), include: false), count: 5)
        // Judged on its first pick alone "b" is perfect and "a" never right;
        var bandit = ArmBandit(halfLife: 1e9, smoothing: 1, exploration: 0)
        #expect(bandit.choose(arms: ["a", "b"], decisions: decisions) == "b")
        // within its first five, "a" finds 6 of 10 includes and "b" 6 of 15.
        bandit.depth = 5
        #expect(bandit.choose(arms: ["a", "b"], decisions: decisions) == "a")
    }

    @Test("a confident weighting sharpens β with the includes credited")
    func confidence() throws {
        let (_, fixed) = try screen(HybridRanker(signals: [badSignal, goodSignal], sharpness: 0.25), decisions: 20)
        let (_, confident) = try screen(
            HybridRanker(signals: [badSignal, goodSignal], sharpness: 0.25, confidence: 1), decisions: 20)
        #expect(confident.weights[1] > fixed.weights[1])
        #expect(fixed.parameters["confidence"] == nil)
        #expect(confident.parameters["confidence"] == "1.0")
    }

    @Test("records without embeddings are scored by the signals that cover them")
    func missingEmbeddingsFallBack() throws {
        // Given a dense signal covering only even records, and a classical signal covering all
        let n = 20
        let rows: [[Float]?] = (0..<n).map { (k: Int) -> [Float]? in
            k % 2 == 0 ? [Float(k) / 20, 1 - Float(k) / 20] : nil
        }
        let embeddings = DenseEmbeddings(rows: rows, topic: [1, 0], dimension: 2)
        let dense = DenseTopicRanker(embeddings: embeddings, topic: [1, 0])
        let classical = StaticRanker(id: "bm25", scores: (0..<n).map { Double(n - $0) })
        var hybrid = HybridRanker(signals: [classical, dense])
        // When it ranks
        let fused = hybrid.scores(decisions: [])
        let scores = try #require(fused)
        // Then every record gets a finite score
        #expect(scores.allSatisfy { $0.isFinite })
        // and an odd record is explained by the classical signal alone, an even one by both
        #expect(hybrid.explanation(for: 3).map(\.signal) == ["bm25"])
        #expect(hybrid.explanation(for: 4).map(\.signal) == ["bm25", "dense-topic"])
        #expect(abs(hybrid.explanation(for: 4).map(\.weight).reduce(0, +) - 1) < 1e-9)
        // and an uncovered record's fused score is the classical signal's normalised value
        let only = try #require(hybrid.explanation(for: 3).first)
        #expect(abs(scores[3] - only.normalised) < 1e-12)
        #expect(only.rank == 4)
    }

    @Test("the dense ranker alone puts records without embeddings last")
    func denseAloneRanksMissingLast() {
        let rows: [[Float]?] = [[1, 0], nil, [0, 1]]
        let dense = DenseTopicRanker(
            embeddings: DenseEmbeddings(rows: rows, topic: [1, 0], dimension: 2), topic: [1, 0])
        let scores = dense.scores(decisions: [])
        #expect(scores?[0] == 1 && scores?[2] == 0 && scores?[1] == -.infinity)
        #expect(dense.coverage == [true, false, true])
    }

    @Test("the hybrid over tfidf-lr and dense-lr is deterministic for a seed")
    func deterministic() throws {
        func run() throws -> [Int] {
            let documents = (0..<60).map { k in
                k % 4 == 0 ? "shoulder impingement test \(k % 3)" : "insulin dosing \(k % 5)"
            }
            let rows: [[Float]?] = (0..<60).map { (k: Int) -> [Float]? in
                k % 7 == 3 ? nil : [k % 4 == 0 ? 1 : 0, Float(k % 5) / 5, 0.5]
            }
            let configuration = CycleConfiguration(ranker: .hybrid, minimumDocumentFrequency: 1, seed: 9)
            let rankers = try RankerRegistry.makeRankers(
                configuration: configuration, documents: documents, topic: nil,
                embeddings: DenseEmbeddings(rows: rows, topic: nil, dimension: 3))
            var cycle = ActiveLearningCycle(poolSize: 60, rankers: rankers, seed: 9)
            try cycle.decide(0, relevant: true, pickedAt: .prior)
            try cycle.decide(1, relevant: false, pickedAt: .prior)
            while cycle.remaining > 0 {
                cycle.retrain()
                guard let pick = cycle.nextPick() else { break }
                try cycle.decide(pick.record, relevant: pick.record % 4 == 0, pickedAt: pick.pickedAt)
            }
            return cycle.decisions.map(\.record)
        }
        let first = try run()
        let second = try run()
        #expect(first == second)
        #expect(Set(first) == Set(0..<60))
    }

    @Test("log-rank normalisation ranks ties by their average rank")
    func signalRanks() {
        let ranks = SignalRanks(scores: [3, 1, 1, 5, -.infinity], screened: [false, false, false, true, false])
        #expect(ranks.openCount == 3)
        #expect(ranks.rank(of: 3, isOpen: true) == 1)
        #expect(ranks.rank(of: 1, isOpen: true) == 2.5)
        #expect(ranks.rank(of: 5, isOpen: false) == 1)
        #expect(ranks.normalised(4, screened: false, method: .logRank) == nil)
    }

    @Test("robust z-scores: centre and scale from the median and quartiles, which one extreme score does not move")
    func robustZ() throws {
        let plain = (0..<9).map(Double.init)  // median 4, quartiles 2 and 6
        let withOutlier = plain.dropLast() + [1_000]
        let a = SignalRanks(scores: plain, screened: Array(repeating: false, count: 9))
        let b = SignalRanks(scores: Array(withOutlier), screened: Array(repeating: false, count: 9))
        for record in 0..<8 {
            let expected = (Double(record) - 4) / (4 / 1.349)
            #expect(abs(try #require(a.normalised(record, screened: false, method: .robustZ)) - expected) < 1e-12)
            #expect(abs(try #require(b.normalised(record, screened: false, method: .robustZ)) - expected) < 1e-12)
        }
        // The plain z-score of the same records moves with the outlier.
        let moved = try #require(b.normalised(4, screened: false, method: .zScore))
        #expect(abs(moved - 0) > 0.3)
    }
}

import Foundation
import Testing
@testable import Ranking
@testable import TextAnalysis

/// AutoTAR's random pseudo-excludes (`PseudoExcludeDraw`, `LearnerRanker.pseudoExcludes`).
@Suite("Random pseudo-excludes")
struct PseudoExcludeTests {
    let pool = IncrementalTrainingTests.randomMatrix(rows: 300, columns: 200, seed: 21)
    var topic: [(Int32, Float)] {
        IncrementalTrainingTests.randomMatrix(rows: 1, columns: 200, seed: 22).row(0).map { ($0.column, $0.value) }
    }

    func ranker(pseudoExcludes: Int, seed: UInt64 = 7) -> LearnerRanker<LogisticRegression> {
        LearnerRanker(
            id: "lr", features: pool, learner: LogisticRegression(), topicRow: topic,
            pseudoExcludes: PseudoExcludeDraw(count: pseudoExcludes, seed: seed))
    }

    @Test("with the topic and no decision the learner ranks only when it draws pseudo-excludes")
    func ranksFromTheTopicAlone() {
        var plain = ranker(pseudoExcludes: 0)
        #expect(plain.scores(decisions: []) == nil)
        var drawing = ranker(pseudoExcludes: 50)
        let scores = drawing.scores(decisions: [])
        #expect(scores?.count == 300)
        #expect(drawing.parameters["random_pseudo_excludes"] == "50")
    }

    @Test("the draw depends only on the seed and the decisions: a replay, a reopened review and a fresh ranker agree")
    func deterministic() {
        var decisions: [Decision] = []
        var a = ranker(pseudoExcludes: 40)
        for step in 0..<20 {
            decisions.append(Decision(record: step * 7, relevant: step % 4 == 0, pickedAt: .rank))
            let warm = a.scores(decisions: decisions)
            var other = ranker(pseudoExcludes: 40)
            var replayed: [Double]?
            for count in 1...decisions.count { replayed = other.scores(decisions: Array(decisions.prefix(count))) }
            #expect(warm?.map(\.bitPattern) == replayed?.map(\.bitPattern))
        }
        var otherSeed = ranker(pseudoExcludes: 40, seed: 8)
        #expect(otherSeed.scores(decisions: decisions) != a.scores(decisions: decisions))
    }

    @Test("pseudo-excludes are drawn from the unscreened records only, and all of them when fewer are open")
    func onlyUnscreened() {
        // 299 records decided as excludes except one include: one record stays open; its pseudo-exclude
        // copy is the only extra row, so the learner sees both classes from real decisions plus it.
        let decisions = (0..<299).map { Decision(record: $0, relevant: $0 == 3, pickedAt: .rank) }
        var drawing = ranker(pseudoExcludes: 50)
        var plain = ranker(pseudoExcludes: 0)
        let withDraw = drawing.scores(decisions: decisions)
        let without = plain.scores(decisions: decisions)
        #expect(withDraw != nil && without != nil)
        // The one open record (299), taken as an exclude, scores lower than without the draw.
        #expect(withDraw![299] < without![299])
    }
}

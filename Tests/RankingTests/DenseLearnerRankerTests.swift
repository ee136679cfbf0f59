import Testing
@testable import Ranking

@Suite("Dense logistic-regression ranker")
struct DenseLearnerRankerTests {
    /// 40 unit vectors in 8-d; includes lean toward +x, excludes toward −x; every 9th is missing.
    func pool() -> (DenseEmbeddings, [Bool]) {
        var generator = SeededGenerator(seed: 4)
        var rows: [[Float]?] = []
        var labels: [Bool] = []
        for k in 0..<40 {
            let include = k % 4 == 0
            var v = (0..<8).map { _ in Float(generator.nextUnit() - 0.5) * 0.6 }
            v[0] += include ? 1 : -1
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            rows.append(k % 9 == 5 ? nil : v.map { $0 / norm })
            labels.append(include)
        }
        return (DenseEmbeddings(rows: rows, topic: nil, dimension: 8), labels)
    }

    @Test("separates linearly separable embeddings after a few decisions")
    func separable() throws {
        let (embeddings, labels) = pool()
        var ranker = DenseLearnerRanker(
            embeddings: embeddings, model: LogisticRegression(inverseRegularization: 10), topicPseudoIncludes: 0)
        let oneClass = ranker.scores(decisions: [Decision(record: 0, relevant: true, pickedAt: .prior)])
        #expect(oneClass == nil)
        let decisions = [0, 1, 2, 4, 6].map { Decision(record: $0, relevant: labels[$0], pickedAt: .rank) }
        let fitted = ranker.scores(decisions: decisions)
        let scores = try #require(fitted)
        let covered = labels.indices.filter { embeddings.rows[$0] != nil }
        let lowestInclude = covered.filter { labels[$0] }.map { scores[$0] }.min() ?? 0
        let highestExclude = covered.filter { !labels[$0] }.map { scores[$0] }.max() ?? 0
        #expect(lowestInclude > highestExclude)
        #expect(labels.indices.filter { embeddings.rows[$0] == nil }.allSatisfy { scores[$0] == -.infinity })
    }

    @Test("ignores decisions on records without an embedding")
    func ignoresMissing() {
        let (embeddings, _) = pool()
        var ranker = DenseLearnerRanker(embeddings: embeddings, model: LogisticRegression(), topicPseudoIncludes: 0)
        // Record 5 has no embedding: only one class remains among embedded records.
        let decisions = [
            Decision(record: 0, relevant: true, pickedAt: .prior),
            Decision(record: 5, relevant: false, pickedAt: .prior),
        ]
        let result = ranker.scores(decisions: decisions)
        #expect(result == nil)
    }

    @Test("the topic embedding acts as a pseudo-include")
    func topicPseudoInclude() throws {
        let (embeddings, _) = pool()
        var topical = embeddings
        topical.topic = [1, 0, 0, 0, 0, 0, 0, 0]
        var ranker = DenseLearnerRanker(
            embeddings: topical, model: LogisticRegression(inverseRegularization: 10), topicPseudoIncludes: 1)
        let fitted = ranker.scores(decisions: [Decision(record: 1, relevant: false, pickedAt: .prior)])
        let scores = try #require(fitted)
        #expect(scores[0] > scores[1])
    }
}

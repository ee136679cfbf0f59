import Foundation
import Testing
import ReviewModel
@testable import Ranking

/// The extra views of a record the cross-validation of issue #16 tried: TF-IDF with stop words
/// kept, TF-IDF and embeddings side by side, the linear SVM, and stacked weights in the hybrid.
@Suite("Signal views: all-words TF-IDF, TF-IDF + embeddings, SVM, stacked fusion")
struct SignalViewsTests {
    let documents = (0..<60).map { k in
        k % 6 == 0
            ? "the effect of the shoulder impingement test on the diagnosis \(k % 4)"
            : "insulin dosing in the treatment of the diabetes patients \(k % 5)"
    }
    var labels: [Bool] { (0..<60).map { $0 % 6 == 0 } }
    var embeddings: DenseEmbeddings {
        DenseEmbeddings(
            rows: labels.map { $0 ? [1, 0, 0] : [0, 0.6, 0.8] }, topic: [0.9, 0.1, 0.1].map { Float($0) },
            dimension: 3)
    }

    func configuration(_ ranker: RankerID) -> CycleConfiguration {
        CycleConfiguration(ranker: ranker, minimumDocumentFrequency: 1, seed: 3)
    }

    func screen(_ rankers: [any Ranker]) throws -> [Int] {
        var cycle = ActiveLearningCycle(poolSize: 60, rankers: rankers, seed: 3)
        try cycle.decide(0, relevant: true, pickedAt: .prior)
        try cycle.decide(1, relevant: false, pickedAt: .prior)
        var found: [Int] = []
        for _ in 0..<10 {
            guard let pick = cycle.retrain().order.first else { break }
            try cycle.decide(pick, relevant: labels[pick], pickedAt: .rank)
            found.append(pick)
        }
        return found
    }

    @Test("stop words kept give the all-words view more columns; it ranks the includes first")
    func allWords() throws {
        let plain = try ClassicalFeatures.build(
            configuration: configuration(.tfidfLR), documents: documents, topic: nil)
        var kept = configuration(.tfidfLR)
        kept.removesStopWords = false
        let all = try ClassicalFeatures.build(configuration: kept, documents: documents, topic: nil)
        #expect(all.matrix.columnCount > plain.matrix.columnCount)
        #expect(
            ClassicalFeatures.cacheKey(configuration: kept, topic: nil, poolIDs: [1])
                != ClassicalFeatures.cacheKey(configuration: configuration(.tfidfLR), topic: nil, poolIDs: [1]))
        let rankers = try RankerRegistry.makeRankers(
            configuration: configuration(.tfidfLRAllWords), documents: documents, topic: nil)
        #expect(rankers.first?.id == "tfidf-lr-all-words")
        #expect(try screen(rankers).prefix(9).allSatisfy { labels[$0] })
    }

    @Test("concat-lr learns from both views: a record whose text is an exclude's but embedding an include's ranks high")
    func concatenated() throws {
        var documents = self.documents
        documents[59] = "insulin dosing in the treatment of the diabetes patients 4"
        var rows = labels.map { $0 ? [Float(1), 0, 0] : [Float(0), 0.6, 0.8] }
        rows[59] = [1, 0, 0]
        let dense = DenseEmbeddings(rows: rows, topic: nil, dimension: 3)
        var concat = try RankerRegistry.makeRankers(
            configuration: configuration(.concatLR), documents: documents, topic: nil, embeddings: dense)
        #expect(concat.first?.id == "concat-lr")
        var classical = try RankerRegistry.makeRankers(
            configuration: configuration(.tfidfLR), documents: documents, topic: nil)
        let decisions = [
            Decision(record: 0, relevant: true, pickedAt: .prior),
            Decision(record: 1, relevant: false, pickedAt: .prior),
        ]
        let bothScores = concat[0].scores(decisions: decisions)
        let textScores = classical[0].scores(decisions: decisions)
        let both = try #require(bothScores)
        let text = try #require(textScores)
        // Record 29 has record 59's text and an exclude's embedding.
        #expect(documents[29] == documents[59] && !labels[29])
        #expect(text[59] == text[29])
        #expect(both[59] > both[29])
        #expect(throws: RankingError.self) {
            try RankerRegistry.makeRankers(configuration: configuration(.concatLR), documents: documents, topic: nil)
        }
    }

    @Test("tfidf-svm ranks the includes first; the hybrid fuses the signals it is asked to, stacked or not")
    func svmAndFusion() throws {
        let svm = try RankerRegistry.makeRankers(
            configuration: configuration(.tfidfSVM), documents: documents, topic: nil)
        #expect(svm.first?.id == "tfidf-svm" && svm.first?.parameters["loss"] == "squared-hinge")
        #expect(try screen(svm).prefix(9).allSatisfy { labels[$0] })
        var hybrid = configuration(.hybrid)
        hybrid.fusionSignals = [.tfidfLR, .tfidfSVM, .tfidfLRAllWords, .concatLR, .denseLR]
        hybrid.fusionWeighting = .stacked
        let rankers = try RankerRegistry.makeRankers(
            configuration: hybrid, documents: documents, topic: nil, embeddings: embeddings)
        let fused = try #require(rankers.first as? HybridRanker)
        #expect(fused.signals.map(\.id) == ["tfidf-lr", "tfidf-svm", "concat-lr", "tfidf-lr-all-words", "dense-lr"])
        #expect(fused.parameters["weighting"] == "stacked")
        #expect(try screen(rankers).prefix(9).allSatisfy { labels[$0] })
    }
}

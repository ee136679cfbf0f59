import Foundation
import Testing
@testable import TextAnalysis

@Suite("BM25")
struct BM25IndexTests {
    @Test("matches Lucene's formula on a three-document corpus")
    func handComputed() {
        // Given lengths 2, 3, 1 (avgdl = 2) and a query for "cuff"
        let index = TermIndex(documents: ["rotator cuff", "cuff cuff tear", "shoulder"], includesBigrams: false)
        let bm25 = BM25Index(index: index)
        let scores = bm25.scores([(index.vocabulary.id(of: "cuff") ?? -1, 1)])
        // Then idf = ln(1 + (3 − 2 + 0.5)/(2 + 0.5)) and tf/(tf + k1(1 − b + b·dl/avgdl))
        let idf = log(1 + 1.5 / 2.5)
        let doc0 = idf * 1 / (1 + 1.2 * (0.25 + 0.75 * 2 / 2))
        let doc1 = idf * 2 / (2 + 1.2 * (0.25 + 0.75 * 3 / 2))
        #expect(abs(scores[0] - doc0) < 1e-9)
        #expect(abs(scores[1] - doc1) < 1e-9)
        #expect(scores[2] == 0)
    }

    @Test("the postings path equals the naive reference on random corpora", arguments: [1, 2, 3, 4])
    func fastEqualsNaive(seed: Int) {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
        let documents = (0..<20).map { _ in
            (0..<(1 + next(12))).map { _ in words[next(words.count)] }.joined(separator: " ")
        }
        let index = TermIndex(documents: documents)
        let bm25 = BM25Index(index: index)
        let query = (0..<5).map { _ in (Int32(next(index.vocabulary.count)), Double(1 + next(3))) }
        let fast = bm25.scores(query)
        let naive = bm25.scoresNaive(query)
        for (a, b) in zip(fast, naive) { #expect(abs(a - b) < 1e-9) }
    }

    @Test("resolves phrases to bigrams and truncation to the matching words")
    func resolution() {
        let index = TermIndex(documents: ["diagnosis of rotator cuff", "diagnostic test", "diabetes"])
        let bm25 = BM25Index(index: index)
        let query = WeightedQuery(terms: [
            .init(.pattern("Diagnos$"), weight: 1), .init(.text("rotator cuff"), weight: 0.5),
        ])
        let resolved = Dictionary(
            uniqueKeysWithValues: bm25.resolve(query).map { (index.vocabulary.term($0.term), $0.weight) })
        #expect(resolved == ["diagnosis": 1, "diagnostic": 1, "rotator": 0.5, "cuff": 0.5, "rotator cuff": 0.5])
    }
}

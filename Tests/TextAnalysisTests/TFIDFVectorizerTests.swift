import Foundation
import Testing
@testable import TextAnalysis

@Suite("TF-IDF")
struct TFIDFVectorizerTests {
    @Test("computes sublinear tf, smooth idf and unit rows as scikit-learn does")
    func handComputed() throws {
        // Given three documents; with min_df 1 every unigram is kept
        let index = TermIndex(documents: ["cat cat dog", "dog fish", "bird"], includesBigrams: false)
        let tfidf = try TFIDFVectorizer(index: index, minimumDocumentFrequency: 1, maximumDocumentFraction: 1)
        // Then row 0 = (1 + ln 2)·idf(cat), 1·idf(dog), normalised
        let idfCat = log(4.0 / 2.0) + 1
        let idfDog = log(4.0 / 3.0) + 1
        let cat = (1 + log(2.0)) * idfCat
        let norm = (cat * cat + idfDog * idfDog).squareRoot()
        let row = Dictionary(
            uniqueKeysWithValues: tfidf.matrix.row(0).map {
                (index.vocabulary.term(tfidf.termIDs[Int($0.column)]), Double($0.value))
            })
        #expect(abs(row["cat", default: 0] - cat / norm) < 1e-5)
        #expect(abs(row["dog", default: 0] - idfDog / norm) < 1e-5)
    }

    @Test("every non-empty row has unit length")
    func unitRows() throws {
        let index = TermIndex(documents: ["alpha beta gamma", "beta gamma delta", "gamma delta alpha", "zeta"])
        let tfidf = try TFIDFVectorizer(index: index, minimumDocumentFrequency: 1, maximumDocumentFraction: 1)
        for row in 0..<3 {
            let norm = tfidf.matrix.row(row).reduce(Float(0)) { $0 + $1.value * $1.value }
            #expect(abs(norm - 1) < 1e-5)
        }
    }

    @Test("min_df drops terms of a single document and max_df drops ubiquitous ones")
    func documentFrequencyBounds() throws {
        let index = TermIndex(documents: ["common rare", "common mutual", "common mutual"], includesBigrams: false)
        let tfidf = try TFIDFVectorizer(index: index, minimumDocumentFrequency: 2, maximumDocumentFraction: 0.9)
        let kept = Set(tfidf.termIDs.map { index.vocabulary.term($0) })
        #expect(kept == ["mutual"])
    }

    @Test("bigrams of adjacent non-stop words are features")
    func bigrams() {
        let index = TermIndex(documents: ["rotator cuff tear", "the rotator cuff"])
        #expect(index.vocabulary.id(of: "rotator", "cuff") != nil)
        #expect(index.vocabulary.documentFrequency[Int(index.vocabulary.id(of: "rotator", "cuff") ?? 0)] == 2)
    }

    @Test("rejects a maximum document fraction outside (0, 1]")
    func invalidParameters() {
        let index = TermIndex(documents: ["a b"])
        #expect(throws: TextAnalysisError.invalidParameter("maximumDocumentFraction", "1.5")) {
            try TFIDFVectorizer(index: index, maximumDocumentFraction: 1.5)
        }
    }
}

import Foundation

/// Okapi BM25 over a `TermIndex`, with Lucene's `BM25Similarity` (Lucene ≥ 8) formula:
///
///     score(d, q) = Σ_t w_t · idf(t) · tf / (tf + k1 · (1 − b + b · dl / avgdl))
///     idf(t)      = ln(1 + (N − df + 0.5) / (df + 0.5))
///
/// with k1 = 1.2 and b = 0.75 (Lucene's defaults), `tf` the raw count of term t in d, `dl` the
/// number of unigram terms of d after stop-word removal and `avgdl` its corpus mean; `w_t` is
/// the query term's weight. Lucene stores `dl` lossily (one byte); here it is exact. Bigram
/// terms (phrases) are scored like any other term.
public struct BM25Index: Sendable {
    /// Term-frequency saturation (Lucene default 1.2).
    public let k1: Double
    /// Length normalisation (Lucene default 0.75).
    public let b: Double
    /// The analysed corpus.
    public let index: TermIndex
    /// Mean document length.
    public let averageLength: Double
    private let postingStarts: [Int]
    private let postingDocuments: [Int32]
    private let postingCounts: [Float]

    /// Builds the inverted index.
    public init(index: TermIndex, k1: Double = 1.2, b: Double = 0.75) {
        self.k1 = k1
        self.b = b
        self.index = index
        let total = index.documentLengths.reduce(0, +)
        averageLength = index.documentCount > 0 ? max(Double(total) / Double(index.documentCount), 1e-9) : 1
        let counts = index.counts
        var starts = [Int](repeating: 0, count: counts.columnCount + 1)
        for column in counts.columns { starts[Int(column) + 1] += 1 }
        for k in 0..<counts.columnCount { starts[k + 1] += starts[k] }
        var fill = starts
        var documents = [Int32](repeating: 0, count: counts.nonzeroCount)
        var values = [Float](repeating: 0, count: counts.nonzeroCount)
        for row in 0..<counts.rowCount {
            for k in counts.rowStarts[row]..<counts.rowStarts[row + 1] {
                let column = Int(counts.columns[k])
                documents[fill[column]] = Int32(row)
                values[fill[column]] = counts.values[k]
                fill[column] += 1
            }
        }
        postingStarts = starts
        postingDocuments = documents
        postingCounts = values
    }

    /// Lucene's BM25 idf of a term occurring in `documentFrequency` of `documentCount` documents.
    public static func idf(documentFrequency: Int, documentCount: Int) -> Double {
        log(1 + (Double(documentCount - documentFrequency) + 0.5) / (Double(documentFrequency) + 0.5))
    }

    /// Scores every document against weighted term ids (term-at-a-time over the postings).
    public func scores(_ query: [(term: Int32, weight: Double)]) -> [Double] {
        var scores = [Double](repeating: 0, count: index.documentCount)
        let lengths = index.documentLengths
        for (term, weight) in query where term >= 0 && Int(term) < postingStarts.count - 1 {
            let range = postingStarts[Int(term)]..<postingStarts[Int(term) + 1]
            guard !range.isEmpty else { continue }
            let termIDF = Self.idf(documentFrequency: range.count, documentCount: index.documentCount)
            for k in range {
                let document = Int(postingDocuments[k])
                let tf = Double(postingCounts[k])
                let norm = k1 * (1 - b + b * Double(lengths[document]) / averageLength)
                scores[document] += weight * termIDF * tf / (tf + norm)
            }
        }
        return scores
    }

    /// Reference implementation: the same formula evaluated document by document from the raw
    /// counts (used to test `scores(_:)`).
    public func scoresNaive(_ query: [(term: Int32, weight: Double)]) -> [Double] {
        let counts = index.counts
        return (0..<index.documentCount).map { document in
            var score = 0.0
            for (term, weight) in query {
                var tf = 0.0
                var df = 0
                for other in 0..<index.documentCount {
                    let row = counts.row(other)
                    guard let entry = row.first(where: { $0.column == term }) else { continue }
                    df += 1
                    if other == document { tf = Double(entry.value) }
                }
                guard tf > 0 else { continue }
                let dl = Double(index.documentLengths[document])
                let idf = log(1 + (Double(index.documentCount - df) + 0.5) / (Double(df) + 0.5))
                score += weight * idf * tf / (tf + k1 * (1 - b + b * dl / averageLength))
            }
            return score
        }
    }

    /// Resolves a weighted query against the vocabulary: words and phrases are analysed like
    /// documents (a phrase becomes its words plus its adjacent-word bigrams), prefix and
    /// wildcard patterns expand to the matching unigrams (each keeping the pattern's weight).
    /// Terms absent from the corpus are dropped; a term reached twice keeps its largest weight.
    public func resolve(_ query: WeightedQuery) -> [(term: Int32, weight: Double)] {
        var weights: [Int32: Double] = [:]
        func add(_ id: Int32?, _ weight: Double) {
            guard let id else { return }
            weights[id] = max(weights[id] ?? 0, weight)
        }
        let vocabulary = index.vocabulary
        for item in query.terms {
            switch item.kind {
            case .text(let text):
                let terms = index.analyzer.terms(text)
                for term in terms { add(vocabulary.id(of: term), item.weight) }
                if terms.count > 1 {
                    for k in 1..<terms.count { add(vocabulary.id(of: terms[k - 1], terms[k]), item.weight) }
                }
            case .pattern(let raw):
                let pattern = TermPattern(index.analyzer.normalize(raw))
                if pattern.literalPrefix.count < 2 { continue }  // "a$" would match half the corpus
                for id in vocabulary.expand(pattern) { add(id, item.weight) }
            }
        }
        return weights.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

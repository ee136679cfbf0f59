/// The analysed corpus: its vocabulary (unigrams and, optionally, bigrams of adjacent
/// non-stop-word terms, as scikit-learn's `ngram_range=(1, 2)` forms them) and the raw term
/// counts of every document. TF-IDF and BM25 are both computed from it.
public struct TermIndex: Sendable {
    /// The analyzer used for documents and queries.
    public let analyzer: Analyzer
    /// Whether bigrams are indexed.
    public let includesBigrams: Bool
    /// The terms.
    public private(set) var vocabulary: Vocabulary
    /// Raw term counts, one row per document, one column per term id.
    public private(set) var counts: SparseMatrix
    /// Number of unigram terms in each document (BM25's document length).
    public private(set) var documentLengths: [Int]

    /// Analyses `documents` (one string per document, e.g. title + abstract).
    public init(documents: [String], analyzer: Analyzer = Analyzer(), includesBigrams: Bool = true) {
        self.analyzer = analyzer
        self.includesBigrams = includesBigrams
        var vocabulary = Vocabulary()
        let sequences = documents.map { document in
            analyzer.terms(document).map { vocabulary.unigramID(inserting: $0) }
        }
        var bigramRows: [[Int32]] = []
        if includesBigrams {
            bigramRows = sequences.map { sequence in
                guard sequence.count > 1 else { return [] }
                return (1..<sequence.count).map {
                    vocabulary.bigramOrdinal(inserting: Vocabulary.pack(sequence[$0 - 1], sequence[$0]))
                }
            }
        }
        vocabulary.finishBigrams()
        let offset = Int32(vocabulary.unigramCount)
        var counts = SparseMatrix(columnCount: vocabulary.count)
        var frequency = [Int32](repeating: 0, count: vocabulary.count)
        for (row, sequence) in sequences.enumerated() {
            var entries = sequence.map { ($0, Float(1)) }
            if includesBigrams { entries += bigramRows[row].map { ($0 + offset, Float(1)) } }
            counts.appendRow(entries)
            for k in counts.rowStarts[row]..<counts.rowStarts[row + 1] { frequency[Int(counts.columns[k])] += 1 }
        }
        vocabulary.documentFrequency = frequency
        self.vocabulary = vocabulary
        self.counts = counts
        self.documentLengths = sequences.map(\.count)
    }

    /// Number of documents.
    public var documentCount: Int { counts.rowCount }

    /// Term counts of a new text against this vocabulary (unknown terms are dropped).
    public func termCounts(of text: String) -> [Int32: Float] {
        let terms = analyzer.terms(text)
        var result: [Int32: Float] = [:]
        var previous: String?
        for term in terms {
            if let id = vocabulary.id(of: term) { result[id, default: 0] += 1 }
            if includesBigrams, let first = previous, let id = vocabulary.id(of: first, term) {
                result[id, default: 0] += 1
            }
            previous = term
        }
        return result
    }
}

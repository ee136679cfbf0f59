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

    /// Analyses `documents` (one string per document, e.g. title + abstract) with `analyzer`'s
    /// rules; the documents are analysed in parallel by `TermIndexBuilder`, with the same ids
    /// and counts as a sequential pass.
    public init(documents: [String], analyzer: Analyzer = Analyzer(), includesBigrams: Bool = true) {
        self.analyzer = analyzer
        self.includesBigrams = includesBigrams
        let built = TermIndexBuilder(analyzer: analyzer, includesBigrams: includesBigrams).build(documents)
        self.vocabulary = built.vocabulary
        self.counts = built.counts
        self.documentLengths = built.documentLengths
    }

    /// An index from already-built parts (used by tests to compare construction methods).
    init(
        analyzer: Analyzer, includesBigrams: Bool, vocabulary: Vocabulary, counts: SparseMatrix, documentLengths: [Int]
    ) {
        self.analyzer = analyzer
        self.includesBigrams = includesBigrams
        self.vocabulary = vocabulary
        self.counts = counts
        self.documentLengths = documentLengths
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

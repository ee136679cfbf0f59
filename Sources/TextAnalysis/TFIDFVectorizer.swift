import Foundation

/// TF-IDF features of a `TermIndex`, the way scikit-learn's `TfidfVectorizer(sublinear_tf=True,
/// smooth_idf=True, norm="l2")` computes them:
/// `tf = 1 + ln(count)`, `idf = ln((1 + N) / (1 + df)) + 1`, then each row scaled to unit L2 norm.
///
/// Terms in fewer than `minimumDocumentFrequency` documents (default 2: a term seen once cannot
/// transfer what was learned to another record, and only dilutes the norm) or in more than
/// `maximumDocumentFraction` of the documents (default 0.95, as in ASReview's feature extractor)
/// are dropped.
public struct TFIDFVectorizer: Sendable {
    /// Minimum number of documents a term must occur in.
    public let minimumDocumentFrequency: Int
    /// Maximum fraction of documents a term may occur in.
    public let maximumDocumentFraction: Double
    /// Feature column → term id in the index's vocabulary.
    public let termIDs: [Int32]
    /// Term id → feature column, or -1 when the term was dropped.
    public let columnOfTerm: [Int32]
    /// Inverse document frequency of each feature column.
    public let idf: [Float]
    /// The L2-normalised TF-IDF matrix, one row per document of the index.
    public let matrix: SparseMatrix

    /// Computes TF-IDF features for every document of `index`.
    /// - Throws: `TextAnalysisError.invalidParameter` for a negative minimum or a fraction outside (0, 1].
    public init(index: TermIndex, minimumDocumentFrequency: Int = 2, maximumDocumentFraction: Double = 0.95) throws {
        guard minimumDocumentFrequency >= 0 else {
            throw TextAnalysisError.invalidParameter("minimumDocumentFrequency", "\(minimumDocumentFrequency)")
        }
        guard maximumDocumentFraction > 0, maximumDocumentFraction <= 1 else {
            throw TextAnalysisError.invalidParameter("maximumDocumentFraction", "\(maximumDocumentFraction)")
        }
        self.minimumDocumentFrequency = minimumDocumentFrequency
        self.maximumDocumentFraction = maximumDocumentFraction
        let documentCount = index.documentCount
        let ceiling = maximumDocumentFraction * Double(documentCount)
        var columnOfTerm = [Int32](repeating: -1, count: index.vocabulary.count)
        var termIDs: [Int32] = []
        var idf: [Float] = []
        for (term, frequency) in index.vocabulary.documentFrequency.enumerated()
        where Int(frequency) >= minimumDocumentFrequency && Double(frequency) <= ceiling {
            columnOfTerm[term] = Int32(termIDs.count)
            termIDs.append(Int32(term))
            idf.append(Float(Self.smoothIDF(documentFrequency: Int(frequency), documentCount: documentCount)))
        }
        var matrix = index.counts.remappingColumns(columnOfTerm, newColumnCount: termIDs.count)
        matrix.transformValues { column, count in Self.sublinearTF(count) * idf[Int(column)] }
        matrix.normalizeRows()
        self.columnOfTerm = columnOfTerm
        self.termIDs = termIDs
        self.idf = idf
        self.matrix = matrix
    }

    /// Number of feature columns.
    public var featureCount: Int { termIDs.count }

    /// The L2-normalised TF-IDF vector of a new text (e.g. a topic) as (column, value) pairs.
    public func vector(of text: String, in index: TermIndex) -> [(Int32, Float)] {
        var entries: [(Int32, Float)] = []
        for (term, count) in index.termCounts(of: text) {
            let column = columnOfTerm[Int(term)]
            if column >= 0 { entries.append((column, Self.sublinearTF(count) * idf[Int(column)])) }
        }
        let norm = entries.reduce(Float(0)) { $0 + $1.1 * $1.1 }.squareRoot()
        return norm > 0 ? entries.map { ($0.0, $0.1 / norm) }.sorted { $0.0 < $1.0 } : []
    }

    /// Sublinear term frequency `1 + ln(count)` (0 for a zero count).
    public static func sublinearTF(_ count: Float) -> Float { count > 0 ? 1 + log(count) : 0 }

    /// Smoothed inverse document frequency `ln((1 + N) / (1 + df)) + 1` (scikit-learn, smooth_idf=True).
    public static func smoothIDF(documentFrequency: Int, documentCount: Int) -> Double {
        log(Double(1 + documentCount) / Double(1 + documentFrequency)) + 1
    }
}

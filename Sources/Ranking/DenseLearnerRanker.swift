import TextAnalysis

/// `dense-lr`: L2-regularised logistic regression (`LogisticRegression`, warm-started) on the
/// records' sentence embeddings, refitted after every decision, with the topic's embedding as a
/// pseudo-include when there is a topic (as `tfidf-lr` does with its TF-IDF row).
///
/// Only embedded records take part: decisions on records without an embedding are not trained on,
/// and those records score `-Double.infinity` (see `PartialRanker`).
public struct DenseLearnerRanker: PartialRanker {
    /// Registry id.
    public let id = "dense-lr"
    /// Which records have an embedding.
    public let coverage: [Bool]
    /// Number of records.
    public let poolSize: Int
    /// Pool index of each embedded row.
    private let poolIndexOfRow: [Int]
    /// Row of each pool record, or −1.
    private let rowOfPoolIndex: [Int]
    private var learner: LearnerRanker<LogisticRegression>

    /// A learner over `embeddings` with logistic regression `model` (C etc.).
    public init(
        embeddings: DenseEmbeddings, model: LogisticRegression, topicPseudoIncludes: Int,
        pseudoExcludes: PseudoExcludeDraw = .none
    ) {
        poolSize = embeddings.rows.count
        coverage = embeddings.coverage
        poolIndexOfRow = embeddings.rows.indices.filter { embeddings.rows[$0] != nil }
        var rowOf = [Int](repeating: -1, count: poolSize)
        for (row, index) in poolIndexOfRow.enumerated() { rowOf[index] = row }
        rowOfPoolIndex = rowOf
        let matrix = SparseMatrix(
            denseRows: poolIndexOfRow.compactMap { embeddings.rows[$0] }, columnCount: embeddings.dimension)
        let topicRow = embeddings.topic.map { $0.enumerated().map { (Int32($0.offset), $0.element) } }
        learner = LearnerRanker(
            id: "dense-lr", features: matrix, learner: model, topicRow: topicRow, topicWeight: topicPseudoIncludes,
            pseudoExcludes: pseudoExcludes)
    }

    /// The learner's parameters and how many records are embedded.
    public var parameters: [String: String] {
        learner.parameters.merging(["embedded": "\(poolIndexOfRow.count)"]) { $1 }
    }

    /// Refits on the decisions about embedded records and scores every record.
    public mutating func scores(decisions: [Decision]) -> [Double]? {
        let mapped = decisions.compactMap { decision -> Decision? in
            let row = rowOfPoolIndex[decision.record]
            return row < 0 ? nil : Decision(record: row, relevant: decision.relevant, pickedAt: decision.pickedAt)
        }
        guard !poolIndexOfRow.isEmpty, let rowScores = learner.scores(decisions: mapped) else { return nil }
        var result = [Double](repeating: -Double.infinity, count: poolSize)
        for (row, index) in poolIndexOfRow.enumerated() { result[index] = rowScores[row] }
        return result
    }
}

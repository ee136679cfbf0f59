import Linalg

/// `dense-topic`: the cosine similarity between the embedded topic and each record's embedding
/// (both unit length, so the dot product). Static: it never learns. Records without an embedding
/// score `-Double.infinity` (see `PartialRanker`).
public struct DenseTopicRanker: PartialRanker {
    /// Registry id.
    public let id = "dense-topic"
    /// The similarities (−∞ where a record has no embedding).
    public let similarities: [Double]
    /// Which records have an embedding.
    public let coverage: [Bool]

    /// Similarities of every embedded record to `topic`.
    public init(embeddings: DenseEmbeddings, topic: [Float]) {
        coverage = embeddings.coverage
        similarities = embeddings.rows.map { row in
            row.map { Double(VectorOps.dot($0, topic)) } ?? -Double.infinity
        }
    }

    /// Number of records.
    public var poolSize: Int { similarities.count }

    /// How many records are covered.
    public var parameters: [String: String] { ["embedded": "\(coverage.filter { $0 }.count)"] }

    /// The similarities, or nil when no record is embedded.
    public func scores(decisions: [Decision]) -> [Double]? {
        coverage.contains(true) ? similarities : nil
    }
}

/// A ranker that can score only part of the pool, e.g. the records whose embeddings exist (the
/// live review embeds records in the background). Its `scores(decisions:)` gives uncovered
/// records `-Double.infinity`, so used alone it screens them last; the hybrid instead falls back,
/// record by record, to the signals that do cover them.
public protocol PartialRanker: Ranker {
    /// `coverage[i]` is true when record i gets a real score.
    var coverage: [Bool] { get }
}

/// Sentence embeddings of a pool and of the review's topic, for the dense rankers.
public struct DenseEmbeddings: Sendable {
    /// One unit-length embedding per record, or nil while it has not been computed.
    public var rows: [[Float]?]
    /// The topic's embedding (title + objective), if there is a topic.
    public var topic: [Float]?
    /// Length of every embedding.
    public let dimension: Int

    /// Embeddings of `dimension` floats; rows of another length are treated as missing.
    public init(rows: [[Float]?], topic: [Float]?, dimension: Int) {
        self.rows = rows.map { $0.flatMap { $0.count == dimension ? $0 : nil } }
        self.topic = topic.flatMap { $0.count == dimension ? $0 : nil }
        self.dimension = dimension
    }

    /// Whether each record has an embedding.
    public var coverage: [Bool] { rows.map { $0 != nil } }
}

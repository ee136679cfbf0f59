/// A signal that scores every record of the pool from the decisions made so far. Rankers are
/// values holding their own warm-start state; the active-learning cycle asks them in turn and
/// uses the first that can rank (a learner cannot before it has seen both classes).
///
/// The hybrid of issue #5 is one more conformer: it holds other rankers (BM25, TF-IDF + LR,
/// dense-embedding learners) and fuses their scores.
public protocol Ranker: Sendable {
    /// Stable lower_snake id (stored with every ranking run).
    var id: String { get }
    /// Parameters that determine the ranking.
    var parameters: [String: String] { get }
    /// Number of records the ranker scores.
    var poolSize: Int { get }
    /// One score per pool record (higher = screen sooner), or nil when this ranker cannot rank
    /// with these decisions.
    mutating func scores(decisions: [Decision]) -> [Double]?
}

/// Ranks by fixed scores computed once (e.g. BM25 against the review's topic); never learns.
public struct StaticRanker: Ranker {
    /// Registry id, e.g. "bm25".
    public let id: String
    /// Parameters of the scores' origin.
    public let parameters: [String: String]
    /// The scores.
    public let fixedScores: [Double]

    /// A ranker returning `scores`; it declines to rank when every score is equal (no signal).
    public init(id: String, scores: [Double], parameters: [String: String] = [:]) {
        self.id = id
        self.fixedScores = scores
        self.parameters = parameters
    }

    /// Number of records.
    public var poolSize: Int { fixedScores.count }

    /// The fixed scores, or nil when they carry no information.
    public func scores(decisions: [Decision]) -> [Double]? {
        guard let first = fixedScores.first, fixedScores.contains(where: { $0 != first }) else { return nil }
        return fixedScores
    }
}

/// A seeded random order: the fallback with neither topic nor decisions (and the `random` ranker).
public struct RandomRanker: Ranker {
    /// Registry id.
    public let id = "random"
    /// The seed.
    public let seed: UInt64
    /// Number of records.
    public let poolSize: Int
    private let randomScores: [Double]

    /// A random order of `poolSize` records fixed by `seed`.
    public init(poolSize: Int, seed: UInt64) {
        self.poolSize = poolSize
        self.seed = seed
        var generator = SeededGenerator(seed: seed ^ 0x5EED_0F_7A25)
        randomScores = (0..<poolSize).map { _ in generator.nextUnit() }
    }

    /// The seed.
    public var parameters: [String: String] { ["seed": "\(seed)"] }

    /// The same random scores whatever the decisions.
    public func scores(decisions: [Decision]) -> [Double]? { randomScores }
}

import ReviewModel

/// A record chosen for screening and why.
public struct Pick: Sendable, Hashable {
    /// Index of the record in the pool.
    public var record: Int
    /// By rank or at random.
    public var pickedAt: PickReason
}

/// Chooses the next record to screen from a ranking (asreview's "query strategy" role).
public protocol Querier: Sendable {
    /// Stable lower_snake id.
    var id: String { get }
    /// Picks an unscreened record, or nil when none is left.
    /// - Parameter screened: `screened[i]` is true when record i has a decision.
    func pick(from snapshot: RankingSnapshot, screened: [Bool], generator: inout SeededGenerator) -> Pick?
}

/// Highest score first (the default).
public struct MaxQuerier: Querier {
    /// Registry id.
    public let id = "max"

    /// The strategy.
    public init() {}

    /// The best-ranked unscreened record.
    public func pick(from snapshot: RankingSnapshot, screened: [Bool], generator: inout SeededGenerator) -> Pick? {
        snapshot.order.first { !screened[$0] }.map { Pick(record: $0, pickedAt: .rank) }
    }
}

/// Highest score first, except that with probability `randomFraction` a uniformly random
/// unscreened record is taken instead (for the sampling-based stopping estimates of issue #7).
public struct MixedQuerier: Querier {
    /// Registry id.
    public let id = "mixed"
    /// Probability of a random pick, in [0, 1].
    public let randomFraction: Double

    /// A mixed strategy; the fraction is clamped to [0, 1].
    public init(randomFraction: Double) {
        self.randomFraction = min(max(randomFraction, 0), 1)
    }

    /// A random unscreened record with probability `randomFraction`, else the best-ranked one.
    public func pick(from snapshot: RankingSnapshot, screened: [Bool], generator: inout SeededGenerator) -> Pick? {
        if generator.nextUnit() < randomFraction {
            let open = screened.indices.filter { !screened[$0] }
            guard !open.isEmpty else { return nil }
            return Pick(record: open[Int(generator.next() % UInt64(open.count))], pickedAt: .random)
        }
        return MaxQuerier().pick(from: snapshot, screened: screened, generator: &generator)
    }
}

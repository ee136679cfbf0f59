/// AutoTAR's random pseudo-negatives (Cormack & Grossman, SIGIR 2015): the unscreened records a
/// learner takes as excludes at each fit. The unscreened pool is mostly irrelevant, and the few
/// real excludes of an early review are near misses the ranking chose. The draw depends only on
/// `seed` and the decisions, so a reopened review or a replay draws the same records.
public struct PseudoExcludeDraw: Sendable, Hashable {
    /// Records drawn per fit (0 = none).
    public var count: Int
    /// At most this fraction of the unscreened records is drawn (1 = no limit beyond `count`).
    public var fraction: Double
    /// Seed of the draw.
    public var seed: UInt64

    /// No pseudo-excludes.
    public static let none = PseudoExcludeDraw(count: 0, seed: 0)

    /// A draw of `count` records (at most `fraction` of the open ones) seeded by `seed`.
    public init(count: Int, seed: UInt64, fraction: Double = 1) {
        self.count = count
        self.seed = seed
        self.fraction = fraction
    }

    /// Distinct unscreened records of a pool of `poolSize` (all of them when fewer are open than
    /// the draw asks for), drawn by a generator seeded with `seed` and the number of decisions.
    public func records(poolSize: Int, decisions: [Decision]) -> [Int] {
        guard count > 0 else { return [] }
        var screened = [Bool](repeating: false, count: poolSize)
        for decision in decisions where decision.record < poolSize { screened[decision.record] = true }
        let open = screened.indices.filter { !screened[$0] }
        let wanted = min(count, Int((fraction * Double(open.count)).rounded()))
        guard open.count > wanted else { return open }
        var generator = SeededGenerator(seed: seed &+ UInt64(decisions.count) &* 0x9E37_79B9)
        var chosen = Set<Int>()
        while chosen.count < wanted { chosen.insert(open[Int(generator.next() % UInt64(open.count))]) }
        return chosen.sorted()
    }
}

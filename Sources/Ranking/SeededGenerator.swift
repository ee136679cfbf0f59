import ReviewModel

/// A small deterministic random number generator (SplitMix64, Steele, Lea & Flood 2014,
/// "Fast splittable pseudorandom number generators"), so every stochastic step of ranking
/// and simulation is reproducible from one seed on every platform.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return StableRandom.mix(state)
    }

    /// A uniformly random double in [0, 1).
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}

/// Random-looking values that are a fixed function of their inputs (the SplitMix64 finaliser,
/// Steele, Lea & Flood 2014): for choices that every process must make alike without sharing
/// state, such as which records a verification sample holds or which labels a simulated assessor
/// gets wrong.
public enum StableRandom {
    /// The SplitMix64 finaliser of `x`: 64 well-mixed bits.
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in [0, 1) fixed by `seed` and `keys`.
    public static func unit(seed: UInt64, _ keys: UInt64...) -> Double {
        var state = seed
        for key in keys { state = mix(state &+ key &* 0x9E37_79B9_7F4A_7C15) }
        return Double(mix(state) >> 11) * 0x1.0p-53
    }
}

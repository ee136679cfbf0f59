import Testing

@testable import ReviewModel

@Suite("Stable random values")
struct StableRandomTests {
    @Test("values are fixed by seed and keys, spread evenly over [0, 1), and differ by key order")
    func unit() {
        let values = (0..<10_000).map { StableRandom.unit(seed: 7, UInt64($0)) }
        #expect(values == (0..<10_000).map { StableRandom.unit(seed: 7, UInt64($0)) })
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        for decile in 0..<10 {
            let count = values.filter { Int($0 * 10) == decile }.count
            #expect(abs(count - 1_000) < 120, "decile \(decile): \(count)")
        }
        #expect(StableRandom.unit(seed: 1, 2, 3) != StableRandom.unit(seed: 1, 3, 2))
        #expect(StableRandom.unit(seed: 1, 2) != StableRandom.unit(seed: 2, 2))
        // The SplitMix64 finaliser's published first output for state 0x9E3779B97F4A7C15.
        #expect(StableRandom.mix(0x9E37_79B9_7F4A_7C15) == 0xE220_A839_7B1D_CDAF)
    }
}

import Testing
import Linalg
import TestSupport

@Suite("Vector operations")
struct VectorOpsTests {
    @Test("dot, axpy and norm2 match their naive references", arguments: [11, 12, 13, 14] as [UInt64])
    func matchesNaive(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let count = Int.random(in: 1...1000, using: &generator)
        let x = (0..<count).map { _ in Float.random(in: -2...2, using: &generator) }
        let y = (0..<count).map { _ in Float.random(in: -2...2, using: &generator) }
        #expect(abs(VectorOps.dot(x, y) - VectorOps.dotNaive(x, y)) < 1e-3)
        #expect(abs(VectorOps.norm2(x) - VectorOps.norm2Naive(x)) < 1e-3)
        var fast = y, naive = y
        VectorOps.axpy(0.75, x, &fast)
        VectorOps.axpyNaive(0.75, x, &naive)
        #expect(zip(fast, naive).allSatisfy { abs($0 - $1) < 1e-5 })
    }

    @Test("L2 normalisation gives unit length and leaves the zero vector at zero")
    func normalisation() {
        let unit = VectorOps.l2Normalized([3, 4])
        #expect(abs(unit[0] - 0.6) < 1e-6 && abs(unit[1] - 0.8) < 1e-6)
        #expect(VectorOps.l2Normalized([0, 0, 0]) == [0, 0, 0])
        #expect(abs(VectorOps.cosine([1, 0], [1, 1]) - 0.70710678) < 1e-6)
    }

    @Test("BLAS thread count can be set and restored")
    func threads() {
        let before = BLASThreads.count
        let inside = BLASThreads.with(1) { BLASThreads.count }
        #expect(inside == 1)
        #expect(BLASThreads.count == before)
        #expect(!BLASThreads.configuration.isEmpty)
    }
}

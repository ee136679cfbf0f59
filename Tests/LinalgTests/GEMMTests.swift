import Testing
import Linalg
import TestSupport

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator so shapes and values repeat.
func randomMatrix(_ rows: Int, _ columns: Int, _ generator: inout SplitMix64) -> Matrix {
    Matrix(
        rows: rows, columns: columns,
        storage: (0..<(rows * columns)).map { _ in Float.random(in: -1...1, using: &generator) })
}

@Suite("GEMM")
struct GEMMTests {
    @Test(
        "BLAS gemm matches the naive reference on random shapes and all transposes",
        arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func gemmMatchesNaive(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let m = Int.random(in: 1...70, using: &generator)
        let n = Int.random(in: 1...70, using: &generator)
        let k = Int.random(in: 1...90, using: &generator)
        for (transA, transB) in [
            (Transpose.none, Transpose.none), (.none, .transposed),
            (.transposed, .none), (.transposed, .transposed),
        ] {
            let a = transA == .none ? randomMatrix(m, k, &generator) : randomMatrix(k, m, &generator)
            let b = transB == .none ? randomMatrix(k, n, &generator) : randomMatrix(n, k, &generator)
            let fast = Matrix.multiply(a, b, transA: transA, transB: transB)
            let naive = Matrix.multiplyNaive(a, b, transA: transA, transB: transB)
            #expect(fast.rows == m && fast.columns == n)
            #expect(fast.maxAbsDifference(naive) < 1e-4, "m=\(m) n=\(n) k=\(k) \(transA) \(transB)")
        }
    }

    @Test("A 2×3 by 3×2 product gives the hand-computed result")
    func smallKnownProduct() {
        let a = Matrix(rows: 2, columns: 3, storage: [1, 2, 3, 4, 5, 6])
        let b = Matrix(rows: 3, columns: 2, storage: [7, 8, 9, 10, 11, 12])
        #expect(Matrix.multiply(a, b).storage == [58, 64, 139, 154])
        #expect(Matrix.multiplyNaive(a, b).storage == [58, 64, 139, 154])
    }

    @Test("alpha, beta and leading dimensions work on sub-blocks")
    func alphaBetaStrides() {
        var generator = SplitMix64(seed: 99)
        // A is a [5, 4] view inside a [5, 9] buffer; B^T a [6, 4] view inside [6, 7]; C [5, 6] inside [5, 8].
        let a = randomMatrix(5, 9, &generator), b = randomMatrix(6, 7, &generator)
        let c0 = randomMatrix(5, 8, &generator)
        var fast = c0.storage, naive = c0.storage
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                gemm(
                    transA: .none, transB: .transposed, m: 5, n: 6, k: 4, alpha: 0.5,
                    a: pa.baseAddress! + 2, lda: 9, b: pb.baseAddress! + 1, ldb: 7,
                    beta: 2, c: &fast, ldc: 8)
                gemmNaive(
                    transA: .none, transB: .transposed, m: 5, n: 6, k: 4, alpha: 0.5,
                    a: pa.baseAddress! + 2, lda: 9, b: pb.baseAddress! + 1, ldb: 7,
                    beta: 2, c: &naive, ldc: 8)
            }
        }
        let difference = zip(fast, naive).map { abs($0 - $1) }.max() ?? 0
        #expect(difference < 1e-5)
        // Columns 6 and 7 of C are outside the product and must be untouched.
        for row in 0..<5 { #expect(fast[row * 8 + 7] == c0[row, 7]) }
    }

    @Test("Transposing twice gives the original matrix")
    func transposeRoundTrip() {
        var generator = SplitMix64(seed: 5)
        let a = randomMatrix(3, 7, &generator)
        #expect(a.transposed().rows == 7)
        #expect(a.transposed().transposed() == a)
    }
}

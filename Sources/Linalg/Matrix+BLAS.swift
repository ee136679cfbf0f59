extension Matrix {
    /// `op(a) · op(b)` with OpenBLAS: `[m, k] · [k, n] → [m, n]`.
    public static func multiply(
        _ a: Matrix, _ b: Matrix, transA: Transpose = .none, transB: Transpose = .none
    ) -> Matrix {
        multiply(a, transA, b, transB, kernel: gemm)
    }

    /// `op(a) · op(b)` with the naive reference kernel (for tests).
    public static func multiplyNaive(
        _ a: Matrix, _ b: Matrix, transA: Transpose = .none, transB: Transpose = .none
    ) -> Matrix {
        multiply(a, transA, b, transB, kernel: gemmNaive)
    }

    private typealias Kernel = (
        Transpose, Transpose, Int, Int, Int, Float, UnsafePointer<Float>, Int,
        UnsafePointer<Float>, Int, Float, UnsafeMutablePointer<Float>, Int
    ) -> Void

    private static func multiply(
        _ a: Matrix, _ transA: Transpose, _ b: Matrix, _ transB: Transpose, kernel: Kernel
    ) -> Matrix {
        let m = transA == .none ? a.rows : a.columns
        let k = transA == .none ? a.columns : a.rows
        let kB = transB == .none ? b.rows : b.columns
        let n = transB == .none ? b.columns : b.rows
        precondition(k == kB, "inner dimensions differ: \(k) vs \(kB)")
        var result = Matrix(rows: m, columns: n)
        if m == 0 || n == 0 { return result }
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                result.storage.withUnsafeMutableBufferPointer { pc in
                    kernel(
                        transA, transB, m, n, k, 1, pa.baseAddress!, max(a.columns, 1),
                        pb.baseAddress!, max(b.columns, 1), 0, pc.baseAddress!, n)
                }
            }
        }
        return result
    }
}

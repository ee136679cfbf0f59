import COpenBLAS

// General matrix multiply C ← alpha · op(A) · op(B) + beta · C, row-major, as defined by the
// reference BLAS (netlib SGEMM); `gemm` calls OpenBLAS `cblas_sgemm`, `gemmNaive` is the
// triple-loop reference it is tested against.

/// Row-major SGEMM over raw pointers: `C[m, n] ← alpha · op(A)[m, k] · op(B)[k, n] + beta · C`.
///
/// `lda`, `ldb`, `ldc` are the row strides of A, B and C as stored (so for `transA == .transposed`
/// A is stored `[k, lda]`). Calls OpenBLAS `cblas_sgemm`.
public func gemm(
    transA: Transpose, transB: Transpose, m: Int, n: Int, k: Int, alpha: Float = 1,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
) {
    guard m > 0, n > 0 else { return }
    cblas_sgemm(
        CblasRowMajor, transA.cblas, transB.cblas, Int32(m), Int32(n), Int32(k),
        alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
}

/// The triple-loop reference for `gemm` (same arguments and semantics), accumulating in Double.
public func gemmNaive(
    transA: Transpose, transB: Transpose, m: Int, n: Int, k: Int, alpha: Float = 1,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
) {
    for i in 0..<m {
        for j in 0..<n {
            var sum = 0.0
            for p in 0..<k {
                let aValue = transA == .none ? a[i * lda + p] : a[p * lda + i]
                let bValue = transB == .none ? b[p * ldb + j] : b[j * ldb + p]
                sum += Double(aValue) * Double(bValue)
            }
            let previous = beta == 0 ? 0 : Double(beta) * Double(c[i * ldc + j])
            c[i * ldc + j] = Float(Double(alpha) * sum + previous)
        }
    }
}

extension Transpose {
    var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
}

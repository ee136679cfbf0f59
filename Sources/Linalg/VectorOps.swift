import COpenBLAS

/// Level-1 vector operations over OpenBLAS (`sdot`, `saxpy`, `snrm2`, `sscal`), each with a naive
/// reference used by the tests.
public enum VectorOps {
    /// Σ xᵢ·yᵢ (BLAS `sdot`).
    public static func dot(_ x: [Float], _ y: [Float]) -> Float {
        precondition(x.count == y.count, "dot: length mismatch")
        return cblas_sdot(Int32(x.count), x, 1, y, 1)
    }

    /// y ← alpha·x + y (BLAS `saxpy`).
    public static func axpy(_ alpha: Float, _ x: [Float], _ y: inout [Float]) {
        precondition(x.count == y.count, "axpy: length mismatch")
        cblas_saxpy(Int32(x.count), alpha, x, 1, &y, 1)
    }

    /// The Euclidean norm ‖x‖₂ (BLAS `snrm2`, which avoids overflow by scaling).
    public static func norm2(_ x: [Float]) -> Float {
        cblas_snrm2(Int32(x.count), x, 1)
    }

    /// x ← alpha·x (BLAS `sscal`).
    public static func scale(_ alpha: Float, _ x: inout [Float]) {
        cblas_sscal(Int32(x.count), alpha, &x, 1)
    }

    /// x / max(‖x‖₂, epsilon): the L2 normalisation of sentence-transformers' `Normalize`
    /// (PyTorch `F.normalize`, eps 1e-12).
    public static func l2Normalized(_ x: [Float], epsilon: Float = 1e-12) -> [Float] {
        var result = x
        scale(1 / Swift.max(norm2(x), epsilon), &result)
        return result
    }

    /// Naive reference for `dot`, accumulating in Double.
    public static func dotNaive(_ x: [Float], _ y: [Float]) -> Float {
        Float(zip(x, y).reduce(0.0) { $0 + Double($1.0) * Double($1.1) })
    }

    /// Naive reference for `axpy`.
    public static func axpyNaive(_ alpha: Float, _ x: [Float], _ y: inout [Float]) {
        for index in y.indices { y[index] += alpha * x[index] }
    }

    /// Naive reference for `norm2`, accumulating in Double.
    public static func norm2Naive(_ x: [Float]) -> Float {
        Float(x.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot())
    }

    /// The cosine similarity of two vectors (0 if either is zero).
    public static func cosine(_ x: [Float], _ y: [Float]) -> Float {
        let denominator = norm2(x) * norm2(y)
        return denominator == 0 ? 0 : dot(x, y) / denominator
    }
}

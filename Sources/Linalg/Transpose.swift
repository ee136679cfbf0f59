/// Whether a GEMM operand is used as stored or transposed (BLAS `TRANSA`/`TRANSB`).
public enum Transpose: Sendable {
    /// Use the operand as stored.
    case none
    /// Use the transpose of the operand.
    case transposed
}

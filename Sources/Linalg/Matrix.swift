/// A dense row-major matrix of `Float`, stored contiguously (`[rows, columns]`).
public struct Matrix: Equatable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns (also the leading dimension: storage is packed).
    public let columns: Int
    /// Row-major elements: element `(i, j)` is at `i * columns + j`.
    public var storage: [Float]

    /// A matrix of `rows × columns` elements, all equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = [Float](repeating: value, count: rows * columns)
    }

    /// A matrix over existing row-major storage; `storage.count` must equal `rows * columns`.
    public init(rows: Int, columns: Int, storage: [Float]) {
        precondition(
            storage.count == rows * columns, "Matrix storage has \(storage.count) elements, expected \(rows * columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// The element at row `row`, column `column`.
    public subscript(row: Int, column: Int) -> Float {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }

    /// A copy of row `row` (`[columns]`).
    public func row(_ row: Int) -> [Float] {
        Array(storage[(row * columns)..<((row + 1) * columns)])
    }

    /// The transpose (`[columns, rows]`).
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns {
                result.storage[j * rows + i] = storage[i * columns + j]
            }
        }
        return result
    }

    /// The largest absolute elementwise difference to `other` (same shape required).
    public func maxAbsDifference(_ other: Matrix) -> Float {
        precondition(rows == other.rows && columns == other.columns, "shape mismatch")
        var worst: Float = 0
        for index in storage.indices {
            worst = Swift.max(worst, abs(storage[index] - other.storage[index]))
        }
        return worst
    }
}

/// A row-major sparse matrix (compressed sparse rows) of `Float` values: one row per document,
/// one column per term or feature. Column indices within a row are strictly increasing.
public struct SparseMatrix: Sendable, Hashable {
    /// Number of columns (features).
    public let columnCount: Int
    /// `rowStarts[i] ..< rowStarts[i + 1]` indexes row `i`'s entries; `rowStarts.count == rowCount + 1`.
    public private(set) var rowStarts: [Int]
    /// Column of each stored entry.
    public private(set) var columns: [Int32]
    /// Value of each stored entry.
    public private(set) var values: [Float]

    /// An empty matrix with `columnCount` columns and no rows.
    public init(columnCount: Int) {
        self.columnCount = columnCount
        self.rowStarts = [0]
        self.columns = []
        self.values = []
    }

    /// A matrix from its compressed-sparse-row arrays (column indices strictly increasing per row).
    init(columnCount: Int, rowStarts: [Int], columns: [Int32], values: [Float]) {
        precondition(rowStarts.first == 0 && rowStarts.last == columns.count && columns.count == values.count, "inconsistent CSR arrays")
        self.columnCount = columnCount
        self.rowStarts = rowStarts
        self.columns = columns
        self.values = values
    }

    /// Number of rows (documents).
    public var rowCount: Int { rowStarts.count - 1 }

    /// Number of stored entries.
    public var nonzeroCount: Int { columns.count }

    /// Appends a row given as (column, value) pairs in any order; duplicate columns are summed
    /// and zero values dropped.
    public mutating func appendRow<S: Sequence>(_ entries: S) where S.Element == (Int32, Float) {
        let sorted = entries.sorted { $0.0 < $1.0 }
        var lastColumn: Int32 = -1
        for (column, value) in sorted {
            precondition(column >= 0 && Int(column) < columnCount, "column out of range")
            if column == lastColumn {
                values[values.count - 1] += value
            } else {
                columns.append(column)
                values.append(value)
                lastColumn = column
            }
        }
        rowStarts.append(columns.count)
    }

    /// The entries of row `row` as (column, value) pairs.
    public func row(_ row: Int) -> [(column: Int32, value: Float)] {
        (rowStarts[row]..<rowStarts[row + 1]).map { (columns[$0], values[$0]) }
    }

    /// Dot product of row `row` with a dense vector indexed by column.
    @inlinable
    public func dot(row: Int, _ dense: UnsafeBufferPointer<Double>) -> Double {
        var sum = 0.0
        columns.withUnsafeBufferPointer { cols in
            values.withUnsafeBufferPointer { vals in
                for k in rowStarts[row]..<rowStarts[row + 1] {
                    sum += Double(vals[k]) * dense[Int(cols[k])]
                }
            }
        }
        return sum
    }

    /// A matrix made of the given rows of this one, in the given order.
    public func selectingRows(_ rows: [Int]) -> SparseMatrix {
        var result = SparseMatrix(columnCount: columnCount)
        result.rowStarts.reserveCapacity(rows.count + 1)
        for row in rows {
            let range = rowStarts[row]..<rowStarts[row + 1]
            result.columns.append(contentsOf: columns[range])
            result.values.append(contentsOf: values[range])
            result.rowStarts.append(result.columns.count)
        }
        return result
    }

    /// The matrix with every column mapped through `mapping` (entries mapped to a negative
    /// column are dropped) and `newColumnCount` columns; `mapping` must preserve column order.
    public func remappingColumns(_ mapping: [Int32], newColumnCount: Int) -> SparseMatrix {
        var result = SparseMatrix(columnCount: newColumnCount)
        result.columns.reserveCapacity(columns.count)
        result.values.reserveCapacity(values.count)
        for row in 0..<rowCount {
            for k in rowStarts[row]..<rowStarts[row + 1] {
                let mapped = mapping[Int(columns[k])]
                if mapped >= 0 {
                    result.columns.append(mapped)
                    result.values.append(values[k])
                }
            }
            result.rowStarts.append(result.columns.count)
        }
        return result
    }

    /// Applies `transform(column, value)` to every stored value.
    public mutating func transformValues(_ transform: (Int32, Float) -> Float) {
        for k in 0..<values.count { values[k] = transform(columns[k], values[k]) }
    }

    /// Scales each row to unit Euclidean length (rows of zeros stay zero).
    public mutating func normalizeRows() {
        for row in 0..<rowCount {
            let range = rowStarts[row]..<rowStarts[row + 1]
            var norm: Float = 0
            for k in range { norm += values[k] * values[k] }
            guard norm > 0 else { continue }
            let scale = 1 / norm.squareRoot()
            for k in range { values[k] *= scale }
        }
    }
}

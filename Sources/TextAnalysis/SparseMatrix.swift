import Dispatch
import Foundation

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
        precondition(
            rowStarts.first == 0 && rowStarts.last == columns.count && columns.count == values.count,
            "inconsistent CSR arrays")
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

    /// Dot products of every row with a dense vector, plus `bias`: element `i` equals
    /// `dot(row: i, dense) + bias` bit for bit (each row is summed in entry order). Four rows are
    /// summed side by side so their additions overlap, and large matrices are split into row
    /// blocks computed in parallel (each row's arithmetic is the same whatever thread runs it).
    public func dotAllRows(_ dense: UnsafeBufferPointer<Double>, adding bias: Double) -> [Double] {
        var result = [Double](repeating: 0, count: rowCount)
        let blocks = rowCount >= 1_024 ? min(ProcessInfo.processInfo.activeProcessorCount, 4) : 1
        result.withUnsafeMutableBufferPointer { out in
            guard let outBase = out.baseAddress, let denseBase = dense.baseAddress else {
                for row in 0..<out.count { out[row] = dot(row: row, dense) + bias }
                return
            }
            if blocks <= 1 {
                dotRows(0..<rowCount, denseBase, bias, outBase)
                return
            }
            let pointers = DotPointers(dense: denseBase, out: outBase)
            let rowCount = self.rowCount
            DispatchQueue.concurrentPerform(iterations: blocks) { block in
                let range = (block * rowCount / blocks)..<((block + 1) * rowCount / blocks)
                self.dotRows(range, pointers.dense, bias, pointers.out)
            }
        }
        return result
    }

    /// `out[i] = Σ_k values[k] · dense[columns[k]] + bias` for the rows in `range`, four at a time.
    private func dotRows(
        _ range: Range<Int>, _ dense: UnsafePointer<Double>, _ bias: Double, _ out: UnsafeMutablePointer<Double>
    ) {
        rowStarts.withUnsafeBufferPointer { starts in
            columns.withUnsafeBufferPointer { cols in
                values.withUnsafeBufferPointer { vals in
                    var row = range.lowerBound
                    while row + 4 <= range.upperBound {
                        let (a, b, c, d) = (starts[row], starts[row + 1], starts[row + 2], starts[row + 3])
                        let (na, nb, nc, nd) = (b - a, c - b, d - c, starts[row + 4] - d)
                        let common = Swift.min(Swift.min(na, nb), Swift.min(nc, nd))
                        var (sa, sb, sc, sd) = (0.0, 0.0, 0.0, 0.0)
                        for k in 0..<common {
                            sa += Double(vals[a + k]) * dense[Int(cols[a + k])]
                            sb += Double(vals[b + k]) * dense[Int(cols[b + k])]
                            sc += Double(vals[c + k]) * dense[Int(cols[c + k])]
                            sd += Double(vals[d + k]) * dense[Int(cols[d + k])]
                        }
                        for k in common..<na { sa += Double(vals[a + k]) * dense[Int(cols[a + k])] }
                        for k in common..<nb { sb += Double(vals[b + k]) * dense[Int(cols[b + k])] }
                        for k in common..<nc { sc += Double(vals[c + k]) * dense[Int(cols[c + k])] }
                        for k in common..<nd { sd += Double(vals[d + k]) * dense[Int(cols[d + k])] }
                        (out[row], out[row + 1], out[row + 2], out[row + 3]) = (
                            sa + bias, sb + bias, sc + bias, sd + bias
                        )
                        row += 4
                    }
                    while row < range.upperBound {
                        var sum = 0.0
                        for k in starts[row]..<starts[row + 1] { sum += Double(vals[k]) * dense[Int(cols[k])] }
                        out[row] = sum + bias
                        row += 1
                    }
                }
            }
        }
    }

    /// Appends row `row` of `other` (which must have the same column count) unchanged.
    public mutating func appendRow(of other: SparseMatrix, _ row: Int) {
        precondition(other.columnCount == columnCount, "column counts differ")
        let range = other.rowStarts[row]..<other.rowStarts[row + 1]
        columns.append(contentsOf: other.columns[range])
        values.append(contentsOf: other.values[range])
        rowStarts.append(columns.count)
    }

    /// Removes the last `count` rows.
    public mutating func removeLastRows(_ count: Int) {
        precondition(count >= 0 && count <= rowCount, "cannot remove \(count) of \(rowCount) rows")
        guard count > 0 else { return }
        rowStarts.removeLast(count)
        let entries = rowStarts[rowStarts.count - 1]
        columns.removeLast(columns.count - entries)
        values.removeLast(values.count - entries)
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

/// The two pointers of `dotAllRows` handed to parallel iterations, which read `dense` and write
/// disjoint ranges of `out`.
private struct DotPointers: @unchecked Sendable {
    let dense: UnsafePointer<Double>
    let out: UnsafeMutablePointer<Double>
}

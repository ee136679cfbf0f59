import Foundation
import TextAnalysis

/// The training rows of `LogisticRegression` restricted to the columns they use, renumbered in
/// order of first occurrence ("compact" columns), with `Double` values, kept between fits.
///
/// Active learning refits after every decision on the same rows plus one more, so the rows
/// that are unchanged at the start of the new training matrix keep their compact form and only
/// the rest is converted. The unchanged prefix is found by comparing the new matrix with a copy
/// of the previous one (a sequential comparison, much cheaper than the random-access column
/// map), so the result is exactly what converting every row from scratch gives.
struct CompactTrainingRows {
    /// Global column of each compact column, in order of first occurrence.
    private(set) var globalColumns: [Int32] = []
    /// Row `i` is `columns[rowStarts[i] ..< rowStarts[i + 1]]` (compact columns).
    private(set) var rowStarts: [Int] = [0]
    /// Compact column of each entry.
    private(set) var columns: [Int32] = []
    /// Value of each entry.
    private(set) var values: [Double] = []
    /// Global columns and `Float` values of the rows last converted, for the prefix comparison.
    private var sourceColumns: [Int32] = []
    private var sourceValues: [Float] = []
    /// Number of compact columns after each row.
    private var compactCountAfterRow: [Int] = []
    /// Global → compact column, −1 for columns not in `globalColumns`.
    private var compactOf: [Int32] = []

    /// Whether global column `global` occurs in the rows.
    func uses(_ global: Int32) -> Bool {
        Int(global) < compactOf.count && compactOf[Int(global)] >= 0
    }

    /// Makes the rows those of `features`, reusing the unchanged leading rows.
    mutating func update(to features: SparseMatrix) {
        if compactOf.count != features.columnCount {
            self = CompactTrainingRows()
            compactOf = [Int32](repeating: -1, count: features.columnCount)
        }
        let kept = commonPrefixRows(with: features)
        let keptColumns = kept == 0 ? 0 : compactCountAfterRow[kept - 1]
        for global in globalColumns[keptColumns...] { compactOf[Int(global)] = -1 }
        globalColumns.removeLast(globalColumns.count - keptColumns)
        compactCountAfterRow.removeLast(compactCountAfterRow.count - kept)
        rowStarts.removeLast(rowStarts.count - kept - 1)
        let keptEntries = rowStarts[kept]
        columns.removeLast(columns.count - keptEntries)
        values.removeLast(values.count - keptEntries)
        sourceColumns.removeLast(sourceColumns.count - keptEntries)
        sourceValues.removeLast(sourceValues.count - keptEntries)
        sourceColumns.append(contentsOf: features.columns[keptEntries...])
        sourceValues.append(contentsOf: features.values[keptEntries...])
        compactOf.withUnsafeMutableBufferPointer { compactOf in
            features.columns.withUnsafeBufferPointer { source in
                features.values.withUnsafeBufferPointer { sourceValues in
                    for row in kept..<features.rowCount {
                        for k in features.rowStarts[row]..<features.rowStarts[row + 1] {
                            let global = Int(source[k])
                            var local = compactOf[global]
                            if local < 0 {
                                local = Int32(globalColumns.count)
                                compactOf[global] = local
                                globalColumns.append(Int32(global))
                            }
                            columns.append(local)
                            values.append(Double(sourceValues[k]))
                        }
                        rowStarts.append(columns.count)
                        compactCountAfterRow.append(globalColumns.count)
                    }
                }
            }
        }
    }

    /// Number of leading rows of `features` equal (same columns, same values) to the stored rows.
    private func commonPrefixRows(with features: SparseMatrix) -> Int {
        let limit = min(rowStarts.count, features.rowStarts.count) - 1
        var rows = 0
        while rows < limit && rowStarts[rows + 1] == features.rowStarts[rows + 1] { rows += 1 }
        let entries = rowStarts[rows]
        guard entries > 0 else { return rows }
        let same =
            Self.sameBytes(sourceColumns, features.columns, count: entries)
            && Self.sameBytes(sourceValues, features.values, count: entries)
        if same { return rows }
        var firstDifference = 0
        while sourceColumns[firstDifference] == features.columns[firstDifference]
            && sourceValues[firstDifference].bitPattern == features.values[firstDifference].bitPattern
        {
            firstDifference += 1
        }
        var row = 0  // the row holding the first differing entry keeps none of its own
        while rowStarts[row + 1] <= firstDifference { row += 1 }
        return row
    }

    /// Whether the first `count` elements of two arrays have the same bytes.
    private static func sameBytes<T>(_ a: [T], _ b: [T], count: Int) -> Bool {
        a.withUnsafeBytes { a in
            b.withUnsafeBytes { b in
                guard let pa = a.baseAddress, let pb = b.baseAddress else { return count == 0 }
                return memcmp(pa, pb, count * MemoryLayout<T>.stride) == 0
            }
        }
    }
}

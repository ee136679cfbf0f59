import Foundation
import Testing
@testable import Ranking
@testable import TextAnalysis

/// The speed-ups of retraining must not change a single bit: incremental compaction of the
/// training rows equals compacting from scratch, and the blocked, parallel scoring of every row
/// equals the row-by-row dot product.
@Suite("Incremental training and blocked scoring")
struct IncrementalTrainingTests {
    /// A random sparse matrix with rows of 0–60 entries over `columns` columns.
    static func randomMatrix(rows: Int, columns: Int, seed: UInt64) -> SparseMatrix {
        var generator = SeededGenerator(seed: seed)
        var matrix = SparseMatrix(columnCount: columns)
        for _ in 0..<rows {
            let length = Int.random(in: 0...60, using: &generator)
            let entries = (0..<length).map { _ in
                (Int32.random(in: 0..<Int32(columns), using: &generator), Float.random(in: -1...1, using: &generator))
            }
            matrix.appendRow(entries)
        }
        return matrix
    }

    func expectSame(_ a: CompactTrainingRows, _ b: CompactTrainingRows) {
        #expect(a.globalColumns == b.globalColumns)
        #expect(a.rowStarts == b.rowStarts)
        #expect(a.columns == b.columns)
        #expect(a.values.map(\.bitPattern) == b.values.map(\.bitPattern))
    }

    @Test("growing, changing and shrinking the training rows gives the from-scratch compaction")
    func incrementalCompaction() {
        let pool = Self.randomMatrix(rows: 300, columns: 500, seed: 3)
        let topic = Self.randomMatrix(rows: 1, columns: 500, seed: 4).row(0).map { ($0.column, $0.value) }
        var incremental = CompactTrainingRows()
        var records: [Int] = []
        var generator = SeededGenerator(seed: 5)
        for step in 0..<120 {
            switch step % 10 {
            case 7: records.remove(at: Int.random(in: 0..<records.count, using: &generator))  // a changed decision
            case 9: records = Array(records.prefix(records.count / 2))  // fewer rows
            default: records.append(Int.random(in: 0..<pool.rowCount, using: &generator))
            }
            var training = pool.selectingRows(records)
            if step % 3 == 0 { training.appendRow(topic) }  // a topic pseudo-include at the end
            incremental.update(to: training)
            var fresh = CompactTrainingRows()
            fresh.update(to: training)
            expectSame(incremental, fresh)
        }
        #expect(!incremental.globalColumns.isEmpty)
    }

    @Test("blocked parallel scoring equals row-by-row dot products bit for bit", arguments: [7, 1_500, 5_003])
    func blockedScoring(rows: Int) {
        let matrix = Self.randomMatrix(rows: rows, columns: 800, seed: UInt64(rows))
        var generator = SeededGenerator(seed: 9)
        let dense = (0..<800).map { _ in Double.random(in: -3...3, using: &generator) }
        let bias = 0.123_456_789
        let expected = dense.withUnsafeBufferPointer { w in (0..<rows).map { matrix.dot(row: $0, w) + bias } }
        let actual = dense.withUnsafeBufferPointer { matrix.dotAllRows($0, adding: bias) }
        #expect(actual.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    @Test("a learner ranker fed decisions one by one scores like a fresh one with the same warm start")
    func incrementalRankerMatchesRebuild() {
        let pool = Self.randomMatrix(rows: 400, columns: 300, seed: 11)
        let topic = Self.randomMatrix(rows: 1, columns: 300, seed: 12).row(0).map { ($0.column, $0.value) }
        var incremental = LearnerRanker(id: "lr", features: pool, learner: LogisticRegression(), topicRow: topic)
        var state = LogisticRegression()
        var decisions: [Decision] = []
        var generator = SeededGenerator(seed: 13)
        for step in 0..<60 {
            decisions.append(Decision(record: step * 5, relevant: Bool.random(using: &generator), pickedAt: .rank))
            let a = incremental.scores(decisions: decisions)
            var learner = LogisticRegression()
            learner.weights = state.weights
            learner.intercept = state.intercept
            var fresh = LearnerRanker(id: "lr", features: pool, learner: learner, topicRow: topic)
            let b = fresh.scores(decisions: decisions)
            state = fresh.learner
            #expect(a != nil || step == 0)
            #expect(a?.map(\.bitPattern) == b?.map(\.bitPattern))
        }
    }
}

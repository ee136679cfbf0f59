import Foundation
import GRDB
import ReviewModel

/// Counts that answer "where is this review?"; the stable shape of `tarsier status --json`.
public struct ReviewStatus: Sendable, Codable, Equatable {
    /// Per-file import counts.
    public struct ImportCounts: Sendable, Codable, Equatable {
        public var batch: Int64
        public var file: String
        public var format: String
        public var sha256: String
        public var records: Int
        public var duplicates: Int
        public var warnings: Int
        public var importedAt: Date
    }
    public var title: String
    /// Every stored record, duplicates included.
    public var records: Int
    /// Records that joined an earlier record's duplicate group (not screened separately).
    public var duplicates: Int
    public var duplicateGroups: Int
    /// Records to screen: `records − duplicates`.
    public var screenable: Int
    public var screened: Int
    public var included: Int
    public var excluded: Int
    public var maybe: Int
    public var undecided: Int
    public var decisionEvents: Int
    public var rankingRuns: Int
    public var imports: [ImportCounts]
}

extension ReviewDatabase {
    /// The review's counts.
    public func status() throws -> ReviewStatus {
        let labels = try currentLabels()
        return try writer.read { db in
            let records = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record") ?? 0
            let duplicates =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM record INDEXED BY record_duplicates WHERE NOT isCanonical") ?? 0
            let groups = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM duplicateGroup") ?? 0
            let events = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM decision") ?? 0
            let runs = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rankingRun") ?? 0
            let title = try String.fetchOne(db, sql: "SELECT title FROM review WHERE id = 1") ?? ""
            let imports = try Row.fetchAll(db, sql: "SELECT * FROM importBatch ORDER BY id").map { row in
                ReviewStatus.ImportCounts(
                    batch: row["id"], file: row["fileName"], format: row["format"], sha256: row["sha256"],
                    records: row["recordCount"], duplicates: row["duplicateCount"], warnings: row["warningCount"],
                    importedAt: row["importedAt"])
            }
            let counts = Dictionary(grouping: labels.values, by: { $0 }).mapValues(\.count)
            let screenable = records - duplicates
            return ReviewStatus(
                title: title, records: records, duplicates: duplicates, duplicateGroups: groups,
                screenable: screenable, screened: labels.count, included: counts[.include] ?? 0,
                excluded: counts[.exclude] ?? 0, maybe: counts[.maybe] ?? 0, undecided: screenable - labels.count,
                decisionEvents: events, rankingRuns: runs, imports: imports)
        }
    }
}

import Foundation
import GRDB
import ReviewModel

/// A record as stored in a review, with its current decision.
public struct StoredRecord: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var fields: ReferenceFields
    public var importBatchID: Int64
    /// 1-based line of the record in its source file.
    public var line: Int
    public var sourceID: String?
    public var duplicateGroupID: Int64?
    /// False for a duplicate of an earlier record (it is not screened separately).
    public var isCanonical: Bool
    /// The record's current label (the latest decision event), nil when undecided.
    public var label: Label?
    /// The record's text as it appeared in the source file.
    public var rawText: String

    static let selection = """
        SELECT r.*, (SELECT label FROM decision d WHERE d.recordId = r.id ORDER BY d.id DESC LIMIT 1) AS currentLabel
        FROM record r
        """

    init(row: Row) {
        func list(_ column: String) -> [String] {
            guard let text: String = row[column] else { return [] }
            return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
        }
        id = row["id"]
        fields = ReferenceFields(
            type: row["type"], title: row["title"], abstract: row["abstract"], authors: list("authors"),
            journal: row["journal"], year: row["year"], volume: row["volume"], issue: row["issue"],
            pages: row["pages"], doi: row["doi"], pmid: row["pmid"], keywords: list("keywords"),
            meshTerms: list("meshTerms"), urls: list("urls"), language: row["language"])
        fields.translatedTitle = row["translatedTitle"]
        importBatchID = row["importBatchId"]
        line = row["line"]
        sourceID = row["sourceID"]
        duplicateGroupID = row["duplicateGroupId"]
        isCanonical = row["isCanonical"]
        label = (row["currentLabel"] as String?).flatMap(Label.init(rawValue:))
        rawText = row["rawText"]
    }
}

/// Which records `ReviewDatabase.records(_:)` returns.
public enum RecordFilter: String, Sendable, Codable, CaseIterable {
    case all, decided, undecided, included, excluded, maybe, duplicates
}

extension ReviewDatabase {
    /// One record by id.
    public func record(_ id: Int64) throws -> StoredRecord {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: StoredRecord.selection + " WHERE r.id = ?", arguments: [id])
            else {
                throw ReviewStoreError.noSuchRecord(id)
            }
            return StoredRecord(row: row)
        }
    }

    /// Records in import order, filtered; duplicates are left out unless asked for.
    public func records(_ filter: RecordFilter = .all, limit: Int? = nil) throws -> [StoredRecord] {
        let condition =
            switch filter {
            case .all: "isCanonical"
            case .decided: "isCanonical AND currentLabel IS NOT NULL"
            case .undecided: "isCanonical AND currentLabel IS NULL"
            case .included: "isCanonical AND currentLabel = 'include'"
            case .excluded: "isCanonical AND currentLabel = 'exclude'"
            case .maybe: "isCanonical AND currentLabel = 'maybe'"
            case .duplicates: "NOT isCanonical"
            }
        let sql =
            "SELECT * FROM (\(StoredRecord.selection)) WHERE \(condition) ORDER BY id"
            + (limit.map { " LIMIT \($0)" } ?? "")
        return try writer.read { db in try Row.fetchAll(db, sql: sql).map(StoredRecord.init(row:)) }
    }

    /// Ids of screenable (canonical) records whose title or abstract match an FTS5 query, best first.
    ///
    /// Plain words are matched as prefixes and all must occur; FTS5 syntax errors are answered by
    /// quoting the words.
    public func search(_ text: String, limit: Int = 500) throws -> [Int64] {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { "\"\($0)\"*" }
        guard !words.isEmpty else { return [] }
        let pattern = words.joined(separator: " ")
        return try writer.read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT r.id FROM recordFts JOIN record r ON r.id = recordFts.rowid
                    WHERE recordFts MATCH ? AND r.isCanonical ORDER BY bm25(recordFts) LIMIT ?
                    """,
                arguments: [pattern, limit])
        }
    }
}

/// The few fields screening and ranking need for every record, loaded without the rest.
public struct ScreeningText: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var abstract: String
    public var year: Int?
}

extension ScreeningText {
    /// A record's text from its title and abstract as stored (exports keep their markup) or as a
    /// file has them: markup and entities read as plain text, as the screen shows and ranks them.
    public init(id: Int64, storedTitle: String, storedAbstract: String, year: Int? = nil) {
        self.init(id: id, title: PlainText.of(storedTitle), abstract: PlainText.of(storedAbstract), year: year)
    }

    /// What the rankers and the encoder read for this record (`simulate` reads the same).
    public var document: String { title + "\n" + abstract }
}

extension ReviewDatabase {
    /// Id, title (the English one when the record has a translated title), abstract and year of
    /// every screenable (canonical) record, in import order.
    ///
    /// - Parameter abstracts: false leaves every abstract empty, for what only lists titles (the
    ///   screen's first frame): a tenth of the text of a large review.
    public func screeningTexts(abstracts: Bool = true) throws -> [ScreeningText] {
        let sql =
            abstracts
            ? "SELECT id, COALESCE(translatedTitle, title), abstract, year FROM record WHERE isCanonical = 1 ORDER BY id"
            : "SELECT id, COALESCE(translatedTitle, title), '', year FROM record WHERE isCanonical = 1 ORDER BY id"
        return try writer.read { db in
            var texts: [ScreeningText] = []
            let rows = try Row.fetchCursor(db, sql: sql)
            while let row = try rows.next() {
                texts.append(ScreeningText(id: row[0], storedTitle: row[1], storedAbstract: row[2], year: row[3]))
            }
            return texts
        }
    }
}

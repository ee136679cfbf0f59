import GRDB
import ReviewModel

extension ReviewDatabase {
    /// The review schema, as versioned migrations.
    ///
    /// A migration is never edited once it has shipped: change the schema by appending a new one.
    /// Table names are singular camelCase (GRDB convention).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try createProtocolTables(db)
            try createRecordTables(db)
            try createRankingTables(db)
            try createDecisionLog(db)
        }
        // Import indexes a whole batch into the full-text index at once (three times faster than
        // the per-row trigger for a large file). Only edits of the indexed text re-index a row: an
        // external-content FTS5 'delete' of a row that was never indexed corrupts the index, and
        // import updates duplicate-group columns before the batch is indexed.
        migrator.registerMigration("v2-batch-fts") { db in
            try db.execute(
                sql: """
                    DROP TRIGGER IF EXISTS __recordFts_ai;
                    DROP TRIGGER IF EXISTS __recordFts_au;
                    CREATE TRIGGER __recordFts_au AFTER UPDATE OF title, abstract ON record BEGIN
                        INSERT INTO recordFts (recordFts, rowid, title, abstract) VALUES ('delete', old.id, old.title, old.abstract);
                        INSERT INTO recordFts (rowid, title, abstract) VALUES (new.id, new.title, new.abstract);
                    END;
                    """)
        }
        // Two indexes for large reviews: counting duplicates no longer scans every record (status
        // and the screen's stopping line), and the screen's title list reads a compact index
        // instead of every record page (a cold first frame of a 100,000-record review).
        migrator.registerMigration("v3-screening-indexes") { db in
            try db.execute(
                sql: """
                    CREATE INDEX record_duplicates ON record (id) WHERE NOT isCanonical;
                    CREATE INDEX record_screeningTitles ON record (isCanonical, id, title, year);
                    """)
        }
        // Team screening: a lead's final decision on a conflict is a `resolve` event in the log.
        migrator.registerMigration("v6-resolve-events") { db in try allowResolveEvents(db) }
        // The live hybrid's credit as a function of the review file: each decision keeps every
        // signal's rank of the record in the ranking the assessor was shown (append-only too).
        migrator.registerMigration("v7-decision-signal-ranks") { db in
            try db.create(table: "decisionSignal") { t in
                t.belongsTo("decision").notNull()
                t.column("signal", .text).notNull()
                t.column("rank", .double).notNull()
                t.column("openCount", .integer).notNull()
                t.primaryKey(["decisionId", "signal"])
            }
            try makeAppendOnly(db, table: "decisionSignal", log: "decision log")
        }
        // A title + year match never hides a distinct work: pairs whose DOIs or PMIDs differ are
        // possible duplicates (both screenable); splits and marks are an append-only log. Records
        // an earlier tarsier merged that way are un-hidden here.
        migrator.registerMigration("v8-duplicate-links") { db in
            try createDuplicateLinks(db)
            try splitContradictedMerges(db)
        }
        // An English title beside an original-language one (RIS TT, EBSCO T2): the screen lists and
        // ranks it; the title column keeps what the file's title tag held. The screen's title index
        // covers it too.
        migrator.registerMigration("v9-translated-title") { db in
            try db.execute(
                sql: """
                    ALTER TABLE record ADD COLUMN translatedTitle TEXT;
                    DROP INDEX record_screeningTitles;
                    CREATE INDEX record_screeningTitles ON record (isCanonical, id, title, translatedTitle, year);
                    """)
        }
        // The classical rankers' features (TF-IDF and BM25 over every title and abstract), kept so
        // that a screen reopened on the same records and topic starts from them: a cache, one row,
        // replaced when the records or the topic change; nothing depends on it being there.
        migrator.registerMigration("v10-feature-cache") { db in
            try db.create(table: "featureCache") { t in
                t.column("key", .text).notNull().primaryKey()
                t.column("data", .blob).notNull()
                t.column("createdAt", .datetime).notNull()
            }
        }
        return migrator
    }

    private static func createDuplicateLinks(_ db: Database) throws {
        try db.create(table: "possibleDuplicate") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("record").notNull()  // the later record
            t.belongsTo("otherRecord", inTable: "record").notNull()  // the earlier (canonical) one
            t.column("key", .text).notNull()  // the title key they share
        }
        try db.create(table: "duplicateEvent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("kind", .text).notNull().check { ["split", "mark-duplicate", "mark-distinct"].contains($0) }
            t.belongsTo("record").notNull()
            t.belongsTo("otherRecord", inTable: "record")
            t.column("assessor", .text).notNull()
            t.column("at", .datetime).notNull()
        }
        try makeAppendOnly(db, table: "duplicateEvent", log: "duplicate log")
    }

    /// Triggers that refuse every update and delete on `table` (`<table>NoUpdate`, `<table>NoDelete`),
    /// for the logs added after v1 (v1's decision log spells its own, frozen as shipped).
    private static func makeAppendOnly(_ db: Database, table: String, log: String) throws {
        try db.execute(
            sql: """
                CREATE TRIGGER \(table)NoUpdate BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, 'the \(log) is append-only'); END;
                CREATE TRIGGER \(table)NoDelete BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, 'the \(log) is append-only'); END;
                """)
    }

    /// Every duplicate whose DOIs or PMIDs contradict its group's canonical record (it can only
    /// have joined by title and year) becomes screenable again, linked as a possible duplicate.
    static func splitContradictedMerges(_ db: Database) throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT m.id, m.doi, m.pmid, m.title, m.year, c.id AS canonical, c.doi AS cdoi, c.pmid AS cpmid
                FROM record m JOIN record c ON c.duplicateGroupId = m.duplicateGroupId AND c.isCanonical
                WHERE NOT m.isCanonical
                """)
        for row in rows {
            var member = ReferenceFields(title: row["title"])
            member.doi = row["doi"]
            member.pmid = row["pmid"]
            member.year = row["year"]
            var canonical = ReferenceFields(title: "")
            canonical.doi = row["cdoi"]
            canonical.pmid = row["cpmid"]
            guard WorkIdentifiers(member).contradicts(WorkIdentifiers(canonical)) else { continue }
            let id: Int64 = row["id"]
            let key = member.duplicateKeys.first { $0.hasPrefix("title:") } ?? "title:?"
            try db.execute(
                sql: "UPDATE record SET isCanonical = 1, duplicateGroupId = NULL WHERE id = ?", arguments: [id])
            try db.execute(
                sql: "INSERT INTO possibleDuplicate (recordId, otherRecordId, key) VALUES (?, ?, ?)",
                arguments: [id, row["canonical"], key])
        }
    }

    /// SQLite cannot change a CHECK constraint in place, so the decision log is rebuilt with
    /// `resolve` allowed: every row and column copied as it is (whatever columns earlier
    /// migrations added), then its indexes and append-only triggers recreated. Foreign keys are
    /// off during a migration (GRDB checks them once at its end).
    private static func allowResolveEvents(_ db: Database) throws {
        let oldKinds = "('decide', 'undo', 'redo', 'import')"
        guard
            let table = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'decision'"),
            table.contains(oldKinds)
        else { throw ReviewStoreError.corrupt("the decision table does not have the expected kinds") }
        let dependents = try String.fetchAll(
            db,
            sql:
                "SELECT sql FROM sqlite_master WHERE tbl_name = 'decision' AND type IN ('index', 'trigger') AND sql IS NOT NULL"
        )
        let rebuilt =
            table
            .replacingOccurrences(of: oldKinds, with: "('decide', 'undo', 'redo', 'import', 'resolve')")
            .replacingOccurrences(of: "CREATE TABLE \"decision\"", with: "CREATE TABLE \"decision_rebuilt\"")
        try db.execute(sql: rebuilt)
        try db.execute(sql: "INSERT INTO decision_rebuilt SELECT * FROM decision")
        try db.execute(sql: "DROP TABLE decision")
        try db.execute(sql: "ALTER TABLE decision_rebuilt RENAME TO decision")
        for statement in dependents { try db.execute(sql: statement) }
    }

    private static func createProtocolTables(_ db: Database) throws {
        // Exactly one row (id = 1): the review's protocol.
        try db.create(table: "review") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("title", .text).notNull()
            t.column("objective", .text)
            t.column("inclusionCriteria", .text)
            t.column("exclusionCriteria", .text)
            t.column("query", .text)
            t.column("randomSeed", .integer).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        // Free-form per-review settings as JSON values (term lists, exclusion reasons, stopping rule).
        try db.create(table: "setting") { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }
        try db.create(table: "importBatch") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("fileName", .text).notNull()
            t.column("format", .text).notNull()
            t.column("sha256", .text).notNull().indexed()
            t.column("recordCount", .integer).notNull()
            t.column("duplicateCount", .integer).notNull()
            t.column("warningCount", .integer).notNull()
            t.column("warnings", .text).notNull()  // JSON array of "file:line: warning: …"
            t.column("importedAt", .datetime).notNull()
        }
    }

    private static func createRecordTables(_ db: Database) throws {
        try db.create(table: "duplicateGroup") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("matchedOn", .text).notNull()  // the duplicate key that joined the group, e.g. "doi:10.1/x"
        }
        try db.create(table: "record") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("importBatch").notNull()
            t.column("line", .integer).notNull()
            t.column("sourceID", .text)
            t.column("type", .text)
            t.column("title", .text).notNull()
            t.column("abstract", .text).notNull()
            t.column("authors", .jsonText).notNull()
            t.column("journal", .text)
            t.column("year", .integer)
            t.column("volume", .text)
            t.column("issue", .text)
            t.column("pages", .text)
            t.column("doi", .text).indexed()
            t.column("pmid", .text).indexed()
            t.column("keywords", .jsonText).notNull()
            t.column("meshTerms", .jsonText).notNull()
            t.column("urls", .jsonText).notNull()
            t.column("language", .text)
            t.column("rawText", .text).notNull()
            t.belongsTo("duplicateGroup")
            // False for every member of a duplicate group but the first imported one.
            t.column("isCanonical", .boolean).notNull().defaults(to: true)
        }
        // Normalised duplicate keys ("doi:…", "pmid:…", "title:…|year") → the canonical record.
        try db.create(table: "duplicateKey") { t in
            t.primaryKey("key", .text)
            t.belongsTo("record").notNull()
        }
        try db.create(virtualTable: "recordFts", using: FTS5()) { t in
            t.synchronize(withTable: "record")
            t.tokenizer = .unicode61(diacritics: .remove)
            t.column("title")
            t.column("abstract")
        }
    }

    private static func createDecisionLog(_ db: Database) throws {
        // Append-only: undo and redo are new events; triggers refuse updates and deletes.
        try db.create(table: "decision") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("record").notNull()
            t.column("kind", .text).notNull().check { ["decide", "undo", "redo", "import"].contains($0) }
            // The record's label after this event; NULL means undecided again (an undone first decision).
            t.column("label", .text).check { $0 == nil || ["include", "exclude", "maybe"].contains($0) }
            t.column("assessor", .text).notNull()
            t.column("reason", .text)
            t.column("note", .text)
            t.column("decidedAt", .datetime).notNull()
            t.column("undoesDecisionId", .integer).references("decision")
            t.column("pickedBy", .text)  // "rank" or "random"; NULL when chosen by hand
            t.column("rankingRunId", .integer).references("rankingRun")
            t.column("rankShown", .integer)
        }
        try db.create(indexOn: "decision", columns: ["recordId", "id"])
        // Working notes an assessor keeps on a record without deciding (editable, unlike decisions).
        try db.create(table: "recordNote") { t in
            t.belongsTo("record").notNull()
            t.column("assessor", .text).notNull()
            t.column("note", .text).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.primaryKey(["recordId", "assessor"])
        }
        try db.execute(
            sql: """
                CREATE TRIGGER decisionNoUpdate BEFORE UPDATE ON decision
                BEGIN SELECT RAISE(ABORT, 'the decision log is append-only'); END;
                CREATE TRIGGER decisionNoDelete BEFORE DELETE ON decision
                BEGIN SELECT RAISE(ABORT, 'the decision log is append-only'); END;
                """)
    }

    private static func createRankingTables(_ db: Database) throws {
        try db.create(table: "rankingRun") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("modelVersion", .text).notNull()
            t.column("ranker", .text).notNull()
            t.column("parameters", .jsonText).notNull()
            t.column("trainingSize", .integer).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "embedding") { t in
            t.belongsTo("record").notNull()
            t.column("modelSHA256", .text).notNull()
            t.column("vector", .blob).notNull()  // little-endian Float32 values
            t.primaryKey(["recordId", "modelSHA256"])
        }
    }
}

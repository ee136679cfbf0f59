/// What `PRAGMA integrity_check` and `PRAGMA foreign_key_check` say about a review file, plus the
/// durability settings its connections use (`tarsier check`).
public struct IntegrityReport: Sendable, Codable, Equatable {
    /// The lines `PRAGMA integrity_check` returned: exactly `["ok"]` for a sound file.
    public var integrity: [String]
    /// One line per row `PRAGMA foreign_key_check` returned (`table rowid N refers to missing parent`).
    public var foreignKeyViolations: [String]
    /// The journal mode (`wal` for a review file).
    public var journalMode: String
    /// The writer connection's `PRAGMA synchronous`: `off`, `normal`, `full` or `extra`.
    public var synchronous: String

    /// A report from the raw pragma results.
    public init(integrity: [String], foreignKeyViolations: [String], journalMode: String, synchronous: String) {
        self.integrity = integrity
        self.foreignKeyViolations = foreignKeyViolations
        self.journalMode = journalMode
        self.synchronous = synchronous
    }

    /// True when the file is sound: integrity check says `ok` and no foreign key is dangling.
    public var isOK: Bool { integrity == ["ok"] && foreignKeyViolations.isEmpty }

    /// The name SQLite documents for a `PRAGMA synchronous` value (0…3).
    static func synchronousName(_ value: Int) -> String {
        switch value {
        case 0: "off"
        case 1: "normal"
        case 2: "full"
        case 3: "extra"
        default: "unknown (\(value))"
        }
    }
}

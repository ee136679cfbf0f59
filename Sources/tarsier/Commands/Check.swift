import ArgumentParser
import Foundation
import ReviewStore

/// `tarsier check`: SQLite's integrity and foreign-key checks on a review file.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a review file for corruption: SQLite integrity and foreign-key checks.",
        discussion: """
            Runs PRAGMA integrity_check (every page, index and constraint) and PRAGMA \
            foreign_key_check (no row refers to a missing one) in one read transaction, so it may run \
            while someone screens, and prints the journal mode and the synchronous level decisions \
            are committed with. Exits 0 when the file is sound and 1 otherwise. Use it after a crash \
            or power cut, or before sending a review to someone.
            """)

    @OptionGroup var review: ReviewArgument
    @Flag(help: "Print machine-readable JSON.") var json = false

    func run() throws {
        let database = try review.open()
        let report = try Console.run { try database.integrityReport() }
        if json {
            print(try Console.json(JSONReport(ok: report.isOK, report: report)))
        } else {
            print(Self.text(report, path: review.path))
        }
        if !report.isOK { throw ExitCode.failure }
    }

    /// The human-readable report.
    static func text(_ report: IntegrityReport, path: String) -> String {
        var lines = ["\(path): " + (report.isOK ? "ok" : "DAMAGED")]
        lines.append("integrity     " + (report.integrity == ["ok"] ? "ok" : "\(report.integrity.count) problems"))
        lines += report.integrity == ["ok"] ? [] : report.integrity.prefix(20).map { "  \($0)" }
        lines.append(
            "foreign keys  "
                + (report.foreignKeyViolations.isEmpty ? "ok" : "\(report.foreignKeyViolations.count) dangling"))
        lines += report.foreignKeyViolations.prefix(20).map { "  \($0)" }
        lines.append("journal       \(report.journalMode)")
        lines.append("synchronous   \(report.synchronous)")
        return lines.joined(separator: "\n")
    }

    /// The `--json` object: `ok` plus the report's fields.
    struct JSONReport: Encodable {
        var ok: Bool
        var report: IntegrityReport
        enum Key: String, CodingKey { case ok }
        func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(ok, forKey: .ok)
        }
    }
}

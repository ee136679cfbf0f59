import ReviewSession
import ArgumentParser
import Foundation
import ReviewModel
import ReviewStore
import enum ScreeningUI.TextSanitizer

/// `tarsier show`: one record in full with its decision history.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one record with its decision history.")

    @OptionGroup var review: ReviewArgument
    @Argument(help: "The record id (as printed by `tarsier list`).") var id: Int64
    @Flag(help: "Print machine-readable JSON.") var json = false
    @Flag(help: "Explain the record's rank: each ranking signal's score, rank, weight and track record.")
    var explain = false
    @Option(name: .customLong("as"), help: "Show what this assessor may see (blind screening hides others' votes).")
    var assessor: String?

    func run() throws {
        let database = try review.openForReading()
        try Console.run {
            var record = try database.record(id)
            let view = try TeamView(database: database, assessor: assessor)
            record.label = view.label(record)
            let log = try database.decisionLog(recordID: id).filter(view.shows)
            if json {
                struct Shown: Encodable { var record: StoredRecord; var decisions: [DecisionEvent] }
                print(try Console.json(Shown(record: record, decisions: log)))
                return
            }
            // Markup in exported text is shown as plain text (`export` writes the field as exported).
            let f = record.fields.shown
            var lines = [
                "#\(record.id)  \(record.label?.rawValue ?? "undecided")" + (record.isCanonical ? "" : "  (duplicate)")
            ]
            lines.append("title     \(f.title)")
            if record.fields.translatedTitle != nil {
                lines.append("original  \(PlainText.of(record.fields.title))")
            }
            if !f.authors.isEmpty { lines.append("authors   \(f.authors.joined(separator: "; "))") }
            let source = [f.journal, f.year.map(String.init), f.volume.map { "vol \($0)" }, f.pages].compactMap { $0 }
            if !source.isEmpty { lines.append("source    \(source.joined(separator: ", "))") }
            if let pmid = f.pmid { lines.append("pmid      \(pmid)") }
            if let doi = f.doi { lines.append("doi       \(doi)") }
            if !f.keywords.isEmpty { lines.append("keywords  \(f.keywords.joined(separator: "; "))") }
            if !f.meshTerms.isEmpty { lines.append("mesh      \(f.meshTerms.joined(separator: "; "))") }
            lines.append("")
            lines.append(f.abstract.isEmpty ? "(no abstract)" : f.abstract)
            if !log.isEmpty { lines.append("") }
            for event in log {
                let when = event.decidedAt.formatted(.iso8601)
                var line =
                    "\(when)  \(event.assessor)  \(event.kind.rawValue) → \(event.label?.rawValue ?? "undecided")"
                if let reason = event.reason { line += "  reason: \(reason)" }
                if let note = event.note { line += "  note: \(note)" }
                lines.append(line)
            }
            if explain {
                let explanation = try RankingExplanation.explain(recordID: id, database: database)
                lines.append("")
                lines += RankingExplanation.lines(rank: explanation.rank, signals: explanation.signals)
            }
            // Record text is untrusted: escape sequences and controls are shown, never sent raw.
            print(TextSanitizer.visible(lines.joined(separator: "\n"), keepNewlines: true))
        }
    }
}

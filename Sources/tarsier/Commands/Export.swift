import ReviewSession
import ArgumentParser
import Formats
import Foundation
import ReviewModel
import ReviewStore
import Reports

/// `tarsier export`: records, the decision log, the recall curve and PRISMA counts.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export records, the decision log, the recall curve or PRISMA counts.",
        discussion: """
            records    --format ris|csv   every screenable record with its decision (RIS: a note \
            "tarsier decision: include" that Zotero and EndNote keep); --label limits to one label.
            decisions  --format csv|jsonl every event of the append-only log: assessor, time, label, \
            reason, note, how the record was picked, the ranking run and rank it was shown at.
            curve      --format csv|svg|png includes found vs records screened, the random-order line, \
            the hypergeometric band and where each stopping rule first said stop.
            prisma     --format txt|csv|svg|png PRISMA 2020 counts for the title/abstract stage. \
            PNG is rendered from the SVG by rsvg-convert (Debian's librsvg2-bin) and needs -o FILE.
            agreement  --format csv|json per pair of assessors over the records both decided: the \
            counts table, Cohen's κ with its 95% CI, percent agreement, PABAK and Gwet's AC1, for \
            the whole review and for the calibration round.
            conflicts  --format csv|json records whose votes disagree, one row per vote.
            """)

    enum What: String, ExpressibleByArgument, CaseIterable {
        case records, decisions, curve, prisma, agreement, conflicts
    }
    enum Format: String, ExpressibleByArgument, CaseIterable { case ris, csv, jsonl, json, svg, png, txt }

    @OptionGroup var review: ReviewArgument
    @Option(help: "What to export: records, decisions, curve, prisma, agreement, conflicts.") var what: What
    @Option(help: "The file format (see above).") var format: Format
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
    @Option(help: "Records only: include, exclude, maybe or undecided.") var label: String?
    @Option(
        name: .customLong("as"), help: "Records and decisions: export what this assessor may see (blind screening).")
    var assessor: String?

    func validate() throws {
        let allowed: [What: [Format]] = [
            .records: [.ris, .csv], .decisions: [.csv, .jsonl], .curve: [.csv, .svg, .png],
            .prisma: [.txt, .csv, .svg, .png],
            .agreement: [.csv, .json], .conflicts: [.csv, .json],
        ]
        guard allowed[what, default: []].contains(format) else {
            throw ValidationError(
                "--what \(what.rawValue) takes --format \(allowed[what, default: []].map(\.rawValue).joined(separator: "|"))"
            )
        }
        if let label, !["include", "exclude", "maybe", "undecided"].contains(label) {
            throw ValidationError("--label must be include, exclude, maybe or undecided")
        }
    }

    func run() throws {
        let database = try review.openForReading()
        let text = try Console.run { () -> String in
            switch what {
            case .records: return try records(database)
            case .agreement:
                let report = AgreementReport(summary: try database.teamSummary())
                return format == .json ? try report.json() : report.csv()
            case .conflicts:
                let report = try ConflictReport(summary: try database.teamSummary()) {
                    try database.record($0).fields.title
                }
                return format == .json ? try report.json() : report.csv()
            case .decisions: return try decisions(database)
            case .curve:
                let curve = try LeadReports(database: database).curve()
                return format == .csv ? curve.csv() : try curve.svg()
            case .prisma:
                let counts = try LeadReports(database: database).prisma()
                try counts.check()
                switch format {
                case .svg, .png: return PrismaFlowDiagram(counts: counts).svg()
                case .csv: return counts.csv()
                default: return counts.text()
                }
            }
        }
        if format == .png {
            guard let output else { throw ValidationError("--format png needs -o FILE.png") }
            try Console.run { try Self.renderPNG(svg: text, to: output) }
        } else if let output {
            try Console.run { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) }
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }

    /// Renders SVG text to a PNG file with rsvg-convert.
    static func renderPNG(svg: String, to path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["rsvg-convert", "--format", "png", "--zoom", "2", "--output", path]
        let input = Pipe()
        process.standardInput = input
        do { try process.run() } catch {
            throw ValidationError(
                "PNG needs rsvg-convert (apt-get install librsvg2-bin): \(error.localizedDescription)")
        }
        input.fileHandleForWriting.write(Data(svg.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("rsvg-convert failed (exit \(process.terminationStatus)); is librsvg2-bin installed?")
        }
    }

    private func records(_ database: ReviewDatabase) throws -> String {
        let filter: RecordFilter =
            switch label {
            case "include": .included
            case "exclude": .excluded
            case "maybe": .maybe
            case "undecided": .undecided
            default: .all
            }
        let view = try TeamView(database: database, assessor: assessor)
        let stored =
            view.isPlain
            ? try database.records(filter)
            : view.filter(
                try database.records(.all), labels: label.map { $0 == "undecided" ? [nil] : [Label(rawValue: $0)] })
        let records = stored.map { stored in
            ImportedRecord(
                fields: stored.fields, line: stored.line, sourceID: stored.sourceID ?? "\(stored.id)",
                label: view.label(stored),
                raw: stored.rawText)
        }
        return format == .ris ? RISWriter.render(records) : CSVWriter.render(records)
    }

    private func decisions(_ database: ReviewDatabase) throws -> String {
        let runs = Dictionary(
            try database.rankingRuns(limit: Int.max).map { ($0.id, $0.modelVersion) }, uniquingKeysWith: { a, _ in a })
        let view = try TeamView(database: database, assessor: assessor)
        let events = try database.decisionLog().filter(view.shows)
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let columns = [
            "event_id", "record_id", "kind", "label", "assessor", "decided_at", "reason", "note",
            "undoes_event_id", "picked_by", "ranking_run_id", "model_version", "rank_shown",
        ]
        let rows: [[String: String]] = events.map { e in
            [
                "event_id": "\(e.id)", "record_id": "\(e.recordID)", "kind": e.kind.rawValue,
                "label": e.label?.rawValue ?? "",
                "assessor": e.assessor, "decided_at": iso.string(from: e.decidedAt), "reason": e.reason ?? "",
                "note": e.note ?? "", "undoes_event_id": e.undoesDecisionID.map(String.init) ?? "",
                "picked_by": e.pickedBy?.rawValue ?? "", "ranking_run_id": e.rankingRunID.map(String.init) ?? "",
                "model_version": e.rankingRunID.flatMap { runs[$0] } ?? "",
                "rank_shown": e.rankShown.map(String.init) ?? "",
            ]
        }
        if format == .jsonl {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return try rows.map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: "\n")
                + (rows.isEmpty ? "" : "\n")
        }
        return ([columns] + rows.map { row in columns.map { row[$0] ?? "" } }).map(CSVWriter.row).joined()
    }
}

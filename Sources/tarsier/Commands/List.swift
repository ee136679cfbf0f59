import ReviewSession
import ArgumentParser
import Foundation
import ReviewModel
import ReviewStore
import enum ScreeningUI.TextSanitizer

/// `tarsier list`: records, one per line.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List records: id, label, year, title.")

    @OptionGroup var review: ReviewArgument
    @Flag(help: "Only records with a decision.") var decided = false
    @Flag(help: "Only records without a decision.") var undecided = false
    @Option(help: "Only records with this label (include, exclude, maybe).") var label: String?
    @Flag(help: "List the duplicates (records that joined an earlier record's group).") var duplicates = false
    @Option(help: "At most this many records.") var limit: Int?
    @Option(name: .customLong("as"), help: "List what this assessor may see (blind screening hides others' votes).")
    var assessor: String?
    @Flag(help: "Print a JSON array: id, label, year, title, pmid, doi and source id of each record.") var json = false

    func validate() throws {
        if decided && undecided { throw ValidationError("--decided and --undecided exclude each other") }
        if let label, !["include", "exclude", "maybe"].contains(label) {
            throw ValidationError("--label must be include, exclude or maybe")
        }
    }

    func run() throws {
        let filter: RecordFilter =
            duplicates
            ? .duplicates
            : label == "include"
                ? .included
                : label == "exclude"
                    ? .excluded
                    : label == "maybe"
                        ? .maybe
                        : decided ? .decided : undecided ? .undecided : .all
        let database = try review.openForReading()
        let (records, view) = try Console.run { () -> ([StoredRecord], TeamView) in
            let view = try TeamView(database: database, assessor: assessor)
            if view.isPlain || duplicates { return (try database.records(filter, limit: limit), view) }
            // Team screening: filter by the label each record shows to this person.
            let wanted: Set<Label?>? =
                label.flatMap(Label.init(rawValue:)).map { [$0] }
                ?? (decided ? Set(Label.allCases.map { Optional($0) }) : undecided ? [nil] : nil)
            let shown = view.filter(try database.records(.all), labels: wanted)
            return (limit.map { Array(shown.prefix($0)) } ?? shown, view)
        }
        if json {
            struct Listed: Encodable {
                var id: Int64, label: String?, year: Int?, title: String, pmid: String?, doi: String?, sourceID: String?
            }
            let listed = records.map {
                Listed(
                    id: $0.id, label: view.label($0)?.rawValue, year: $0.fields.year,
                    title: $0.fields.shown.title,
                    pmid: $0.fields.pmid, doi: $0.fields.doi, sourceID: $0.sourceID)
            }
            print(try Console.run { try Console.json(listed) })
            return
        }
        for record in records {
            let year = record.fields.year.map(String.init) ?? "    "
            let label = (view.label(record)?.rawValue ?? "-").padding(toLength: 8, withPad: " ", startingAt: 0)
            print("\(record.id)\t\(label)\t\(year)\t\(TextSanitizer.visible(record.fields.shown.title))")
        }
    }
}

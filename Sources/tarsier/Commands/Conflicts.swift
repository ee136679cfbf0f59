import ArgumentParser
import Foundation
import ReviewStore
import Reports
import ReviewModel

/// `tarsier conflicts`: records whose votes disagree, with every vote, reason and note.
struct Conflicts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the records whose votes disagree (dual or verified screening), with each vote.",
        discussion: "A lead records the final decision with `tarsier resolve` or in the screen (`screen --lead`).")

    @OptionGroup var review: ReviewArgument
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let database = try review.openForReading()
        try Console.run {
            let report = try ConflictReport(summary: try database.teamSummary()) {
                try database.record($0).fields.title
            }
            print(json ? try report.json() : report.text(), terminator: "")
        }
    }
}

/// `tarsier resolve`: a lead's final decision on a record in conflict (a `resolve` event).
struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record the final decision on a record in conflict.",
        discussion: "Appends a resolve event to the decision log; a record that is not in conflict is refused.")

    @OptionGroup var review: ReviewArgument
    @Argument(help: "The record id (see `tarsier conflicts`).") var record: Int64
    @Argument(help: "The final label: include, exclude or maybe.") var label: String
    @Option(name: .customLong("as"), help: "The lead resolving it.") var assessor: String
    @Option(help: "Why (kept in the log).") var reason: String?

    func validate() throws {
        guard Label(rawValue: label) != nil else {
            throw ValidationError("the label must be include, exclude or maybe")
        }
        guard !assessor.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--as needs a name") }
    }

    func run() throws {
        let database = try review.open()
        try Console.run {
            if let refusal = try database.teamSettings().leadRefusal(assessor) {
                throw ReviewStoreError.teamRule(refusal)
            }
            let event = try database.resolve(record, Label(rawValue: label)!, assessor: assessor, reason: reason)
            print("resolved #\(record) as \(label) by \(assessor) (event \(event.id))")
        }
    }
}

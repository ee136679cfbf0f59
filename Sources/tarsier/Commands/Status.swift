import ArgumentParser
import Foundation
import ReviewStore

/// `tarsier status`: counts of records, duplicates and decisions.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a review's counts: records, duplicates, screened, included, excluded, maybe, imports.",
        discussion: "With --json, prints one stable JSON object (keys sorted, ISO 8601 dates).")

    @OptionGroup var review: ReviewArgument
    @Flag(help: "Print machine-readable JSON.") var json = false

    func run() throws {
        let database = try review.open()
        let status = try Console.run { try database.status() }
        if json {
            print(try Console.json(status))
            return
        }
        print(Self.text(status))
    }

    static func text(_ s: ReviewStatus) -> String {
        var lines = [
            s.title,
            "records      \(s.records) (\(s.duplicates) duplicates in \(s.duplicateGroups) groups; \(s.screenable) to screen)",
            "screened     \(s.screened) of \(s.screenable)  included \(s.included)  excluded \(s.excluded)  maybe \(s.maybe)  undecided \(s.undecided)",
        ]
        if s.imports.isEmpty { lines.append("imports      none yet (tarsier import REVIEW FILE...)") }
        for batch in s.imports {
            lines.append(
                "import #\(batch.batch)    \(batch.file) [\(batch.format)] \(batch.records) records, "
                    + "\(batch.duplicates) duplicates, \(batch.warnings) warnings")
        }
        return lines.joined(separator: "\n")
    }
}

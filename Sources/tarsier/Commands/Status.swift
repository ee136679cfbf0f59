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
        let (status, stopping) = try Console.run { () -> (ReviewStatus, [StoppingStatus]) in
            let reports = try LeadReports(database: database)
            return (reports.status, try reports.stoppingStatus())
        }
        if json {
            print(try Console.json(StatusReport(status: status, stopping: stopping)))
            return
        }
        print(Self.text(status))
        for rule in stopping {
            let mark = rule.preregistered ? "*" : " "
            print("stop rule \(mark)  \(rule.state.replacingOccurrences(of: "_", with: " "))  \(rule.label): \(rule.summary)"
                + (rule.firstStopAt.map { " (first said stop at \($0) screened)" } ?? ""))
        }
    }

    /// The `--json` object: the review's counts plus a `stopping` array of rule states.
    struct StatusReport: Encodable {
        var status: ReviewStatus
        var stopping: [StoppingStatus]
        enum Key: String, CodingKey { case stopping }
        func encode(to encoder: any Encoder) throws {
            try status.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(stopping, forKey: .stopping)
        }
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

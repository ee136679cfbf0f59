import ArgumentParser
import Foundation
import ReviewStore
import enum ScreeningUI.TextSanitizer
import Transformer

/// `tarsier status`: counts of records, duplicates and decisions.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a review's counts: records, duplicates, screened, included, excluded, maybe, imports.",
        discussion: "With --json, prints one stable JSON object (keys sorted, ISO 8601 dates).")

    @OptionGroup var review: ReviewArgument
    @Flag(help: "Print machine-readable JSON.") var json = false

    func run() throws {
        let database = try review.openWritingIfPossible()
        let (status, stopping) = try Console.run { () -> (ReviewStatus, [StoppingStatus]) in
            let reports = try LeadReports(database: database)
            return (reports.status, try reports.stoppingStatus())
        }
        let embeddings = try Console.run { try EmbeddingStatus(database: database, screenable: status.screenable) }
        if json {
            print(try Console.json(StatusReport(status: status, stopping: stopping, embeddings: embeddings)))
            return
        }
        print(TextSanitizer.visible(Self.text(status), keepNewlines: true))
        if let model = embeddings.model {
            print("embeddings   \(embeddings.done) of \(status.screenable) with \(model) [\(embeddings.modelSHA256?.prefix(12) ?? "")]"
                + (embeddings.done < status.screenable ? " (continue with `tarsier embed`)" : ""))
        } else {
            print("embeddings   no BERT model found; ranking is classical only (get it with `bash Scripts/fetch-model.sh`)")
        }
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
        var embeddings: EmbeddingStatus
        enum Key: String, CodingKey { case stopping, embeddings }
        func encode(to encoder: any Encoder) throws {
            try status.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(stopping, forKey: .stopping)
            try container.encode(embeddings, forKey: .embeddings)
        }
    }

    /// How many records have a cached embedding for the model tarsier would use.
    struct EmbeddingStatus: Encodable {
        var model: String?
        var modelSHA256: String?
        var done: Int

        init(database: ReviewDatabase, screenable: Int) throws {
            guard let directory = ModelLocator.find(explicit: nil),
                let encoder = try? BertEncoder(modelDirectory: directory)
            else {
                model = nil
                modelSHA256 = nil
                done = 0
                return
            }
            model = directory.lastPathComponent
            modelSHA256 = encoder.weightsSHA256
            done = try database.embeddingCount(modelSHA256: encoder.weightsSHA256)
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

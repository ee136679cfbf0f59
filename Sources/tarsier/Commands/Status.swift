import ReviewSession
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
        print(embeddings.text(screenable: status.screenable, reviewPath: review.path))
        for rule in stopping {
            let mark = rule.preregistered ? "*" : " "
            print(
                "stop rule \(mark)  \(rule.state.rawValue.replacingOccurrences(of: "_", with: " "))  \(rule.label): \(rule.summary)"
                    + (rule.firstStopAt.map { " (first said stop at \($0) screened)" } ?? ""))
        }
        // Team screening: the mode, each assessor's progress, conflicts and agreement.
        let team = try Console.run { try database.teamSummary() }
        if team.rules.settings.mode != .single || team.book.assessors.count > 1 {
            let progress = team.progress(events: try Console.run { try database.voteEvents() }, now: Date())
            print(
                TextSanitizer.visible(TeamStatus.text(summary: team, progress: progress), keepNewlines: true),
                terminator: "")
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

    /// How many records have a cached embedding for the model tarsier would use, and the state of
    /// the newest `tarsier embed` job (running: it holds the review's embedding lock).
    struct EmbeddingStatus: Encodable {
        var model: String?
        var modelSHA256: String?
        var done: Int
        /// Embedding rows stored for the model (equals `done` unless records became duplicates).
        var rows: Int
        var job: JobState?

        /// The newest job's stored progress plus whether a process holds the lock now.
        struct JobState: Encodable {
            /// Nil while a job that has just started has not stored its first progress yet.
            var progress: EmbeddingJobProgress?
            var running: Bool
            /// Who holds the lock (`pid 123: tarsier embed since …`), when someone does.
            var holder: String?
            var holderPID: Int32?
        }

        init(database: ReviewDatabase, screenable: Int) throws {
            let holder = database.path.flatMap { EmbeddingJobLock.holder(reviewPath: $0) }
            let progress = try database.embeddingJob()
            job =
                progress != nil || holder != nil
                ? JobState(
                    progress: progress, running: holder != nil, holder: holder?.description, holderPID: holder?.pid)
                : nil
            if let directory = ModelLocator.find(explicit: nil),
                let encoder = try? BertEncoder(modelDirectory: directory)
            {
                model = directory.lastPathComponent
                modelSHA256 = encoder.weightsSHA256
            } else if let progress {
                // No model here, but a job embedded with one: report that model's progress.
                model = progress.model
                modelSHA256 = progress.modelSHA256
            } else {
                model = nil
                modelSHA256 = nil
            }
            done = try modelSHA256.map { try database.embeddingCount(modelSHA256: $0) } ?? 0
            rows = try modelSHA256.map { try database.embeddingRowCount(modelSHA256: $0) } ?? 0
            if let sha = modelSHA256, let other = job?.progress?.modelSHA256, other != sha { job?.progress = nil }
        }

        /// `embeddings   12,345 of 100,000 (12%) with all-MiniLM-L6-v2 [53aa51172d14], 29.8 records/s, …`.
        func text(screenable: Int, reviewPath: String) -> String {
            guard let model, let sha = modelSHA256 else {
                return
                    "embeddings   no BERT model found; ranking is classical only (get it with `bash Scripts/fetch-model.sh`)"
            }
            let percent = screenable > 0 ? done * 100 / screenable : 100
            var line =
                "embeddings   \(Self.grouped(done)) of \(Self.grouped(screenable)) (\(percent)%) with \(model) [\(sha.prefix(12))]"
            let complete = done >= screenable
            if let job, job.running {
                let rate = job.progress?.recordsPerSecond ?? 0
                let left = rate > 0 ? Double(max(0, screenable - done)) / rate : nil
                line += rate > 0 ? ", \(String(format: "%.1f", rate)) records/s" : ""
                line += left.map { ", about \(Self.duration($0)) left" } ?? ""
                line +=
                    job.holder?.contains("tarsier embed") == true
                    ? ", job running (pid \(job.holderPID.map(String.init) ?? "?"))"
                    : ", embedding in \(job.holder ?? "another process")"
            } else if let progress = job?.progress, !complete {
                let when = progress.updatedAt.formatted(.iso8601)
                line +=
                    progress.finishedAt == nil
                    ? "; job stopped at \(when) (pid \(progress.pid) is gone); run `tarsier embed \(reviewPath)` to continue"
                    : "; run `tarsier embed \(reviewPath)` to embed the rest"
            } else if !complete {
                line += holderless(reviewPath)
            }
            return line
        }

        private func holderless(_ reviewPath: String) -> String {
            if let holder = EmbeddingJobLock.holder(reviewPath: reviewPath) {
                return ", embedding in \(holder.description)"
            }
            return " (continue with `tarsier embed \(reviewPath)`)"
        }

        /// 12345 → "12,345".
        static func grouped(_ value: Int) -> String {
            let digits = String(value.magnitude)
            var out = ""
            for (index, character) in digits.enumerated() {
                if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
                out.append(character)
            }
            return (value < 0 ? "-" : "") + out
        }

        /// 2950 s → "49 min", 30 s → "30 s", 7500 s → "2 h 5 min".
        static func duration(_ seconds: Double) -> String {
            let s = Int(seconds.rounded())
            if s < 90 { return "\(s) s" }
            if s < 3600 { return "\((s + 30) / 60) min" }
            return "\(s / 3600) h \(s % 3600 / 60) min"
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

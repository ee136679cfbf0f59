import Foundation
import TestSupport
import Testing

/// Inputs and checks shared by the crash-safety and concurrency tests.
enum CrashFixtures {
    /// A seeded RIS file of `records` distinct journal articles (unique DOIs and titles).
    static func ris(records: Int, using random: inout SplitMix64) -> String {
        let words = [
            "screening", "trial", "cohort", "virus", "metagenomics", "depression", "exercise", "outcome",
            "random", "sample", "protein", "review", "model", "children", "adults", "therapy", "risk",
        ]
        var text = ""
        for index in 0..<records {
            let title = (0..<8).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
            let abstract = (0..<60).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
            text +=
                "TY  - JOUR\nTI  - \(title) \(index)\nAB  - \(abstract)\nAU  - Author, A\n"
                + "PY  - \(1990 + index % 30)\nDO  - 10.5555/crash.\(index)\nER  - \n\n"
        }
        return text
    }

    /// A seeded `screen --script` of decisions with undo and redo mixed in.
    static func screeningScript(actions: Int, using random: inout SplitMix64) -> String {
        let weighted = ["include", "include", "exclude", "exclude", "exclude", "maybe", "undo", "undo", "redo"]
        return (0..<actions).map { _ in weighted[Int(random.next() % UInt64(weighted.count))] }.joined(separator: "\n")
            + "\n"
    }

    /// `tarsier status REVIEW --json` as an object.
    static func status(_ review: String, in directory: URL) throws -> [String: Any] {
        let result = try TarsierBinary.run(["status", review, "--json"], in: directory)
        #expect(result.status == 0, "\(result.err)")
        return try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any] ?? [:]
    }

    /// The `embeddings` object of `status --json`.
    static func embeddings(_ review: String, in directory: URL) throws -> [String: Any] {
        try status(review, in: directory)["embeddings"] as? [String: Any] ?? [:]
    }

    /// Expects `tarsier check REVIEW` to pass (SQLite integrity and foreign-key checks).
    static func expectSound(_ review: String, in directory: URL, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let check = try TarsierBinary.run(["check", review, "--json"], in: directory)
        #expect(check.status == 0, "tarsier check: \(check.out) \(check.err)", sourceLocation: sourceLocation)
        let object = try JSONSerialization.jsonObject(with: Data(check.out.utf8)) as? [String: Any]
        #expect(object?["ok"] as? Bool == true, sourceLocation: sourceLocation)
        #expect(object?["synchronous"] as? String == "full", sourceLocation: sourceLocation)
    }

    /// Removes a review and its WAL, shared-memory and lock files.
    static func remove(_ review: String, in directory: URL) throws {
        for suffix in ["", "-wal", "-shm", ".embed.lock", ".embed.log"] {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(review + suffix))
        }
    }

    /// True when the model is there; otherwise prints that `what` was skipped, and records an issue
    /// when `TARSIER_REQUIRE_MODEL=1` (CI), where skipping would hide a missing install step.
    static func modelOrSkip(_ what: String) -> Bool {
        guard !modelAvailable else { return true }
        let message = "\(what): SKIPPED: no BERT model (get it with `bash Scripts/fetch-model.sh`)"
        print(message)
        if ProcessInfo.processInfo.environment["TARSIER_REQUIRE_MODEL"] == "1" {
            Issue.record("TARSIER_REQUIRE_MODEL=1 but \(message)")
        }
        return false
    }

    /// Whether the BERT model is where `tarsier` looks for it ($TARSIER_MODEL or the cache folder).
    static var modelAvailable: Bool {
        let environment = ProcessInfo.processInfo.environment
        let folder: String
        if let model = environment["TARSIER_MODEL"], !model.isEmpty {
            folder = model
        } else {
            let cache =
                environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.cache"
            folder = cache + "/tarsier/models/all-MiniLM-L6-v2"
        }
        return ["config.json", "vocab.txt", "model.safetensors"].allSatisfy {
            FileManager.default.fileExists(atPath: folder + "/" + $0)
        }
    }

    /// The pid in `embedding in the background, pid N`.
    static func pid(in text: String) -> pid_t? {
        guard let range = text.range(of: "pid ") else { return nil }
        return pid_t(text[range.upperBound...].prefix { $0.isNumber })
    }

    /// N of the last `embedded N of M` line (0 when none).
    static func lastProgress(_ text: String) -> Int {
        text.split(separator: "\n").reversed().lazy.compactMap { line -> Int? in
            guard line.hasPrefix("embedded ") else { return nil }
            return Int(line.dropFirst("embedded ".count).prefix { $0.isNumber })
        }.first ?? 0
    }

    /// Polls `condition` every 50 ms for up to `seconds`; true once it holds.
    static func waitUntil(seconds: Double = 10, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }
}

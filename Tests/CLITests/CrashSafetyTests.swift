import Foundation
import TestSupport
import Testing

/// Kills the real `tarsier` binary with SIGKILL at seeded random moments while it imports, embeds
/// and screens, and checks after every kill that the review is sound (`tarsier check`), that every
/// acknowledged decision is in the log, that an import is all or nothing and that embedding
/// resumes where it stopped. CI runs a few kills per scenario (about a minute in all); set
/// CRASH_ITERATIONS=N for N kills per scenario (Documentation/CrashSafety.md).
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    static let sample = TarsierBinary.packageRoot.appendingPathComponent("sample-reviews/virus-metagenomics")

    /// Kills per scenario: the CI default, or CRASH_ITERATIONS.
    static func kills(default count: Int) -> Int {
        ProcessInfo.processInfo.environment["CRASH_ITERATIONS"].flatMap { Int($0) }.map { max(1, $0) } ?? count
    }

    @Test("kill -9 during import leaves the batch wholly present or wholly absent, and the import then succeeds")
    func killDuringImport() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var random = SplitMix64(seed: 8_001)
        let count = 6_000
        try Data(CrashFixtures.ris(records: count, using: &random).utf8).write(
            to: dir.appendingPathComponent("big.ris"))
        // An uninterrupted, traced import tells how long storing takes (one transaction, after
        // parsing); each kill then waits for the store to begin and lands at a random moment of it,
        // or just after it ends.
        try TarsierBinary.run(["init", "reference.tarsier"], in: dir)
        let referenceTrace = dir.appendingPathComponent("reference.trace")
        let reference = try KilledRun(
            ["import", "reference.tarsier", "big.ris"], in: dir, environment: ["TARSIER_TRACE": referenceTrace.path])
        reference.finish()
        #expect(reference.process.terminationStatus == 0, "\(reference.stderr)")
        #expect(try CrashFixtures.status("reference.tarsier", in: dir)["records"] as? Int == count)
        let marks = Dictionary(
            try String(contentsOf: referenceTrace, encoding: .utf8).split(separator: "\n").compactMap {
                line -> (String, Double)? in
                let parts = line.split(separator: " ", maxSplits: 2)
                guard parts.count == 3, let ms = Double(parts[0]) else { return nil }
                return ("\(parts[1]) \(parts[2])", ms / 1000)
            }, uniquingKeysWith: { first, _ in first })
        let duration = (marks["store end big.ris"] ?? 0) - (marks["store begin big.ris"] ?? 0)
        #expect(duration > 0, "the trace has no store begin/end marks")
        var outcomes: [String: Int] = [:]
        for iteration in 0..<Self.kills(default: 8) {
            let review = "r\(iteration).tarsier"
            let trace = dir.appendingPathComponent("r\(iteration).trace")
            try TarsierBinary.run(["init", review], in: dir)
            let delay = Double.random(in: 0...(duration * 1.1), using: &random)
            let killed = try KilledRun(
                ["import", review, "big.ris"], in: dir, environment: ["TARSIER_TRACE": trace.path]
            )
            .kill(after: delay, once: "store begin big.ris", in: trace)
            try CrashFixtures.expectSound(review, in: dir)
            let records = try CrashFixtures.status(review, in: dir)["records"] as? Int ?? -1
            #expect(records == 0 || records == count, "kill \(delay) s into storing left \(records) records")
            outcomes[killed ? (records == 0 ? "killed, absent" : "killed, present") : "finished", default: 0] += 1
            let again = try TarsierBinary.run(["import", review, "big.ris"], in: dir)
            #expect(again.status == 0, "\(again.err)")
            #expect(try CrashFixtures.status(review, in: dir)["records"] as? Int == count)
            try CrashFixtures.remove(review, in: dir)
        }
        // Most kills must land while storing: the check would mean little otherwise.
        #expect(
            outcomes["killed, absent", default: 0] + outcomes["killed, present", default: 0] >= Self.kills(default: 8)
                / 2)
        print(
            "crash safety: import of \(count) records (storing takes \(String(format: "%.1f", duration)) s): \(outcomes.sorted { $0.key < $1.key })"
        )
    }

    @Test("kill -9 during scripted screening keeps every acknowledged decision, undo and redo")
    func killDuringScreening() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try TarsierBinary.run(["init", "s.tarsier"], in: dir)
        let csv = TestData.fixture("benchmark/kitchenham-2010.csv")
        #expect(try TarsierBinary.run(["import", "s.tarsier", csv.path], in: dir).status == 0)
        var random = SplitMix64(seed: 8_002)
        var acknowledged: [Acknowledgement] = []
        var killedRuns = 0
        for iteration in 0..<Self.kills(default: 12) {
            let script = "s\(iteration).txt"
            try Data(CrashFixtures.screeningScript(actions: 400, using: &random).utf8).write(
                to: dir.appendingPathComponent(script))
            let delay = Double.random(in: 0.3...3.0, using: &random)
            let run = try KilledRun(
                ["screen", "s.tarsier", "--as", "ann", "--ranker", "bm25", "--ack", "--script", script], in: dir)
            if run.kill(after: delay) {
                killedRuns += 1
            } else {
                #expect(run.process.terminationStatus == 0, "\(run.stderr)")
            }
            acknowledged += Acknowledgement.parse(run.stdout)
            try CrashFixtures.expectSound("s.tarsier", in: dir)
            let log = try LoggedEvent.all("s.tarsier", in: dir)
            let byID = Dictionary(uniqueKeysWithValues: log.map { ($0.eventID, $0) })
            for ack in acknowledged {
                #expect(byID[ack.eventID]?.acknowledgement == ack, "acknowledged \(ack) is not in the log")
            }
            // A kill may land between a commit and its acknowledgement: at most one such event per kill.
            let acknowledgedIDs = Set(acknowledged.map(\.eventID))
            #expect(log.filter { !acknowledgedIDs.contains($0.eventID) }.count <= killedRuns)
        }
        print("crash safety: screening: \(killedRuns) kills, \(acknowledged.count) acknowledged events, all present")
    }

    @Test("kill -9 during embedding (foreground and --background) resumes without losing or duplicating work")
    func killDuringEmbedding() throws {
        guard CrashFixtures.modelOrSkip("crash safety, the embed part") else { return }
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var random = SplitMix64(seed: 8_003)
        let count = 400
        try Data(CrashFixtures.ris(records: count, using: &random).utf8).write(to: dir.appendingPathComponent("e.ris"))
        try TarsierBinary.run(["init", "e.tarsier"], in: dir)
        try TarsierBinary.run(["import", "e.tarsier", "e.ris"], in: dir)

        // A background job: it holds the lock, refuses a second job, and dies without a stale lock.
        let started = try TarsierBinary.run(["embed", "e.tarsier", "--background", "--batch-size", "8"], in: dir)
        #expect(started.status == 0, "\(started.err)")
        let pid = try #require(CrashFixtures.pid(in: started.out))
        let job = try CrashFixtures.embeddings("e.tarsier", in: dir)["job"] as? [String: Any]
        let log = (try? String(contentsOf: dir.appendingPathComponent("e.tarsier.embed.log"), encoding: .utf8)) ?? ""
        #expect(
            job?["running"] as? Bool == true && job?["holderPID"] as? Int == Int(pid),
            "job \(String(describing: job)); log: \(log)")
        let second = try TarsierBinary.run(["embed", "e.tarsier"], in: dir)
        #expect(second.status == 1 && second.err.contains("already being embedded"))
        Thread.sleep(forTimeInterval: Double.random(in: 0.5...2.0, using: &random))
        kill(pid, SIGKILL)
        #expect(
            CrashFixtures.waitUntil {
                ((try? CrashFixtures.embeddings("e.tarsier", in: dir)["job"] as? [String: Any])?["running"] as? Bool)
                    == false
            })
        try CrashFixtures.expectSound("e.tarsier", in: dir)
        var done = try CrashFixtures.embeddings("e.tarsier", in: dir)["done"] as? Int ?? -1
        let status = try TarsierBinary.run(["status", "e.tarsier"], in: dir).out
        #expect(done == count || status.contains("job stopped at"), "\(status)")

        var kills = 0
        for _ in 0..<Self.kills(default: 4) {
            let run = try KilledRun(["embed", "e.tarsier", "--batch-size", "8"], in: dir)
            if run.kill(after: Double.random(in: 0.8...2.5, using: &random)) { kills += 1 }
            let reported = CrashFixtures.lastProgress(run.stdout)
            try CrashFixtures.expectSound("e.tarsier", in: dir)
            let embeddings = try CrashFixtures.embeddings("e.tarsier", in: dir)
            let now = embeddings["done"] as? Int ?? -1
            #expect(now >= reported, "the job reported \(reported) embedded, the review holds \(now)")
            #expect(now >= done, "embeddings went from \(done) to \(now)")
            #expect(embeddings["rows"] as? Int == now)
            done = now
        }
        let final = try TarsierBinary.run(["embed", "e.tarsier", "--batch-size", "8"], in: dir)
        #expect(final.status == 0, "\(final.err)")
        let embeddings = try CrashFixtures.embeddings("e.tarsier", in: dir)
        #expect(embeddings["done"] as? Int == count && embeddings["rows"] as? Int == count)
        print("crash safety: embedding: 1 background kill, \(kills) foreground kills, resumed to \(count) of \(count)")
    }
}

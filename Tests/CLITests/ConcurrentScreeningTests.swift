import Foundation
import TestSupport
import Testing

/// Two assessors screen one review file at the same time, each in their own `tarsier screen
/// --script` process with thousands of decisions, undos and redos. CI runs 1,500 actions per
/// assessor; CONCURRENT_ACTIONS=N runs N (Documentation/CrashSafety.md).
@Suite("Concurrent screening")
struct ConcurrentScreeningTests {
    @Test("two assessors at once: every acknowledged event exactly once, no busy errors, no leaks")
    func twoAssessors() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try TarsierBinary.run(["init", "c.tarsier"], in: dir)
        for file in [
            TestData.fixture("benchmark/kitchenham-2010.csv"),
            TestData.sampleReviews.appendingPathComponent("kidney-transplant-cardiac-testing/pubmed-search.nbib"),
        ] {
            #expect(try TarsierBinary.run(["import", "c.tarsier", file.path], in: dir).status == 0)
        }
        let screenable = try CrashFixtures.status("c.tarsier", in: dir)["screenable"] as? Int ?? 0
        #expect(screenable >= 2_000)
        let actions = ProcessInfo.processInfo.environment["CONCURRENT_ACTIONS"].flatMap { Int($0) } ?? 1_500
        let assessors = ["ann", "bob"]
        for (index, name) in assessors.enumerated() {
            var random = SplitMix64(seed: 9_000 + UInt64(index))
            try Data(CrashFixtures.screeningScript(actions: actions, using: &random).utf8)
                .write(to: dir.appendingPathComponent("\(name).txt"))
        }
        let began = Date()
        let runs = try assessors.map { name in
            try KilledRun(
                ["screen", "c.tarsier", "--as", name, "--ranker", "bm25", "--ack", "--script", "\(name).txt"], in: dir)
        }
        runs.forEach { $0.finish() }
        let seconds = Date().timeIntervalSince(began)
        for (name, run) in zip(assessors, runs) {
            #expect(run.process.terminationStatus == 0, "\(name): \(run.stderr)")
            #expect(
                !run.stderr.lowercased().contains("busy") && !run.stderr.lowercased().contains("locked"),
                "\(run.stderr)")
        }
        try CrashFixtures.expectSound("c.tarsier", in: dir)
        let log = try LoggedEvent.all("c.tarsier", in: dir)
        #expect(Set(log.map(\.eventID)).count == log.count)
        var acknowledged = 0
        for (name, run) in zip(assessors, runs) {
            let acks = Acknowledgement.parse(run.stdout)
            acknowledged += acks.count
            let mine = log.filter { $0.assessor == name }
            // Exactly the acknowledged events, once each and in order: nothing lost, nothing extra.
            #expect(mine.map(\.acknowledgement) == acks, "\(name): \(mine.count) events, \(acks.count) acknowledged")
            Self.expectConsistentReplay(mine, assessor: name)
        }
        #expect(log.count == acknowledged)
        // The global label is the latest event's; screened counts records whose latest event labels them.
        let latest = Dictionary(log.map { ($0.recordID, $0.label) }, uniquingKeysWith: { _, last in last })
        #expect(
            try CrashFixtures.status("c.tarsier", in: dir)["screened"] as? Int
                == latest.values.filter { $0 != "none" }.count)
        // Each session reloads when the other wrote, but two scripts racing down the same ranking
        // still meet on records (reported, not asserted: see Documentation/CrashSafety.md).
        let overlap = Self.decidedAfterOther(log)
        let decides = log.filter { $0.kind == "decide" }.count
        print(
            "concurrent screening: 2 × \(actions) actions, \(log.count) events (\(decides) decisions, \(overlap) on records the other had decided) in \(String(format: "%.1f", seconds)) s"
        )
    }

    /// Replays one assessor's events: a decide sets the label; an undo must restore this assessor's
    /// own label from before the event it undoes; a redo must re-apply its target's label; undo and
    /// redo targets must be this assessor's own events.
    static func expectConsistentReplay(_ events: [LoggedEvent], assessor: String) {
        var label: [Int64: String] = [:]
        var before: [Int64: String] = [:]
        let byID = Dictionary(uniqueKeysWithValues: events.map { ($0.eventID, $0) })
        for event in events {
            let expected: String?
            switch event.kind {
            case "decide": expected = event.label
            case "undo": expected = event.undoes.flatMap { before[$0] }
            case "redo": expected = event.undoes.flatMap { byID[$0]?.label }
            default: expected = nil
            }
            if event.kind != "decide" {
                #expect(
                    event.undoes.flatMap { byID[$0] }?.recordID == event.recordID,
                    "\(assessor): \(event) targets another assessor's event")
            }
            #expect(event.label == expected, "\(assessor): \(event) should leave \(expected ?? "?")")
            before[event.eventID] = label[event.recordID] ?? "none"
            label[event.recordID] = event.label
        }
    }

    /// How many decide events were on a record the other assessor had already decided.
    static func decidedAfterOther(_ log: [LoggedEvent]) -> Int {
        var decidedBy: [Int64: Set<String>] = [:]
        var count = 0
        for event in log {
            if event.kind == "decide", decidedBy[event.recordID]?.contains(where: { $0 != event.assessor }) == true {
                count += 1
            }
            decidedBy[event.recordID, default: []].insert(event.assessor)
        }
        return count
    }
}

import Foundation
import TestSupport
import Testing

/// A lead resolves conflicts in the screen (`screen --lead`, the Conflicts view) through the real
/// binary; bad leads and single-mode reviews are refused with the review unchanged.
@Suite("The lead's Conflicts view through the binary", .serialized)
struct LeadScreenTests {
    static let sample = TeamScreeningCommandTests.sample

    /// A dual, blind review where ann and bob disagree on their first 5 shared records.
    static func review(in dir: URL) throws {
        let topic = sample.appendingPathComponent("topic.json").path
        #expect(try TarsierBinary.run(["init", "t.tarsier", "--topic", topic, "--mode", "dual"], in: dir).status == 0)
        #expect(
            try TarsierBinary.run(
                ["import", "t.tarsier", sample.appendingPathComponent("kwok-2020-embase.ris").path, "--quiet"], in: dir
            ).status == 0)
        try Data(String(repeating: "include\n", count: 5).utf8).write(to: dir.appendingPathComponent("ann.txt"))
        try Data(String(repeating: "exclude\n", count: 5).utf8).write(to: dir.appendingPathComponent("bob.txt"))
        for name in ["ann", "bob"] {
            let run = try TarsierBinary.run(
                ["screen", "t.tarsier", "--as", name, "--ranker", "tfidf-lr", "--no-embed", "--script", "\(name).txt"],
                in: dir)
            #expect(run.status == 0, "\(run.err)")
        }
    }

    static func conflicts(in dir: URL) throws -> [[String: Any]] {
        let run = try TarsierBinary.run(["conflicts", "t.tarsier", "--json"], in: dir)
        let report = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any]
        return report?["entries"] as? [[String: Any]] ?? []
    }

    @Test("the lead sees both votes side by side and one key records the final decision as a resolve event")
    func resolveInTheScreen() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.review(in: dir)
        let before = try Self.conflicts(in: dir)
        #expect(before.count == 5)
        let first = try #require(before.first?["recordID"] as? Int)
        try Data(
            """
            show-conflicts
            expect Conflicts
            expect ann include
            expect bob exclude
            save-screen conflicts.txt
            include
            move-down
            exclude
            save-screen after.txt

            """.utf8
        ).write(to: dir.appendingPathComponent("lead.txt"))
        let run = try TarsierBinary.run(
            [
                "screen", "t.tarsier", "--as", "lee", "--lead", "--ranker", "tfidf-lr", "--no-embed", "--script",
                "lead.txt", "--size", "100x30",
            ], in: dir)
        #expect(run.status == 0, "\(run.err)")
        let screen = try String(contentsOf: dir.appendingPathComponent("conflicts.txt"), encoding: .utf8)
        #expect(screen.contains("#\(first)"))
        let after = try Self.conflicts(in: dir)
        #expect(after.count == 3)
        #expect(!after.contains { $0["recordID"] as? Int == first })
        // The resolutions are resolve events by the lead in the log.
        let log = try TarsierBinary.run(["export", "t.tarsier", "--what", "decisions", "--format", "jsonl"], in: dir)
            .out
        let resolves = log.split(separator: "\n").filter { $0.contains("\"resolve\"") }
        #expect(resolves.count == 2)
        #expect(resolves.allSatisfy { $0.contains("\"lee\"") })
        #expect(resolves.contains { $0.contains("\"record_id\":\"\(first)\"") && $0.contains("include") })
        let text = try String(contentsOf: dir.appendingPathComponent("after.txt"), encoding: .utf8)
        #expect(text.contains("resolved as exclude"))
    }

    @Test("the stats view shows each assessor's progress and the conflicts; blind assessors see only their own labels")
    func teamStats() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.review(in: dir)
        try Data("show-stats\nsave-screen stats.txt\n".utf8).write(to: dir.appendingPathComponent("stats.txt.script"))
        func stats(_ arguments: [String]) throws -> String {
            let run = try TarsierBinary.run(
                [
                    "screen", "t.tarsier", "--no-embed", "--ranker", "tfidf-lr", "--script", "stats.txt.script",
                    "--size", "100x30",
                ]
                    + arguments, in: dir)
            #expect(run.status == 0, "\(run.err)")
            return try String(contentsOf: dir.appendingPathComponent("stats.txt"), encoding: .utf8)
        }
        let bob = try stats(["--as", "bob"])
        #expect(bob.contains("Team: dual, blind · conflicts waiting 5"))
        #expect(bob.contains("ann: 5 decided · 5 in the last hour"))
        #expect(bob.contains("bob: 5 decided (0 include, 5 exclude, 0 maybe)"))
        let lead = try stats(["--as", "lee", "--lead"])
        #expect(lead.contains("ann: 5 decided (5 include, 0 exclude, 0 maybe)"))
        #expect(lead.contains("bob: 5 decided (0 include, 5 exclude, 0 maybe)"))
    }

    @Test("a non-lead, a single-mode review and a non-lead's resolve are refused, nothing changed")
    func refusals() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.review(in: dir)
        #expect(try TarsierBinary.run(["team", "t.tarsier", "--leads", "lee, kim"], in: dir).status == 0)
        let log = try TarsierBinary.run(["export", "t.tarsier", "--what", "decisions", "--format", "jsonl"], in: dir)
            .out
        try Data("show-conflicts\ninclude\n".utf8).write(to: dir.appendingPathComponent("lead.txt"))
        let stranger = try TarsierBinary.run(
            ["screen", "t.tarsier", "--as", "dave", "--lead", "--no-embed", "--script", "lead.txt"], in: dir)
        #expect(stranger.status == 1)
        #expect(stranger.err.contains("dave is not a lead of this review (leads: lee, kim)"), "\(stranger.err)")
        let resolve = try TarsierBinary.run(
            [
                "resolve", "t.tarsier", "\(try #require(Self.conflicts(in: dir).first?["recordID"] as? Int))",
                "include", "--as", "dave",
            ],
            in: dir)
        #expect(resolve.status != 0)
        #expect(resolve.err.contains("not a lead"), "\(resolve.err)")
        #expect(
            try TarsierBinary.run(["export", "t.tarsier", "--what", "decisions", "--format", "jsonl"], in: dir).out
                == log)
        // Without --lead the Conflicts view is not offered.
        try Data("show-conflicts\nsave-screen s.txt\n".utf8).write(to: dir.appendingPathComponent("plain.txt"))
        #expect(
            try TarsierBinary.run(
                ["screen", "t.tarsier", "--as", "kim", "--no-embed", "--ranker", "tfidf-lr", "--script", "plain.txt"],
                in: dir
            ).status == 0)
        #expect(
            try String(contentsOf: dir.appendingPathComponent("s.txt"), encoding: .utf8).contains(
                "only a lead resolves conflicts"))
        // A single-mode review has no conflicts to resolve.
        #expect(try TarsierBinary.run(["init", "s.tarsier"], in: dir).status == 0)
        let single = try TarsierBinary.run(
            ["screen", "s.tarsier", "--as", "lee", "--lead", "--no-embed", "--script", "lead.txt"], in: dir)
        #expect(single.status == 1)
        #expect(single.err.contains("single mode"), "\(single.err)")
    }
}

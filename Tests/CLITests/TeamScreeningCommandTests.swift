import Foundation
import TestSupport
import Testing

/// Dual, blind screening through the real binary: two assessors' scripted sittings on one review,
/// then the lead's commands.
@Suite("Team screening through the binary")
struct TeamScreeningCommandTests {
    static let sample = TestData.sampleReviews.appendingPathComponent("virus-metagenomics")

    static func json(_ arguments: [String], in dir: URL) throws -> Any {
        let result = try TarsierBinary.run(arguments, in: dir)
        #expect(result.status == 0, "\(arguments): \(result.err)")
        return try JSONSerialization.jsonObject(with: Data(result.out.utf8))
    }

    @Test("two blind assessors: second votes come first, conflicts go to the lead, κ matches the votes")
    func dualBlind() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let topic = Self.sample.appendingPathComponent("topic.json").path
        #expect(
            try TarsierBinary.run(["init", "t.tarsier", "--topic", topic, "--mode", "dual"], in: dir).out.contains(
                "dual screening, blind"))
        #expect(
            try TarsierBinary.run(
                ["import", "t.tarsier", Self.sample.appendingPathComponent("kwok-2020-embase.ris").path], in: dir
            ).status == 0)
        let ann = (0..<30).map { $0 % 3 == 0 ? "include" : "exclude" }
        try Data((ann.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("ann.txt"))
        try Data((Array(repeating: "include", count: 30).joined(separator: "\n") + "\n").utf8)
            .write(to: dir.appendingPathComponent("bob.txt"))
        for name in ["ann", "bob"] {
            let run = try TarsierBinary.run(
                ["screen", "t.tarsier", "--as", name, "--ranker", "tfidf-lr", "--no-embed", "--script", "\(name).txt"],
                in: dir)
            #expect(run.status == 0, "\(run.err)")
        }
        let team = try #require(try Self.json(["team", "t.tarsier", "--json"], in: dir) as? [String: Any])
        let pairs = try #require(team["agreement"] as? [[String: Any]])
        let all = try #require(pairs.first { $0["scope"] as? String == "all" }?["pair"] as? [String: Any])
        let table = try #require((all["table"] as? [String: Any])?["counts"] as? [[Int]])
        let both = table.joined().reduce(0, +)
        // bob was offered ann's records first: most of his 30 votes are second votes.
        #expect(both >= 20, "records voted on by both: \(both)")
        // bob included everything: the conflicts are ann's excludes among them.
        let conflicts = try #require(try Self.json(["conflicts", "t.tarsier", "--json"], in: dir) as? [String: Any])
        let entries = try #require(conflicts["entries"] as? [[String: Any]])
        #expect(entries.count == table[1][0] + table[0][1])
        #expect(team["conflicts"] as? Int == entries.count)
        // Blind: bob does not see ann's vote on a record he has not voted on.
        let bobView = try #require(
            try Self.json(["list", "t.tarsier", "--as", "bob", "--json"], in: dir) as? [[String: Any]])
        let bobLabels = Set(bobView.compactMap { $0["label"] as? String })
        #expect(bobLabels.isSubset(of: ["include"]), "bob sees only his own includes and final labels: \(bobLabels)")
        // The lead resolves one conflict; a record not in conflict is refused with the log unchanged.
        let conflicted = try #require(entries.first?["recordID"] as? Int)
        #expect(
            try TarsierBinary.run(["resolve", "t.tarsier", "\(conflicted)", "exclude", "--as", "lee"], in: dir).status
                == 0)
        let before = try TarsierBinary.run(["export", "t.tarsier", "--what", "decisions", "--format", "csv"], in: dir)
            .out
        let refused = try TarsierBinary.run(
            ["resolve", "t.tarsier", "\(conflicted)", "include", "--as", "lee"], in: dir)
        #expect(refused.status == 1 && refused.err.contains("not in conflict"))
        #expect(
            try TarsierBinary.run(["export", "t.tarsier", "--what", "decisions", "--format", "csv"], in: dir).out
                == before)
        let after = try #require(try Self.json(["conflicts", "t.tarsier", "--json"], in: dir) as? [String: Any])
        #expect((after["entries"] as? [[String: Any]])?.count == entries.count - 1)
        // Counts use final labels: agreed includes plus the resolved exclude.
        let status = try #require(try Self.json(["status", "t.tarsier", "--json"], in: dir) as? [String: Any])
        #expect(status["screened"] as? Int == table[0][0] + table[1][1] + 1)
        #expect(status["included"] as? Int == table[0][0])
        // Leaving dual screening now would make the votes ambiguous: refused, nothing changed.
        let change = try TarsierBinary.run(["team", "t.tarsier", "--mode", "single"], in: dir)
        #expect(change.status == 1 && change.err.contains("cannot change from dual to single"))
        let agreement = try TarsierBinary.run(
            ["export", "t.tarsier", "--what", "agreement", "--format", "csv"], in: dir
        ).out
        #expect(agreement.contains("\nall,ann,bob,\(both),"))
        // PRISMA reports the independent screening and the resolved conflicts.
        let prisma = try TarsierBinary.run(["export", "t.tarsier", "--what", "prisma", "--format", "txt"], in: dir)
        #expect(prisma.status == 0, "\(prisma.err)")
        #expect(prisma.out.contains("screened independently by two reviewers: \(both)"))
        #expect(prisma.out.contains("conflicts resolved by a third reviewer: 1"))
        #expect(
            try TarsierBinary.run(["status", "t.tarsier"], in: dir).out.contains(
                "conflicts waiting: \(entries.count - 1)"))
    }
}

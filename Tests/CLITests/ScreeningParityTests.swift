import Foundation
import TestSupport
import Testing

/// What users get is what `simulate` measures: an oracle assessor (`screen --script` with
/// `oracle N`, labelling the record in the pager from the review's include list, which the ranker
/// never sees) screens the sample review through the real binary, and its order is compared with
/// `simulate` on the same export, labels, topic and seed (hybrid ranker, embeddings stored first).
@Suite("Screen and simulate rank alike", .serialized)
struct ScreeningParityTests {
    static let sample = TestData.sampleReviews.appendingPathComponent("kidney-transplant-cardiac-testing")

    /// The first `count` records of the sample export (MEDLINE blocks) and their labels.
    static func subset(count: Int, in dir: URL) throws -> [String: Bool] {
        let text = try String(contentsOf: sample.appendingPathComponent("pubmed-search.nbib"), encoding: .utf8)
        let blocks = text.components(separatedBy: "\n\n").filter { $0.contains("PMID- ") }.prefix(count)
        try Data((blocks.joined(separator: "\n\n") + "\n").utf8).write(to: dir.appendingPathComponent("subset.nbib"))
        let lines = try String(contentsOf: sample.appendingPathComponent("labels.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst()
        var labels: [String: Bool] = [:]
        for line in lines {
            let parts = line.split(separator: ",")
            labels[String(parts[0])] = parts[1] == "1"
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: dir.appendingPathComponent("body.csv"))
        try Data(("pmid,label_included\n" + lines.joined(separator: "\n") + "\n").utf8)
            .write(to: dir.appendingPathComponent("labels.csv"))
        return labels
    }

    /// A new review of the subset with every embedding stored (`tarsier embed`).
    static func review(_ name: String, in dir: URL) throws {
        let topic = sample.appendingPathComponent("topic.json").path
        #expect(try TarsierBinary.run(["init", name, "--topic", topic], in: dir).status == 0)
        #expect(try TarsierBinary.run(["import", name, "subset.nbib", "--quiet"], in: dir).status == 0)
        let embed = try TarsierBinary.run(["embed", name], in: dir)
        #expect(embed.status == 0, "\(embed.err)")
    }

    /// PMIDs (else source record ids) of the review's decided records in decision order.
    static func screeningOrder(_ name: String, in dir: URL) throws -> [String] {
        let listed =
            try JSONSerialization.jsonObject(
                with: Data(try TarsierBinary.run(["list", name, "--json"], in: dir).out.utf8)) as? [[String: Any]] ?? []
        var pmidOf: [String: String] = [:]
        for record in listed {
            // The PMID, else the export's own record id (a CSV's record_id).
            if let id = record["id"] as? Int, let key = (record["pmid"] ?? record["sourceID"]) as? String {
                pmidOf["\(id)"] = key
            }
        }
        #expect(!pmidOf.isEmpty)
        let log = try TarsierBinary.run(["export", name, "--what", "decisions", "--format", "jsonl"], in: dir).out
            .split(separator: "\n")
        return try log.compactMap { line -> String? in
            let event = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
            guard event?["kind"] == "decide", let id = event?["record_id"] else { return nil }
            return pmidOf[id]
        }
    }

    /// WSS@95 of a (partial) screening order over a pool of `pool` records.
    static func wss95(_ order: [String], labels: [String: Bool], pool: Int, includes: Int) -> Double? {
        let needed = Int((0.95 * Double(includes)).rounded(.up))
        var found = 0
        for (position, pmid) in order.enumerated() {
            if labels[pmid] == true { found += 1 }
            if found >= needed { return Double(pool - position - 1) / Double(pool) - 0.05 }
        }
        return nil
    }

    @Test("uninterrupted, restarted and killed oracle screenings follow simulate's order")
    func parity() throws {
        guard CrashFixtures.modelOrSkip("screen/simulate parity") else { return }
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let labels = try Self.subset(count: 700, in: dir)
        let topic = Self.sample.appendingPathComponent("topic.json").path

        let simulated = try TarsierBinary.run(
            [
                "simulate", "subset.nbib", "--labels", "labels.csv", "--topic", topic, "--seed", "1", "--json",
                "--order-out", "order.txt", "--embeddings-cache", "cache.f32",
            ], in: dir)
        #expect(simulated.status == 0, "\(simulated.err)")
        let report = try JSONSerialization.jsonObject(with: Data(simulated.out.utf8)) as? [String: Any]
        let pool = try #require(report?["records"] as? Int)
        let includes = try #require(report?["includes"] as? Int)
        #expect(pool >= 690 && includes >= 20)
        let order = try String(contentsOf: dir.appendingPathComponent("order.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let simulatedWSS = try #require(Self.wss95(order, labels: labels, pool: pool, includes: includes))

        // One sitting: record for record the same order.
        try Self.review("a.tarsier", in: dir)
        // b starts as a copy of a before any decision (the embeddings are stored once).
        for suffix in ["", "-wal", "-shm"]
        where FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.tarsier" + suffix).path) {
            try FileManager.default.copyItem(
                at: dir.appendingPathComponent("a.tarsier" + suffix),
                to: dir.appendingPathComponent("b.tarsier" + suffix))
        }
        try Data("oracle 200\n".utf8).write(to: dir.appendingPathComponent("o200.txt"))
        let run = try TarsierBinary.run(
            ["screen", "a.tarsier", "--as", "oracle", "--script", "o200.txt", "--oracle-labels", "labels.csv"], in: dir)
        #expect(run.status == 0, "\(run.err)")
        let live = try Self.screeningOrder("a.tarsier", in: dir)
        #expect(live.count == 200)
        #expect(
            live == Array(order.prefix(200)),
            "first difference at \(String(describing: zip(live, order).enumerated().first { $0.element.0 != $0.element.1 }?.offset))"
        )

        // Quit and reopen at 6 points, then kill -9 mid-sitting at 5 more: the credit is restored
        // from the review file, so the screening still finds the includes as early.
        try Data("oracle 20\n".utf8).write(to: dir.appendingPathComponent("o20.txt"))
        for _ in 0..<6 {
            #expect(
                try TarsierBinary.run(
                    ["screen", "b.tarsier", "--as", "oracle", "--script", "o20.txt", "--oracle-labels", "labels.csv"],
                    in: dir
                ).status == 0)
        }
        var random = SplitMix64(seed: 12)
        for _ in 0..<5 {
            let killed = try KilledRun(
                ["screen", "b.tarsier", "--as", "oracle", "--script", "o20.txt", "--oracle-labels", "labels.csv"],
                in: dir)
            killed.kill(after: Double.random(in: 0.2...1.0, using: &random))
        }
        let done = try Self.screeningOrder("b.tarsier", in: dir).count
        try Data("oracle \(max(1, 300 - done))\n".utf8).write(to: dir.appendingPathComponent("rest.txt"))
        #expect(
            try TarsierBinary.run(
                ["screen", "b.tarsier", "--as", "oracle", "--script", "rest.txt", "--oracle-labels", "labels.csv"],
                in: dir
            )
            .status == 0)
        let restarted = try Self.screeningOrder("b.tarsier", in: dir)
        try CrashFixtures.expectSound("b.tarsier", in: dir)
        let restartedWSS = try #require(Self.wss95(restarted, labels: labels, pool: pool, includes: includes))
        #expect(abs(restartedWSS - simulatedWSS) <= 0.01, "restarted \(restartedWSS) vs simulate \(simulatedWSS)")
        print(
            "parity: simulate WSS@95 \(simulatedWSS), restarted/killed \(restartedWSS) after \(done) decisions in 11 sittings"
        )
    }
}

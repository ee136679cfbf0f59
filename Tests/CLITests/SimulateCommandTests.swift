import Foundation
import TestSupport
import Testing

@Suite("tarsier simulate")
struct SimulateCommandTests {
    @Test("several rankers over several seeds: one table, one chart with its CSV beside it")
    func comparison() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = TestData.fixture("benchmark/kitchenham-2010.csv").path
        let run = try TarsierBinary.run(
            [
                "simulate", data, "--n-prior-included", "1", "--n-prior-excluded", "1", "--ranker", "tfidf-lr,random",
                "--seeds", "1,2", "--curve-out", "c.svg", "--json",
            ], in: dir)
        #expect(run.status == 0, "\(run.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["ranker"] as? String } == ["tfidf-lr", "random"])
        let wss = rows.map { ($0["wss95"] as? [Double]) ?? [] }
        #expect(wss.map(\.count) == [2, 2])
        #expect(wss[0].min()! > wss[1].max()! + 0.3)  // the learner beats random order by far on this set
        let svg = try String(contentsOf: dir.appendingPathComponent("c.svg"), encoding: .utf8)
        #expect(svg.contains("WSS@95") && svg.contains("Ideal order"))
        let csv = try String(contentsOf: dir.appendingPathComponent("c.csv"), encoding: .utf8).split(separator: "\n")
        #expect(
            csv[0] == "screened,random,tfidf-lr median,tfidf-lr low,tfidf-lr high,random median,random low,random high")
        #expect(csv.count == 1_704 + 2)
        #expect(csv.last?.hasPrefix("1704,1,1,1,1,1,1,1") == true)
        // One ranker, one seed, --order-out: the single-run report as before; a bad list is refused.
        let refused = try TarsierBinary.run(["simulate", data, "--ranker", "tfidf-lr,nope"], in: dir)
        #expect(refused.status != 0 && refused.err.contains("unknown ranker 'nope'"))
    }

    @Test("naive Bayes learns from an early review's few includes (it once ranked no better than chance)")
    func naiveBayesLearns() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = TestData.fixture("benchmark/kitchenham-2010.csv").path
        let run = try TarsierBinary.run(
            [
                "simulate", data, "--n-prior-included", "1", "--n-prior-excluded", "1", "--ranker", "tfidf-nb,random",
                "--seeds", "1", "--json",
            ], in: dir)
        #expect(run.status == 0, "\(run.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]])
        let wss = rows.map { ($0["wss95"] as? [Double])?.first ?? -1 }
        #expect(wss.count == 2 && wss[0] > wss[1] + 0.25, "tfidf-nb \(wss[0]), random \(wss[1])")
    }

    @Test("fusion settings the hybrid cannot honour are refused, not ignored")
    func fusionSettingsValidated() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = TestData.fixture("benchmark/kitchenham-2010.csv").path
        let signal = try TarsierBinary.run(
            ["simulate", data, "--ranker", "hybrid", "--fusion-signals", "bm25,tfidf-lr,random"], in: dir)
        #expect(signal.status != 0 && signal.err.contains("'random' is not a signal the hybrid can fuse"))
        let weighting = try TarsierBinary.run(
            ["simulate", data, "--ranker", "hybrid", "--fusion-weighting", "hedgehog"], in: dir)
        #expect(weighting.status != 0 && weighting.err.contains("unknown fusion weighting 'hedgehog'"))
        #expect(weighting.err.contains("bandit"))
        let depth = try TarsierBinary.run(
            ["simulate", data, "--ranker", "hybrid", "--fusion-weighting", "bandit", "--fusion-bandit-depth", "0"],
            in: dir)
        #expect(depth.status != 0 && depth.err.contains("--fusion-bandit-depth must be 1 or more"))
    }

    @Test(
        "a CSV is ranked on the text the screen ranks: plain title and abstract; keywords and MeSH are named and left out"
    )
    func csvRankedAsTheScreenRanks() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 80 records of shuffled common words; every eighth an include whose keywords, or the
        // markup in its abstract (the review stores it as plain text), would give it away.
        let words = ["trial", "patients", "therapy", "outcome", "dose", "cohort", "risk", "review", "care", "study"]
        var plain = "record_id,title,abstract,label_included\n"
        var tagged = "record_id,title,abstract,keywords,mesh,label_included\n"
        for k in 0..<80 {
            let title = (0..<4).map { words[(k * 7 + $0 * 3) % words.count] }.joined(separator: " ")
            let abstract = (0..<12).map { words[(k * 5 + $0 * $0) % words.count] }.joined(separator: " ")
            let include = k % 8 == 0
            plain += "\(k),\(title),\(abstract)\(include ? " dose & risk" : ""),\(include ? 1 : 0)\n"
            tagged +=
                "\(k),\(title),\(abstract)\(include ? " <i>dose</i> &amp; risk" : ""),"
                + "\(include ? "giveaway" : "other"),\(include ? "Giveaway" : ""),\(include ? 1 : 0)\n"
        }
        let plainPath = dir.appendingPathComponent("plain.csv").path
        let taggedPath = dir.appendingPathComponent("tagged.csv").path
        try plain.write(toFile: plainPath, atomically: true, encoding: .utf8)
        try tagged.write(toFile: taggedPath, atomically: true, encoding: .utf8)
        var orders: [String] = []
        for (path, name) in [(plainPath, "plain.order"), (taggedPath, "tagged.order")] {
            let order = dir.appendingPathComponent(name).path
            let run = try TarsierBinary.run(
                ["simulate", path, "--ranker", "tfidf-lr", "--seed", "1", "--order-out", order], in: dir)
            #expect(run.status == 0, "\(run.err)")
            orders.append(try String(contentsOfFile: order, encoding: .utf8))
            #expect(run.err.contains("column(s) keywords, mesh not ranked on") == (path == taggedPath), "\(run.err)")
        }
        #expect(!orders[0].isEmpty && orders[0] == orders[1])
    }
}

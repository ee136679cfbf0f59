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
    }
}

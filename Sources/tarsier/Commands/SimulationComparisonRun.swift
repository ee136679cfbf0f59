import Evaluation
import Foundation
import Ranking
import Reports
import ReviewModel

/// `simulate DATA --ranker a,b,c [--seeds 1,2,3] [--curve-out c.svg|c.csv]`: every ranker under
/// every seed (priors drawn per seed), a table of medians and ranges, and one chart: each ranker's
/// median recall curve with a band over the seeds, the random and ideal orders, and WSS@95.
extension Simulate {
    struct ComparisonRow: Encodable {
        var ranker: String
        var seeds: [UInt64]
        var wss95: [Double]
        var recallAt10: [Double]
        var lastIncludeRank: [Int]
    }

    func runComparison(data: SimulationDataset, topic: Topic?) throws {
        let embeddings = try loadEmbeddings(data, topic: topic, rankers: rankerIDs)
        var rows: [ComparisonRow] = []
        var runs: [RecallComparison.Run] = []
        for id in rankerIDs {
            var row = ComparisonRow(
                ranker: id.rawValue, seeds: seedList, wss95: [], recallAt10: [], lastIncludeRank: [])
            var orders: [[Bool]] = []
            for seed in seedList {
                let configuration = makeConfiguration(ranker: id, seed: seed)
                var cycle = try makeCycle(
                    configuration, data: data, topic: topic, embeddings: id.usesEmbeddings ? embeddings : nil)
                let result = try Simulation(labels: data.labels, priors: try choosePriors(data, seed: seed)).run(&cycle)
                let order = result.labels(from: data.labels)
                let metrics = try ScreeningMetrics(labelsInScreeningOrder: order)
                row.wss95.append(metrics.wss95)
                row.recallAt10.append(metrics.rrf10)
                row.lastIncludeRank.append(metrics.lastIncludeRank)
                orders.append(order)
            }
            rows.append(row)
            runs.append(RecallComparison.Run(name: id.rawValue, seeds: orders))
        }
        var comparison = RecallComparison(
            title: "\(URL(fileURLWithPath: dataset).deletingPathExtension().lastPathComponent): "
                + "\(rankerNames.joined(separator: ", ")) over seed\(seedList.count > 1 ? "s" : "") "
                + seedList.map(String.init).joined(separator: ", "),
            poolSize: data.texts.count, totalRelevant: data.labels.filter { $0 }.count, runs: runs)
        comparison.showsIdeal = true
        for path in curveOut {
            try (path.hasSuffix(".svg") ? try comparison.svg() : comparison.spreadCSV())
                .write(toFile: path, atomically: true, encoding: .utf8)
            // A chart always comes with its data beside it.
            if path.hasSuffix(".svg") {
                let csv = String(path.dropLast(4)) + ".csv"
                if !curveOut.contains(csv) {
                    try comparison.spreadCSV().write(toFile: csv, atomically: true, encoding: .utf8)
                }
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
            return
        }
        print(
            "dataset     \(URL(fileURLWithPath: dataset).lastPathComponent)  (N = \(data.texts.count), "
                + "includes = \(data.labels.filter { $0 }.count)); seeds \(seedList.map(String.init).joined(separator: ","))"
        )
        print("ranker        WSS@95 median [range]     recall@10% median [range]   last include median")
        for row in rows {
            func summary(_ values: [Double]) -> String {
                String(format: "%.3f [%.3f–%.3f]", Self.median(values), values.min() ?? 0, values.max() ?? 0)
            }
            print(
                row.ranker.padding(toLength: 14, withPad: " ", startingAt: 0)
                    + summary(row.wss95).padding(toLength: 26, withPad: " ", startingAt: 0)
                    + summary(row.recallAt10).padding(toLength: 28, withPad: " ", startingAt: 0)
                    + String(Int(Self.median(row.lastIncludeRank.map(Double.init)))))
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

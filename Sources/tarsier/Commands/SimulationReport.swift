import Evaluation
import Foundation
import Stopping
import Ranking

/// The machine-readable result of one `tarsier simulate` run (`--json`).
struct SimulationReport: Codable {
    var dataset: String
    var ranker: String
    var seed: UInt64
    var priors: [String]
    var records: Int
    var includes: Int
    var wss95: Double
    var wss100: Double
    var rrf10: Double
    var rrf5: Double
    var lastIncludeRank: Int
    var atd: Double
    var ap: Double
    var randomPicks: Int
    var retrainMedianMilliseconds: Double
    var retrainP95Milliseconds: Double
    var wallSeconds: Double
    var configuration: CycleConfiguration
    /// Stopping rules replayed on the order (`--stop-rule`), if asked.
    var stopping: [StoppingOutcome]? = nil
    /// How the hybrid weighed its signals over the run (`FusionWeightTrace`); nil for a single ranker.
    var weights: [FusionWeightTrace.Point]? = nil
    /// `--mode`: simulated single and dual screening with assessor errors, measured against the truth.
    var team: [TeamSimulationOutcome]? = nil

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(Int((p * Double(sorted.count - 1)).rounded()), sorted.count - 1)]
    }

    var text: String {
        func f(_ x: Double) -> String { String(format: "%.4f", x) }
        var weightLines = ""
        if let weights, let first = weights.first, let last = weights.last {
            func line(_ point: FusionWeightTrace.Point) -> String {
                let parts = point.signals.map { "\($0.signal) \(String(format: "%.2f", $0.weight))" }
                return "after \(point.decisions) decisions (\(point.includes) includes): "
                    + parts.joined(separator: ", ") + (point.served.map { "; served \($0)" } ?? "")
            }
            weightLines = "\nweights     \(line(first))\n            \(line(last)); \(weights.count) points in --json"
        }
        return """
            dataset     \(dataset)  (N = \(records), includes = \(includes))
            ranker      \(ranker)  seed \(seed)  priors \(priors.isEmpty ? "none" : priors.joined(separator: " "))
            WSS@95      \(f(wss95))
            WSS@100     \(f(wss100))
            RRF@10      \(f(rrf10))
            last incl.  \(lastIncludeRank)
            ATD         \(f(atd))
            AP          \(f(ap))
            retrain     median \(String(format: "%.2f", retrainMedianMilliseconds)) ms, p95 \(String(format: "%.2f", retrainP95Milliseconds)) ms; wall \(String(format: "%.2f", wallSeconds)) s
            """ + weightLines
    }
}

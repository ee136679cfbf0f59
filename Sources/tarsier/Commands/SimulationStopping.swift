import ArgumentParser
import Foundation
import Stopping

/// The stopping rules `simulate --stop-rule` replays over a finished screening order.
enum SimulationStopping {
    /// Rule ids accepted by `--stop-rule` (`all` selects every rule).
    static let ruleIDs = ["hypergeometric", "knee", "consecutive_excludes"]

    /// The rules named by `ids` with their default parameters (target recall 0.95, confidence 0.95,
    /// slope ratio 6 after 150 records, 50 consecutive excludes).
    static func rules(_ ids: [String]) throws -> [any StoppingRule] {
        let wanted = ids.contains("all") ? ruleIDs : ids
        return try wanted.map { id in
            switch id {
            case "hypergeometric": try HypergeometricStoppingRule()
            case "knee": try KneeStoppingRule()
            case "consecutive_excludes": try ConsecutiveExcludesRule()
            default:
                throw ValidationError(
                    "unknown stopping rule '\(id)'; choose from \(ruleIDs.joined(separator: ", ")) or all")
            }
        }
    }

    /// Where each rule first said stop on the simulated order, with recall and work saved there.
    static func replay(labels: [Bool], pickedAtRandom: [Bool], ruleIDs: [String]) throws -> [StoppingOutcome] {
        let history = try ScreeningHistory(poolSize: labels.count, relevant: labels, pickedAtRandom: pickedAtRandom)
        return try StoppingReplay.replay(history, rules: try rules(ruleIDs))
    }

    /// One line per rule for the text report.
    static func text(_ outcomes: [StoppingOutcome]) -> String {
        outcomes.map { outcome in
            let name = outcome.ruleID.padding(toLength: 21, withPad: " ", startingAt: 0)
            guard let stop = outcome.stoppedAt else { return "stop        \(name) never said stop" }
            let short = outcome.targetRecall.map { outcome.recall < $0 ? "  BELOW TARGET" : "" } ?? ""
            return
                "stop        \(name) at \(stop) of \(outcome.poolSize): recall \(String(format: "%.3f", outcome.recall)), "
                + "work saved \(String(format: "%.3f", outcome.workSaved))\(short)"
        }.joined(separator: "\n")
    }
}

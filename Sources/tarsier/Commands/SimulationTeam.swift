import ArgumentParser
import Evaluation
import Foundation
import Ranking

extension AssessorTeam.Mode: ExpressibleByArgument {}

/// `simulate --mode single|dual --assessor-error P`: the same ranker screened by simulated
/// assessors who mislabel records with probability P, once as single screening and once as dual
/// screening (two votes per record, conflicts resolved by a lead), each stopped by the
/// hypergeometric rule on the labels the team recorded.
enum SimulationTeam {
    static func compare(
        errorRate: Double, seed: UInt64, labels: [Bool], priors: [Int], makeCycle: () throws -> ActiveLearningCycle
    ) throws -> [TeamSimulationOutcome] {
        try AssessorTeam.Mode.allCases.map { mode in
            let team = AssessorTeam(mode: mode, errorRate: errorRate, seed: seed)
            var cycle = try makeCycle()
            let result = try Simulation(labels: labels, priors: priors, team: team).run(&cycle)
            let recorded = result.teamOutcomes.map(\.final)
            let stop = try SimulationStopping.replay(
                labels: recorded, pickedAtRandom: result.pickedAt.map { $0 == .random }, ruleIDs: ["hypergeometric"])
            return TeamSimulationOutcome(
                team: team, truth: result.labels(from: labels), outcomes: result.teamOutcomes,
                stoppedAt: stop.first?.stoppedAt)
        }
    }

    /// One line per mode for the text report.
    static func text(_ outcomes: [TeamSimulationOutcome]) -> String {
        outcomes.map { o in
            "team        \(o.mode.padding(toLength: 6, withPad: " ", startingAt: 0)) error \(String(format: "%.2f", o.errorRate)): "
                + "\(o.votes) votes, \(o.conflicts) conflicts; "
                + (o.stoppedAt.map { "stop at \($0): " } ?? "never stops: ")
                + "workload \(o.workloadAtStop), recall \(String(format: "%.3f", o.recallAtStop)) "
                + "(\(String(format: "%.3f", o.recallAtEnd)) if screened to the end)"
        }.joined(separator: "\n")
    }
}

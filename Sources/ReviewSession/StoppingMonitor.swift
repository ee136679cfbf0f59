import Foundation
import ReviewModel
import ReviewStore
import Stopping

/// The review's stopping rules over a screening history: each rule's state now, and the first
/// time each said stop, recorded in the review (setting `stoppingFirings`) for the audit trail.
/// `tarsier status`, the exports and the screen's status line all go through it.
public struct StoppingMonitor {
    /// Per-review stopping settings (setting key `stopping`): the pre-registered rule and its targets.
    public struct Settings: Codable, Equatable, Sendable {
        var rule = "hypergeometric"
        var targetRecall = 0.95
        var confidence = 0.95
        var consecutiveExcludes = 50
    }

    public let database: ReviewDatabase
    public let settings: Settings

    public init(database: ReviewDatabase) throws {
        self.database = database
        settings = try database.value(.stoppingRule(Settings.self)) ?? Settings()
    }

    /// A screening history from labels in decision order, with the random-pick flags.
    public static func history(
        poolSize: Int, decided: [(recordID: Int64, label: Label)], randomlyPicked: Set<Int64>
    ) throws -> ScreeningHistory {
        try ScreeningHistory(
            poolSize: poolSize, labels: decided.map(\.label),
            pickedAtRandom: decided.map { randomlyPicked.contains($0.recordID) })
    }

    /// The three rules side by side, the pre-registered one first.
    public func rules() throws -> [any StoppingRule] {
        let all: [any StoppingRule] = [
            try HypergeometricStoppingRule(targetRecall: settings.targetRecall, confidence: settings.confidence),
            try KneeStoppingRule(),
            try ConsecutiveExcludesRule(runLength: .count(settings.consecutiveExcludes)),
        ]
        return all.sorted { ($0.id == settings.rule ? 0 : 1) < ($1.id == settings.rule ? 0 : 1) }
    }

    /// Where each rule first said stop, by records screened (for curves and the audit log).
    public func firings(_ history: ScreeningHistory, rules: [any StoppingRule]) throws -> [StoppingOutcome] {
        guard history.screened > 0 else { return [] }
        // R is unknown in a live review; the replay only needs it for recall, which is not reported here.
        return try StoppingReplay.replay(history, totalRelevant: history.relevantFound, rules: rules, stride: 10)
    }

    /// Every rule's state for `history`, recording in the review the first time each rule said stop.
    ///
    /// - Parameter replay: true replays the whole screening to find where each rule first said
    ///   stop (for `tarsier status`, run now and then); false only asks each rule about the
    ///   current history, which is enough for the screen, which asks after every decision (a
    ///   replay there costs O(decisions²)).
    public func status(of history: ScreeningHistory, replay: Bool) throws -> [StoppingStatus] {
        let rules = try rules()
        let evaluations = rules.map { $0.evaluate(history) }
        let stops: [(rule: String, at: Int)] =
            replay
            ? try firings(history, rules: rules).compactMap { outcome in outcome.stoppedAt.map { (outcome.ruleID, $0) }
            }
            : zip(rules, evaluations).compactMap { rule, evaluation in
                evaluation.state == .stop ? (rule.id, history.screened) : nil
            }
        let alreadyRecorded = try database.value(.stoppingFirings([RecordedFiring].self)) ?? []
        var recorded = alreadyRecorded
        for stop in stops where !recorded.contains(where: { $0.rule == stop.rule }) {
            recorded.append(RecordedFiring(rule: stop.rule, screened: stop.at, recordedAt: Date()))
        }
        // A review opened read-only (status on a read-only file) reports without recording.
        if !database.isReadOnly, recorded != alreadyRecorded {
            try database.setValue(.stoppingFirings([RecordedFiring].self), recorded)
        }
        return zip(rules, evaluations).map { rule, evaluation in
            StoppingStatus(
                rule: rule.id, label: rule.label, preregistered: rule.id == settings.rule,
                state: evaluation.state, summary: evaluation.summary,
                firstStopAt: recorded.first { $0.rule == rule.id }?.screened)
        }
    }
}

/// A stopping rule's live state, as `tarsier status` shows it.
public struct StoppingStatus: Codable, Equatable, Sendable {
    public var rule: String
    public var label: String
    public var preregistered: Bool
    public var state: StoppingState
    public var summary: String
    /// Records screened when the rule first said stop, if it has.
    public var firstStopAt: Int?
}

/// When a rule first said stop, kept in the review's audit settings (`stoppingFirings`).
public struct RecordedFiring: Codable, Equatable, Sendable {
    public var rule: String
    public var screened: Int
    public var recordedAt: Date
}

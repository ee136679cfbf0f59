import Foundation
import ReviewModel
import ReviewStore
import Reports
import Stopping

/// Builds the lead's figures for a live review from its database: the screening history, the
/// stopping rules' states and firing points, and the PRISMA counts.
struct LeadReports {
    /// Per-review stopping settings (setting key `stopping`): the pre-registered rule and its targets.
    struct StoppingSettings: Codable, Equatable {
        var rule = "hypergeometric"
        var targetRecall = 0.95
        var confidence = 0.95
        var consecutiveExcludes = 50
    }

    let database: ReviewDatabase
    let settings: StoppingSettings

    init(database: ReviewDatabase) throws {
        self.database = database
        settings = try database.setting("stopping", as: StoppingSettings.self) ?? StoppingSettings()
    }

    /// The review's counts (read when asked: they count every record).
    func status() throws -> ReviewStatus { try database.status() }

    /// Decisions in the order they were made (current labels only), with the random-pick flags.
    func history() throws -> ScreeningHistory {
        let ordered = try database.labelsInDecisionOrder()
        return try Self.history(
            poolSize: try status().screenable, decided: ordered, randomlyPicked: try database.randomlyPickedRecords())
    }

    /// A screening history from labels in decision order (a live session keeps them in memory).
    static func history(
        poolSize: Int, decided: [(recordID: Int64, label: Label)], randomlyPicked: Set<Int64>
    ) throws -> ScreeningHistory {
        try ScreeningHistory(
            poolSize: poolSize, labels: decided.map(\.label), pickedAtRandom: decided.map { randomlyPicked.contains($0.recordID) })
    }

    /// The three rules side by side, the pre-registered one first.
    func rules() throws -> [any StoppingRule] {
        let all: [any StoppingRule] = [
            try HypergeometricStoppingRule(targetRecall: settings.targetRecall, confidence: settings.confidence),
            try KneeStoppingRule(),
            try ConsecutiveExcludesRule(runLength: .count(settings.consecutiveExcludes)),
        ]
        return all.sorted { ($0.id == settings.rule ? 0 : 1) < ($1.id == settings.rule ? 0 : 1) }
    }

    /// Where each rule first said stop, by records screened (for curves and the audit log).
    func firings(_ history: ScreeningHistory, rules: [any StoppingRule]) throws -> [StoppingOutcome] {
        guard history.screened > 0 else { return [] }
        // R is unknown in a live review; the replay only needs it for recall, which is not reported here.
        return try StoppingReplay.replay(history, totalRelevant: history.relevantFound, rules: rules, stride: 10)
    }

    /// PRISMA 2020 counts for the title/abstract stage.
    func prisma() throws -> PrismaCounts {
        let status = try status()
        var reasons: [String: Int] = [:]
        let latest = Dictionary(try database.decisionLog().map { ($0.recordID, $0) }, uniquingKeysWith: { _, last in last })
        for event in latest.values where event.label == .exclude {
            if let reason = event.reason, !reason.isEmpty { reasons[reason, default: 0] += 1 }
        }
        return PrismaCounts(
            sources: status.imports.map { .init(name: "\($0.file) (\($0.format))", count: $0.records) },
            duplicatesRemoved: status.duplicates, screened: status.screened, excluded: status.excluded,
            exclusionReasons: reasons.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { .init(reason: $0.key, count: $0.value) },
            included: status.included, maybe: status.maybe, notYetScreened: status.undecided)
    }

    /// The live recall curve with the hypergeometric band and the rules' firing points.
    func curve() throws -> RecallCurve {
        let history = try history()
        let rules = try rules()
        let fired = try firings(history, rules: rules).compactMap { outcome in
            outcome.stoppedAt.map { RuleFiring(ruleLabel: outcome.ruleLabel, screened: $0) }
        }
        let band = rules.compactMap { $0 as? HypergeometricStoppingRule }.first
        return RecallCurve(title: "\(try status().title): includes found", history: history, firings: fired, band: band)
    }
}

/// A stopping rule's live state, as `tarsier status` shows it.
struct StoppingStatus: Codable, Equatable {
    var rule: String
    var label: String
    var preregistered: Bool
    var state: String
    var summary: String
    /// Records screened when the rule first said stop, if it has.
    var firstStopAt: Int?
}

/// When a rule first said stop, kept in the review's audit settings (`stoppingFirings`).
struct RecordedFiring: Codable, Equatable {
    var rule: String
    var screened: Int
    var recordedAt: Date
}

extension LeadReports {
    /// Every rule's state now, recording in the review the first time each rule said stop.
    ///
    /// - Parameter replay: true replays the whole screening to find where each rule first said
    ///   stop (for `tarsier status`, run now and then); false only asks each rule about the
    ///   current history, which is enough for the screen, which asks after every decision (a
    ///   replay there costs O(decisions²)).
    func stoppingStatus(replay: Bool = true) throws -> [StoppingStatus] {
        try stoppingStatus(history: try history(), replay: replay)
    }

    /// The same for a given history (the screen passes the one it keeps in memory).
    func stoppingStatus(history: ScreeningHistory, replay: Bool) throws -> [StoppingStatus] {
        let rules = try rules()
        let evaluations = rules.map { $0.evaluate(history) }
        let stops: [(rule: String, at: Int)] = replay
            ? try firings(history, rules: rules).compactMap { outcome in outcome.stoppedAt.map { (outcome.ruleID, $0) } }
            : zip(rules, evaluations).compactMap { rule, evaluation in
                evaluation.state == .stop ? (rule.id, history.screened) : nil
            }
        var recorded = try database.setting("stoppingFirings", as: [RecordedFiring].self) ?? []
        for stop in stops where !recorded.contains(where: { $0.rule == stop.rule }) {
            recorded.append(RecordedFiring(rule: stop.rule, screened: stop.at, recordedAt: Date()))
        }
        // A review opened read-only (status on a read-only file) reports without recording.
        if !database.isReadOnly, recorded != (try database.setting("stoppingFirings", as: [RecordedFiring].self) ?? []) {
            try database.setSetting("stoppingFirings", recorded)
        }
        return zip(rules, evaluations).map { rule, evaluation in
            StoppingStatus(
                rule: rule.id, label: rule.label, preregistered: rule.id == settings.rule,
                state: evaluation.state.rawValue, summary: evaluation.summary,
                firstStopAt: recorded.first { $0.rule == rule.id }?.screened)
        }
    }
}

import Foundation
import ReviewModel
import ReviewStore
import Reports
import Stopping

/// Builds the lead's figures for a live review from its database: the screening history, the
/// stopping rules' states and firing points (through `StoppingMonitor`), and the PRISMA counts.
public struct LeadReports {
    public let database: ReviewDatabase
    /// The review's counts, read once (they count every record).
    public let status: ReviewStatus
    public let stopping: StoppingMonitor

    public init(database: ReviewDatabase) throws {
        self.database = database
        status = try database.status()
        stopping = try StoppingMonitor(database: database)
    }

    /// Decisions in the order they were made (current labels only), with the random-pick flags.
    public func history() throws -> ScreeningHistory {
        try StoppingMonitor.history(
            poolSize: status.screenable, decided: try database.labelsInDecisionOrder(),
            randomlyPicked: try database.randomlyPickedRecords())
    }

    /// Every rule's state now, after a replay that finds (and records) where each first said stop.
    public func stoppingStatus() throws -> [StoppingStatus] {
        try stopping.status(of: try history(), replay: true)
    }

    /// PRISMA 2020 counts for the title/abstract stage.
    public func prisma() throws -> PrismaCounts {
        var reasons: [String: Int] = [:]
        let latest = Dictionary(
            try database.decisionLog().map { ($0.recordID, $0) }, uniquingKeysWith: { _, last in last })
        for event in latest.values where event.label == .exclude {
            if let reason = event.reason, !reason.isEmpty { reasons[reason, default: 0] += 1 }
        }
        var counts = PrismaCounts(
            sources: status.imports.map { .init(name: "\($0.file) (\($0.format))", count: $0.records) },
            duplicatesRemoved: status.duplicates, screened: status.screened, excluded: status.excluded,
            exclusionReasons: reasons.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
                .init(reason: $0.key, count: $0.value)
            },
            included: status.included, maybe: status.maybe, notYetScreened: status.undecided)
        let team = try database.teamSummary()
        if team.rules.settings.mode != .single {
            counts.dualScreening = .init(screenedByTwo: team.screenedByTwo, conflictsResolved: team.conflictsResolved)
        }
        return counts
    }

    /// The live recall curve with the hypergeometric band and the rules' firing points.
    public func curve() throws -> RecallCurve {
        let history = try history()
        let rules = try stopping.rules()
        let fired = try stopping.firings(history, rules: rules).compactMap { outcome in
            outcome.stoppedAt.map { RuleFiring(ruleLabel: outcome.ruleLabel, screened: $0) }
        }
        let band = rules.compactMap { $0 as? HypergeometricStoppingRule }.first
        return RecallCurve(title: "\(status.title): includes found", history: history, firings: fired, band: band)
    }
}

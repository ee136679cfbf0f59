import Foundation

/// PRISMA 2020 flow counts for the title/abstract stage (Page et al. 2021, BMJ 372:n71, flow
/// diagram for new systematic reviews: the Identification box and the first Screening row).
public struct PrismaCounts: Sendable, Codable, Hashable {
    /// Records identified from one database, register or file.
    public struct Source: Sendable, Codable, Hashable {
        /// Display name (source, series, band or marker).
        public var name: String
        /// Number of records.
        public var count: Int
        /// A source.
        public init(name: String, count: Int) {
            self.name = name
            self.count = count
        }
    }

    /// Excluded records sharing one reason.
    public struct Reason: Sendable, Codable, Hashable {
        /// The exclusion reason as recorded.
        public var reason: String
        /// Number of records.
        public var count: Int
        /// A reason.
        public init(reason: String, count: Int) {
            self.reason = reason
            self.count = count
        }
    }

    /// Records identified per source, in import order.
    public var sources: [Source]
    /// Records removed as duplicates before screening.
    public var duplicatesRemoved: Int
    /// Records with a title/abstract decision.
    public var screened: Int
    /// Records excluded at title/abstract.
    public var excluded: Int
    /// Exclusions by reason, in display order; excluded records with no reason make up the rest.
    public var exclusionReasons: [Reason]
    /// Records included for full-text assessment.
    public var included: Int
    /// Records marked "maybe" (awaiting a decision or a second opinion).
    public var maybe: Int
    /// Records left to screen.
    public var notYetScreened: Int
    /// Dual or verified screening: records decided by two reviewers independently, and the
    /// conflicts between them a third person resolved (nil in single screening).
    public var dualScreening: DualScreening?

    /// The independent-reviewer counts PRISMA asks for when two reviewers screened.
    public struct DualScreening: Sendable, Codable, Hashable {
        public var screenedByTwo: Int
        public var conflictsResolved: Int
        public init(screenedByTwo: Int, conflictsResolved: Int) {
            self.screenedByTwo = screenedByTwo
            self.conflictsResolved = conflictsResolved
        }
    }

    /// Counts for one review.
    public init(
        sources: [Source], duplicatesRemoved: Int, screened: Int, excluded: Int, exclusionReasons: [Reason] = [],
        included: Int, maybe: Int, notYetScreened: Int
    ) {
        self.sources = sources
        self.duplicatesRemoved = duplicatesRemoved
        self.screened = screened
        self.excluded = excluded
        self.exclusionReasons = exclusionReasons
        self.included = included
        self.maybe = maybe
        self.notYetScreened = notYetScreened
    }

    /// Records identified over all sources.
    public var identified: Int { sources.reduce(0) { $0 + $1.count } }

    /// Excluded records without a recorded reason.
    public var excludedWithoutReason: Int { excluded - exclusionReasons.reduce(0) { $0 + $1.count } }

    /// Throws `ReportsError.inconsistentCounts` when the boxes do not add up.
    public func check() throws {
        var problems: [String] = []
        let all =
            [duplicatesRemoved, screened, excluded, included, maybe, notYetScreened]
            + sources.map(\.count) + exclusionReasons.map(\.count)
        if all.contains(where: { $0 < 0 }) { problems.append("a count is negative") }
        if identified - duplicatesRemoved != screened + notYetScreened {
            problems.append(
                "identified \(identified) − duplicates \(duplicatesRemoved) ≠ screened \(screened) + not yet screened \(notYetScreened)"
            )
        }
        if screened != excluded + included + maybe {
            problems.append("screened \(screened) ≠ excluded \(excluded) + included \(included) + maybe \(maybe)")
        }
        if excludedWithoutReason < 0 {
            problems.append("reasons add up to more than the \(excluded) excluded")
        }
        if !problems.isEmpty { throw ReportsError.inconsistentCounts(problems.joined(separator: "; ")) }
    }

    /// The counts as indented plain text.
    public func text() -> String {
        var lines = ["PRISMA 2020 flow: title/abstract screening", "", "Identification"]
        lines.append("  Records identified: \(identified)")
        for source in sources { lines.append("    \(source.name): \(source.count)") }
        lines.append("  Duplicate records removed before screening: \(duplicatesRemoved)")
        lines += ["", "Screening"]
        lines.append("  Records screened: \(screened)")
        if let dual = dualScreening {
            lines.append("    screened independently by two reviewers: \(dual.screenedByTwo)")
            lines.append("    conflicts resolved by a third reviewer: \(dual.conflictsResolved)")
        }
        lines.append("  Records excluded: \(excluded)")
        for reason in exclusionReasons { lines.append("    \(reason.reason): \(reason.count)") }
        if excludedWithoutReason > 0, !exclusionReasons.isEmpty {
            lines.append("    No reason recorded: \(excludedWithoutReason)")
        }
        lines.append("  Records included for full-text assessment: \(included)")
        lines.append("  Records marked maybe (awaiting a decision): \(maybe)")
        lines.append("  Records not yet screened: \(notYetScreened)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The counts as CSV: `stage,item,detail,count`, one row per box line.
    public func csv() -> String {
        var text = TextEscaping.csvLine(["stage", "item", "detail", "count"])
        func row(_ stage: String, _ item: String, _ detail: String, _ count: Int) {
            text += TextEscaping.csvLine([stage, item, detail, String(count)])
        }
        row("identification", "records_identified", "", identified)
        for source in sources { row("identification", "records_identified", source.name, source.count) }
        row("identification", "duplicates_removed", "", duplicatesRemoved)
        row("screening", "records_screened", "", screened)
        if let dual = dualScreening {
            row("screening", "records_screened", "by two reviewers independently", dual.screenedByTwo)
            row("screening", "conflicts_resolved", "by a third reviewer", dual.conflictsResolved)
        }
        row("screening", "records_excluded", "", excluded)
        for reason in exclusionReasons { row("screening", "records_excluded", reason.reason, reason.count) }
        if excludedWithoutReason > 0, !exclusionReasons.isEmpty {
            row("screening", "records_excluded", "no reason recorded", excludedWithoutReason)
        }
        row("screening", "records_included", "", included)
        row("screening", "records_maybe", "", maybe)
        row("screening", "records_not_yet_screened", "", notYetScreened)
        return text
    }
}

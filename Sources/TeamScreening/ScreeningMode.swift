/// How many assessors decide each record (a per-review setting, changeable before screening starts).
public enum ScreeningMode: String, Sendable, Codable, CaseIterable {
    /// One decision per record: the latest decision counts (tarsier's original behaviour).
    case single
    /// Two independent decisions from two different assessors per record; disagreements go to a
    /// third person (the lead) for resolution.
    case dual
    /// One decision per record, plus a random sample that a second assessor screens blind
    /// (Cochrane's accepted alternative to full dual screening).
    case verified
}

/// What a `maybe` vote means when two votes are compared.
public enum MaybePolicy: String, Sendable, Codable, CaseIterable {
    /// `maybe` counts as include: include + maybe agree, exclude + maybe conflict.
    case countsAsInclude = "include"
    /// Any vote of `maybe` sends the record to resolution.
    case resolve
}

/// The team settings of a review.
public struct TeamSettings: Sendable, Codable, Equatable {
    public var mode: ScreeningMode
    /// Assessors never see another's label, reason or note on a record until it is resolved.
    public var blind: Bool
    public var maybe: MaybePolicy
    /// Verified single screening: the share of records (0–1) a second assessor screens.
    public var verificationFraction: Double
    /// The first N records everyone screens, to measure agreement before the pool is split.
    public var calibrationSize: Int
    /// Who may resolve conflicts (`tarsier team --leads`); nil or empty: anyone who says so.
    public var leads: [String]?

    /// Why `name` may not resolve conflicts in this review, or nil when they may.
    public func leadRefusal(_ name: String) -> String? {
        if mode == .single {
            return "the review is screened in single mode, so there are no conflicts to resolve "
                + "(`tarsier team REVIEW --mode dual` before screening starts)"
        }
        if let leads, !leads.isEmpty, !leads.contains(name) {
            return "\(name) is not a lead of this review (leads: \(leads.joined(separator: ", "))); "
                + "add one with `tarsier team REVIEW --leads NAME,…`"
        }
        return nil
    }

    public init(
        mode: ScreeningMode = .single, blind: Bool? = nil, maybe: MaybePolicy = .countsAsInclude,
        verificationFraction: Double = 0.2, calibrationSize: Int = 50
    ) {
        self.mode = mode
        self.blind = blind ?? (mode != .single)
        self.maybe = maybe
        self.verificationFraction = verificationFraction
        self.calibrationSize = calibrationSize
    }

    /// Single screening, not blind: what a review without team settings has always done.
    public static let single = TeamSettings()
}

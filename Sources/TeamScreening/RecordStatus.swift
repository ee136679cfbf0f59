import ReviewModel

/// Where one record stands under the review's team rules.
public enum RecordStatus: Sendable, Equatable {
    /// No vote yet.
    case undecided
    /// Dual (or a verification-sample record): one vote, a second is needed.
    case awaitingSecondVote(Vote)
    /// Enough votes and they agree (single: the latest vote).
    case decided(Label)
    /// The votes disagree and no lead has resolved it yet.
    case conflict([Vote])
    /// A lead's final decision.
    case resolved(Resolution)

    /// The final label: what stopping rules, the recall curve and PRISMA count.
    public var finalLabel: Label? {
        switch self {
        case .decided(let label): label
        case .resolved(let resolution): resolution.label
        case .undecided, .awaitingSecondVote, .conflict: nil
        }
    }

    public var isConflict: Bool { if case .conflict = self { true } else { false } }
}

/// The team rules applied to a vote book.
public struct TeamRules: Sendable {
    public let settings: TeamSettings
    /// Seed of the verification sample (the review's random seed).
    public let seed: UInt64

    public init(settings: TeamSettings, seed: UInt64 = 1) {
        self.settings = settings
        self.seed = seed
    }

    /// Whether a record is in the verified-single mode's blind second-screening sample: a fixed
    /// pseudo-random choice per record id and seed, so every assessor's process agrees on it.
    public func isInVerificationSample(_ recordID: Int64) -> Bool {
        guard settings.mode == .verified else { return false }
        return StableRandom.unit(seed: seed, UInt64(bitPattern: recordID)) < settings.verificationFraction
    }

    /// How many independent votes a record needs.
    public func votesNeeded(_ recordID: Int64) -> Int {
        switch settings.mode {
        case .single: 1
        case .dual: 2
        case .verified: isInVerificationSample(recordID) ? 2 : 1
        }
    }

    /// Two labels agree under the maybe policy.
    public func agree(_ a: Label, _ b: Label) -> Bool {
        switch settings.maybe {
        case .resolve: a == b && a != .maybe
        case .countsAsInclude: (a == .exclude) == (b == .exclude)
        }
    }

    /// The status of a record with these votes and resolution.
    public func status(recordID: Int64, votes: [String: Vote], resolution: Resolution?) -> RecordStatus {
        if let resolution { return .resolved(resolution) }
        let ordered = votes.values.sorted { $0.eventID < $1.eventID }
        guard let first = ordered.first else { return .undecided }
        if settings.mode == .single { return .decided(ordered.last!.label) }
        if ordered.count < votesNeeded(recordID) { return .awaitingSecondVote(first) }
        guard ordered.dropFirst().allSatisfy({ agree($0.label, first.label) }) else { return .conflict(ordered) }
        let labels = Set(ordered.map(\.label))
        if labels.count == 1 { return .decided(first.label) }
        // include + maybe under "maybe counts as include".
        return .decided(labels.contains(.include) ? .include : first.label)
    }

    /// What the ranker learns from: the final label once there is one; before that, a record with
    /// any include vote counts as relevant, and one with only exclude votes as an exclude.
    public func learningLabel(_ status: RecordStatus) -> Label? {
        switch status {
        case .undecided: nil
        case .decided(let label): label
        case .resolved(let resolution): resolution.label
        case .awaitingSecondVote(let vote): vote.label
        case .conflict(let votes): votes.contains { $0.label == .include } ? .include : votes.last?.label
        }
    }
}

extension TeamRules {
    /// Why a change of screening mode would make existing decisions ambiguous, or nil when it is
    /// safe: any mode may be chosen before two assessors have voted on the same record; after
    /// that, leaving dual or verified screening is refused once votes disagree or a lead has
    /// resolved a conflict (which vote would count?), and single → dual/verified is refused once
    /// two assessors decided the same record (in single mode the later one overrode the earlier).
    public static func refusal(changingFrom old: ScreeningMode, to new: ScreeningMode, book: VoteBook) -> String? {
        guard old != new else { return nil }
        let shared = book.votes.values.filter { $0.count >= 2 }
        let disagreeing = shared.filter { Set($0.values.map(\.label)).count > 1 }
        switch (old, new) {
        case (.single, _):
            return shared.isEmpty
                ? nil
                : "cannot change from single to \(new.rawValue) screening: \(shared.count) records were decided by "
                    + "more than one assessor, and in single screening the later decision replaced the earlier"
        case (_, _):
            if !book.resolutions.isEmpty {
                return "cannot change from \(old.rawValue) to \(new.rawValue) screening: \(book.resolutions.count) "
                    + "conflicts were resolved under \(old.rawValue) screening"
            }
            return disagreeing.isEmpty
                ? nil
                : "cannot change from \(old.rawValue) to \(new.rawValue) screening: \(disagreeing.count) records "
                    + "have votes that disagree"
        }
    }
}

import ReviewModel

/// Simulated assessors for `simulate --mode single|dual --assessor-error P`: each assessor
/// mislabels a record with probability P, independently; in dual screening two assessors vote on
/// every record and a lead resolves each disagreement correctly, so a lead can see what dual
/// screening costs (votes, conflicts) and saves (includes not lost to one assessor's error).
///
/// Flips are a fixed pseudo-random function of (seed, record, assessor), so a record gets the same
/// votes whichever order the ranker screens it in. Resolution is immediate in the simulation (the
/// ranker learns the final label at once; in the live screen, a conflict with an include vote
/// counts as relevant until a lead resolves it).
public struct AssessorTeam: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable { case single, dual }

    public let mode: Mode
    public let errorRate: Double
    public let seed: UInt64

    public init(mode: Mode, errorRate: Double, seed: UInt64) {
        self.mode = mode
        self.errorRate = errorRate
        self.seed = seed
    }

    /// What screening one record produced.
    public struct Outcome: Sendable, Equatable {
        /// The label the team records (what stopping rules and the ranker see).
        public let final: Bool
        public let votes: Int
        public let conflict: Bool
    }

    /// Screens `record`, whose true label is `truth`.
    public func screen(record: Int, truth: Bool) -> Outcome {
        let first = truth != flips(record: record, assessor: 0)
        switch mode {
        case .single:
            return Outcome(final: first, votes: 1, conflict: false)
        case .dual:
            let second = truth != flips(record: record, assessor: 1)
            return first == second
                ? Outcome(final: first, votes: 2, conflict: false) : Outcome(final: truth, votes: 2, conflict: true)
        }
    }

    /// Whether an assessor mislabels a record (a fixed function of seed, record and assessor).
    func flips(record: Int, assessor: Int) -> Bool {
        StableRandom.unit(seed: seed, UInt64(record), UInt64(assessor)) < errorRate
    }
}

/// A simulated team's screening measured against the truth.
public struct TeamSimulationOutcome: Sendable, Equatable, Codable {
    public let mode: String
    public let errorRate: Double
    /// Votes cast and conflicts over the whole pool.
    public let votes: Int
    public let conflicts: Int
    /// Records screened when the stopping rule first said stop (nil: never).
    public let stoppedAt: Int?
    /// Votes plus resolutions up to the stop (or the whole pool).
    public let workloadAtStop: Int
    /// True includes the team recorded as includes up to the stop, over all true includes.
    public let recallAtStop: Double
    /// The same at the end of the pool: includes lost to assessors' errors alone.
    public let recallAtEnd: Double

    /// Measures one replay: `truth` and `final` in screening order, `outcomes` per screened record.
    public init(team: AssessorTeam, truth: [Bool], outcomes: [AssessorTeam.Outcome], stoppedAt: Int?) {
        let total = max(1, truth.filter { $0 }.count)
        let end = stoppedAt ?? truth.count
        func found(_ prefix: Int) -> Int {
            (0..<min(prefix, truth.count)).filter { truth[$0] && outcomes[$0].final }.count
        }
        mode = team.mode.rawValue
        errorRate = team.errorRate
        votes = outcomes.reduce(0) { $0 + $1.votes }
        conflicts = outcomes.filter(\.conflict).count
        self.stoppedAt = stoppedAt
        workloadAtStop = outcomes.prefix(end).reduce(0) { $0 + $1.votes + ($1.conflict ? 1 : 0) }
        recallAtStop = Double(found(end)) / Double(total)
        recallAtEnd = Double(found(truth.count)) / Double(total)
    }
}

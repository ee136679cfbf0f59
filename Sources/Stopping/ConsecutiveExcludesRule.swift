import Foundation

/// "Stop after N irrelevant records in a row": the simplest heuristic of prioritised screening.
///
/// It claims no recall. The run counts the decisions since the last relevant one (a `maybe`
/// counts as relevant by default, see `ScreeningHistory`). The run length is either a count
/// (default 50) or a fraction of the pool, rounded up, with a floor of one record. With a
/// fraction the run scales with the review, at the cost of more screening in large pools.
public struct ConsecutiveExcludesRule: StoppingRule {
    /// How long the run of excludes must be.
    public enum RunLength: Sendable, Hashable, Codable {
        /// A fixed number of records.
        case count(Int)
        /// A fraction of the pool (0 < f ≤ 1), rounded up.
        case fractionOfPool(Double)

        /// The run needed in a pool of `poolSize` records.
        public func records(poolSize: Int) -> Int {
            switch self {
            case let .count(count): return max(1, count)
            case let .fractionOfPool(fraction): return max(1, Int((fraction * Double(poolSize)).rounded(.up)))
            }
        }
    }

    /// Stable identifier.
    public let id = "consecutive_excludes"
    /// The run to reach.
    public let runLength: RunLength

    /// A rule; default 50 excludes in a row.
    public init(runLength: RunLength = .count(50)) throws {
        switch runLength {
        case let .count(count) where count < 1:
            throw StoppingError.invalidParameter(name: "run length", value: Double(count), allowed: "≥ 1")
        case let .fractionOfPool(fraction) where !(fraction > 0 && fraction <= 1):
            throw StoppingError.invalidParameter(name: "run fraction", value: fraction, allowed: "0 < f ≤ 1")
        default:
            self.runLength = runLength
        }
    }

    /// The rule and its parameters, for display.
    public var label: String {
        switch runLength {
        case let .count(count): return "\(count) consecutive excludes"
        case let .fractionOfPool(fraction):
            return "Consecutive excludes (\(String(format: "%g", fraction * 100))% of the pool)"
        }
    }

    /// Decisions since the last relevant one (all of them when none was relevant).
    public func currentRun(_ history: ScreeningHistory) -> Int {
        guard let last = history.steps.lastIndex(where: \.relevant) else { return history.screened }
        return history.screened - 1 - last
    }

    /// The rule's state after the decisions in `history`.
    public func evaluate(_ history: ScreeningHistory) -> StoppingEvaluation {
        let run = currentRun(history)
        let needed = runLength.records(poolSize: history.poolSize)
        let stop = run >= needed
        return StoppingEvaluation(
            ruleID: id, state: stop ? .stop : .keepGoing,
            summary: "\(run) of \(needed) excludes in a row: \(stop ? "stop" : "keep going")",
            figures: [
                StoppingFigure(name: "run", label: "run", value: Double(run)),
                StoppingFigure(name: "run_needed", label: "needed", value: Double(needed)),
            ])
    }
}

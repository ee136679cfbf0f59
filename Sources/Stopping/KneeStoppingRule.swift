import Foundation

/// The knee method of Cormack & Grossman (2016, "Engineering quality and reliability in
/// technology-assisted review", SIGIR '16, pp. 75–84).
///
/// The gain curve is relevant found, relret(i), against records screened, i. After s decisions
/// with r = relret(s) found, the *knee* is the point of the curve farthest above the chord from
/// (0, 0) to (s, r), measured in coordinates scaled to the unit square (the Kneedle difference
/// curve, Satopää et al. 2011, without smoothing): the first i maximising relret(i)/r − i/s.
/// The slope ratio, with the paper's +1 in the denominator so that a flat tail gives a finite ratio:
///
///     ρ = (relret(knee) / knee) / ((relret(s) − relret(knee) + 1) / (s − knee))
///
/// The rule says stop once s ≥ `minimumScreened` (150) and ρ ≥ the threshold: a fixed 6
/// (the default) or the paper's adaptive 156 − min(relret(s), 150), which demands a sharper knee
/// when few relevant records have been found. A curve with no point above its chord has no knee.
public struct KneeStoppingRule: StoppingRule {
    /// The slope ratio that counts as a knee.
    public enum Threshold: Sendable, Hashable, Codable {
        /// A constant ratio (6 in the brief the rule was written to).
        case fixed(Double)
        /// 156 − min(relret, 150) (Cormack & Grossman 2016).
        case adaptive

        /// The threshold once `relevantFound` relevant records are known.
        public func value(relevantFound: Int) -> Double {
            switch self {
            case let .fixed(ratio): return ratio
            case .adaptive: return Double(156 - min(relevantFound, 150))
            }
        }
    }

    /// Stable identifier.
    public let id = "knee"
    /// The ratio to reach.
    public let threshold: Threshold
    /// Records that must be screened before the rule can fire.
    public let minimumScreened: Int

    /// A knee rule; defaults ρ ≥ 6 after 150 records.
    public init(threshold: Threshold = .fixed(6), minimumScreened: Int = 150) throws {
        if case let .fixed(ratio) = threshold, !(ratio > 0) {
            throw StoppingError.invalidParameter(name: "slope ratio", value: ratio, allowed: "> 0")
        }
        guard minimumScreened >= 0 else {
            throw StoppingError.invalidParameter(
                name: "minimum screened", value: Double(minimumScreened), allowed: "≥ 0")
        }
        self.threshold = threshold
        self.minimumScreened = minimumScreened
    }

    /// The rule and its parameters, for display.
    public var label: String {
        switch threshold {
        case let .fixed(ratio):
            return "Knee method (slope ratio ≥ \(String(format: "%g", ratio)), after \(minimumScreened) records)"
        case .adaptive:
            return "Knee method (slope ratio ≥ 156 − min(relevant, 150), after \(minimumScreened) records)"
        }
    }

    /// The knee (number of records screened at the knee) and the slope ratio, or nil without a knee.
    public func knee(_ history: ScreeningHistory) -> (knee: Int, relevantAtKnee: Int, ratio: Double)? {
        let gain = history.cumulativeRelevant
        let screened = gain.count
        let found = history.relevantFound
        guard screened > 1, found > 0 else { return nil }
        var bestIndex = 0
        var bestDistance = 0.0
        for (offset, relevant) in gain.enumerated() {
            let distance = Double(relevant) / Double(found) - Double(offset + 1) / Double(screened)
            if distance > bestDistance {
                bestDistance = distance
                bestIndex = offset + 1
            }
        }
        guard bestIndex > 0, bestIndex < screened else { return nil }
        let atKnee = gain[bestIndex - 1]
        let before = Double(atKnee) / Double(bestIndex)
        let after = Double(found - atKnee + 1) / Double(screened - bestIndex)
        return (bestIndex, atKnee, before / after)
    }

    /// The rule's state after the decisions in `history`.
    public func evaluate(_ history: ScreeningHistory) -> StoppingEvaluation {
        let needed = threshold.value(relevantFound: history.relevantFound)
        guard let knee = knee(history) else {
            return StoppingEvaluation(
                ruleID: id, state: .keepGoing, summary: "no knee yet: keep going",
                figures: [StoppingFigure(name: "threshold", label: "ρ needed", value: needed)])
        }
        let enough = history.screened >= minimumScreened
        let stop = enough && knee.ratio >= needed
        let ratioText = String(format: "ρ = %.1f", knee.ratio)
        let summary: String
        if stop {
            summary = "\(ratioText) ≥ \(String(format: "%g", needed)) at knee \(knee.knee): stop"
        } else if !enough {
            summary = "\(ratioText); waits for \(minimumScreened) records: keep going"
        } else {
            summary = "\(ratioText) < \(String(format: "%g", needed)): keep going"
        }
        return StoppingEvaluation(
            ruleID: id, state: stop ? .stop : .keepGoing, summary: summary,
            figures: [
                StoppingFigure(name: "slope_ratio", label: "ρ", value: knee.ratio),
                StoppingFigure(name: "threshold", label: "ρ needed", value: needed),
                StoppingFigure(name: "knee", label: "knee", value: Double(knee.knee)),
                StoppingFigure(name: "relevant_at_knee", label: "relevant at knee", value: Double(knee.relevantAtKnee)),
            ])
    }
}

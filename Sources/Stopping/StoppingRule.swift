/// What a stopping rule says about a review right now.
public enum StoppingState: String, Sendable, Codable, Hashable {
    /// Keep screening.
    case keepGoing = "keep_going"
    /// The rule's criterion is met: screening may stop.
    case stop
}

/// A number a rule shows next to its state (a p-value, a slope ratio, a run length).
public struct StoppingFigure: Sendable, Codable, Hashable {
    /// Stable lower_snake key, e.g. `p_value`.
    public var name: String
    /// Short label for display, e.g. "p".
    public var label: String
    /// The value.
    public var value: Double

    /// A figure.
    public init(name: String, label: String, value: Double) {
        self.name = name
        self.label = label
        self.value = value
    }
}

/// One evaluation of a rule over a screening history.
public struct StoppingEvaluation: Sendable, Codable, Hashable {
    /// The rule's `id`.
    public var ruleID: String
    /// Keep going or stop.
    public var state: StoppingState
    /// One line for the status bar, e.g. "p = 0.031 < 0.05: stop".
    public var summary: String
    /// The numbers behind the state, in display order.
    public var figures: [StoppingFigure]

    /// An evaluation.
    public init(ruleID: String, state: StoppingState, summary: String, figures: [StoppingFigure] = []) {
        self.ruleID = ruleID
        self.state = state
        self.summary = summary
        self.figures = figures
    }

    /// The value of the figure named `name`, if the rule reported it.
    public func figure(_ name: String) -> Double? {
        figures.first { $0.name == name }?.value
    }
}

/// A criterion for stopping screening, evaluated after every decision.
///
/// Conformers are pure values: the same history always gives the same evaluation.
public protocol StoppingRule: Sendable {
    /// Stable lower_snake identifier, stored in the audit log and configs.
    var id: String { get }
    /// Human-readable name with its parameters, for display.
    var label: String { get }
    /// The recall the rule claims to reach when it says stop, if it claims one.
    var targetRecall: Double? { get }
    /// The confidence with which it claims `targetRecall`, if it claims one.
    var confidenceLevel: Double? { get }
    /// The rule's state after the decisions in `history`.
    func evaluate(_ history: ScreeningHistory) -> StoppingEvaluation
    /// Whether `evaluate` would say stop, without the display figures (used by replays).
    func saysStop(_ history: ScreeningHistory) -> Bool
}

extension StoppingRule {
    /// Heuristic rules claim no recall.
    public var targetRecall: Double? { nil }
    /// Heuristic rules claim no confidence.
    public var confidenceLevel: Double? { nil }

    /// By default, the state of a full evaluation.
    public func saysStop(_ history: ScreeningHistory) -> Bool { evaluate(history).state == .stop }
}

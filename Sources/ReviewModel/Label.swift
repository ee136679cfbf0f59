/// An assessor's title/abstract decision on one record.
public enum Label: String, Sendable, Codable, CaseIterable, Hashable {
    case include
    case exclude
    case maybe

    /// Whether the label counts as relevant for learning and metrics (only `include`).
    public var isRelevant: Bool { self == .include }
}

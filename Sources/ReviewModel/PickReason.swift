/// How a record came to be screened: the top of the ranking, or a random draw (the mixed query
/// strategy; stopping estimates need to know which).
public enum PickReason: String, Sendable, Codable, Hashable {
    /// The highest-scored unscreened record.
    case rank
    /// A uniformly random unscreened record.
    case random
    /// A record the assessor labelled before any ranking (a prior).
    case prior
}

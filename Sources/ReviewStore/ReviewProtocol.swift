import Foundation
import ReviewModel

/// The review's protocol as stored: what it asks and how the search was run.
public struct ReviewProtocol: Sendable, Codable, Equatable {
    public var title: String
    public var objective: String?
    public var inclusionCriteria: String?
    public var exclusionCriteria: String?
    /// The Boolean search string.
    public var query: String?
    /// Seed for the review's random order and random picks.
    public var randomSeed: Int
    public var createdAt: Date

    /// The protocol as a ranking topic.
    public var topic: Topic { Topic(title: title, objective: objective, query: query) }
}

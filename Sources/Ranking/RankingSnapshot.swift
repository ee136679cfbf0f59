import Foundation

/// The result of one ranking run: the unscreened records in the order to screen them, with the
/// model version and parameters that produced it (stored with every ranking run, and with each
/// decision made from it).
public struct RankingSnapshot: Sendable {
    /// Increases by one with every run of a cycle (1 = first ranking).
    public let version: Int
    /// Id of the ranker that produced the order ("random" when nothing else could rank).
    public let rankerID: String
    /// That ranker's parameters.
    public let parameters: [String: String]
    /// Number of decisions the model was trained on.
    public let trainingSetSize: Int
    /// Number of included records among them.
    public let trainingIncludes: Int
    /// Unscreened record indices, best first (ties broken by a seeded random order).
    public let order: [Int]
    /// Score of every pool record (screened ones included).
    public let scores: [Double]
    /// Time taken to fit and rank, in seconds.
    public let duration: Double
    /// The fused signals' weights and credits, when the ranker is a fusion (`WeightedFusion`).
    public let signalWeights: [SignalWeight]
    /// The single signal served instead of the fusion, if any (follow-the-leader).
    public let servedSignal: String?

    /// A snapshot with the given contents.
    public init(
        version: Int, rankerID: String, parameters: [String: String], trainingSetSize: Int,
        trainingIncludes: Int, order: [Int], scores: [Double], duration: Double, signalWeights: [SignalWeight] = [],
        servedSignal: String? = nil
    ) {
        self.signalWeights = signalWeights
        self.servedSignal = servedSignal
        self.version = version
        self.rankerID = rankerID
        self.parameters = parameters
        self.trainingSetSize = trainingSetSize
        self.trainingIncludes = trainingIncludes
        self.order = order
        self.scores = scores
        self.duration = duration
    }
}

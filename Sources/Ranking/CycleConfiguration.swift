/// Everything that determines a cycle's rankings, stored with every ranking run.
/// Defaults are the `tfidf-lr` preset chosen by evaluation (Documentation/Evaluation.md).
public struct CycleConfiguration: Sendable, Codable, Hashable {
    /// The ranker.
    public var ranker: RankerID
    /// Logistic regression's inverse regularisation C.
    public var inverseRegularization: Double
    /// Include weight; nil = balanced class weights.
    public var includeWeight: Double?
    /// With no `includeWeight`: the includes' total weight over the excludes' (`ClassWeighting.massRatio`);
    /// nil = 1 (balanced).
    public var includeMassRatio: Double?
    /// TF-IDF minimum document frequency.
    public var minimumDocumentFrequency: Int
    /// TF-IDF maximum document fraction.
    public var maximumDocumentFraction: Double
    /// Whether bigrams are features.
    public var includesBigrams: Bool
    /// Whether the English stop words are dropped before terms and bigrams are formed; nil =
    /// `CycleConfiguration.removesStopWordsDefault`.
    public var removesStopWords: Bool?
    /// Copies of the topic added to the training set as pseudo-includes (0 = none).
    public var topicPseudoIncludes: Int
    /// Probability of a random pick (0 = always highest score first).
    public var randomFraction: Double
    /// Seed of every random choice.
    public var seed: UInt64
    /// Newton-CG stopping tolerance of the linear learners (relative gradient norm). Tight enough
    /// that a fit warm-started from the previous decision's and a fit from scratch (a reopened
    /// review) rank alike: with random pseudo-excludes each fit's rows change, and at 1e-3 they
    /// did not (Documentation/Evaluation.md, the live screen against `simulate`).
    public var solverTolerance: Double = 1e-5
    /// Upper bound on Newton steps per refit.
    public var maximumNewtonSteps: Int = 30
    /// Random unscreened records every learner takes as excludes at each fit (`LearnerRanker`);
    /// nil = `pseudoExcludesDefault`.
    public var pseudoExcludes: Int?
    /// The largest fraction of the unscreened records drawn as pseudo-excludes; nil =
    /// `pseudoExcludeFractionDefault`.
    public var pseudoExcludeFraction: Double?
    /// C of `tfidf-svm`; nil = `LinearSVM.defaultInverseRegularization`.
    public var svmInverseRegularization: Double?
    /// C of the embedding logistic regression (`dense-lr`); nil = `denseInverseRegularizationDefault`.
    public var denseInverseRegularization: Double?
    /// Hybrid: how signals are put on one scale; nil = `HybridRanker.defaultNormalisation`.
    public var fusionNormalisation: ScoreNormalisation?
    /// Hybrid: decisions after which a credit observation's influence halves; nil = `HybridRanker.defaultHalfLife`.
    public var fusionHalfLife: Double?
    /// Hybrid: β of w_s ∝ exp(β · credit_s); nil = `HybridRanker.defaultSharpness`.
    public var fusionSharpness: Double?
    /// Hybrid: whether excludes the signals ranked high count against them; nil = true.
    public var fusionPenalisesExcludes: Bool?
    /// Hybrid: ids of the signals to fuse (a subset of bm25, tfidf-lr, dense-topic, dense-lr); nil = all.
    public var fusionSignals: [RankerID]?
    /// Hybrid: the fall-back signal's pseudo-include count (`HybridRanker.anchorStrength`); nil = default.
    public var fusionAnchorStrength: Double?
    /// Hybrid: how β sharpens with the includes credited (`HybridRanker.confidence`); nil = default.
    public var fusionConfidence: Double?
    /// Hybrid with the bandit: the scale of the exploration bonus (`HybridRanker.exploration`); nil = default.
    public var fusionExploration: Double?
    /// Hybrid with the bandit: the depth within which an arm's ranks count as its picks
    /// (`HybridRanker.banditDepth`); nil = 1.
    public var fusionBanditDepth: Int?
    /// Hybrid: how credit becomes weights; nil = Hedge.
    public var fusionWeighting: FusionWeighting?
    /// Hybrid: serve the best single signal when its credit beats the fusion's by this margin
    /// (`HybridRanker.leaderMargin`); nil = always the fusion.
    public var fusionLeaderMargin: Double?

    /// Default of `pseudoExcludes`.
    public static let pseudoExcludesDefault = 100

    /// Default of `pseudoExcludeFraction` (1: only `pseudoExcludes` limits the draw).
    public static let pseudoExcludeFractionDefault = 1.0

    /// Default of `removesStopWords`.
    public static let removesStopWordsDefault = true

    /// Default C of `dense-lr`, chosen by evaluation (Documentation/Evaluation.md).
    public static let denseInverseRegularizationDefault = 1.0

    /// A configuration; defaults as documented per property.
    public init(
        ranker: RankerID = .tfidfLR, inverseRegularization: Double = 1.0, includeWeight: Double? = nil,
        minimumDocumentFrequency: Int = 2, maximumDocumentFraction: Double = 0.95, includesBigrams: Bool = true,
        topicPseudoIncludes: Int = 1, randomFraction: Double = 0, seed: UInt64 = 0
    ) {
        self.ranker = ranker
        self.inverseRegularization = inverseRegularization
        self.includeWeight = includeWeight
        self.minimumDocumentFrequency = minimumDocumentFrequency
        self.maximumDocumentFraction = maximumDocumentFraction
        self.includesBigrams = includesBigrams
        self.topicPseudoIncludes = topicPseudoIncludes
        self.randomFraction = randomFraction
        self.seed = seed
    }

    /// The class weighting this configuration asks for.
    public var classWeighting: ClassWeighting {
        if let includeWeight { return .includeWeight(includeWeight) }
        if let includeMassRatio, includeMassRatio != 1 { return .massRatio(includeMassRatio) }
        return .balanced
    }

    /// The random pseudo-excludes every learner draws at each fit.
    public var pseudoExcludeDraw: PseudoExcludeDraw {
        PseudoExcludeDraw(
            count: pseudoExcludes ?? Self.pseudoExcludesDefault, seed: seed,
            fraction: pseudoExcludeFraction ?? Self.pseudoExcludeFractionDefault)
    }

    /// A logistic regression with this configuration's class weighting and solver settings.
    public func logisticRegression(inverseRegularization: Double) -> LogisticRegression {
        LogisticRegression(
            inverseRegularization: inverseRegularization, classWeighting: classWeighting, tolerance: solverTolerance,
            maximumNewtonSteps: maximumNewtonSteps)
    }

    /// The query strategy this configuration asks for.
    public var querier: any Querier {
        randomFraction > 0 ? MixedQuerier(randomFraction: randomFraction) : MaxQuerier()
    }
}

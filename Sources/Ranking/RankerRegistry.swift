import ReviewModel
import TextAnalysis

/// How each ranker `--ranker` accepts (`RankerID`) is assembled for a pool.
public enum RankerRegistry {
    /// Rankers, in order of preference, for a pool of documents (title + abstract text each).
    /// The topic, when present, gives the BM25 cold start and (for learners) a pseudo-include.
    /// `embeddings` (possibly with rows missing) feed the dense rankers and the hybrid.
    /// With `features` (built before for the same documents and topic), the documents are not read.
    /// - Throws: `RankingError.invalidParameter` for a dense ranker without the embeddings it needs.
    public static func makeRankers(
        configuration: CycleConfiguration, documents: [String], topic: Topic?, embeddings: DenseEmbeddings? = nil,
        features: ClassicalFeatures? = nil
    ) throws -> [any Ranker] {
        if configuration.ranker == .random {
            return [RandomRanker(poolSize: features?.poolSize ?? documents.count, seed: configuration.seed)]
        }
        if configuration.ranker.usesEmbeddings {
            return try makeEmbeddingRankers(
                configuration: configuration, documents: documents, topic: topic, embeddings: embeddings,
                features: features)
        }
        return try makeClassicalRankers(
            configuration: configuration, documents: documents, topic: topic, features: features)
    }

    /// `bm25`, `tfidf-lr`, `tfidf-nb` and `tfidf-svm` (learner first, then BM25 when there is a topic).
    static func makeClassicalRankers(
        configuration: CycleConfiguration, documents: [String], topic: Topic?, features: ClassicalFeatures? = nil
    ) throws -> [any Ranker] {
        var configuration = configuration
        if configuration.ranker == .tfidfLRAllWords { configuration.removesStopWords = false }
        let features =
            try features ?? ClassicalFeatures.build(configuration: configuration, documents: documents, topic: topic)
        let topicRanker = features.bm25.map { StaticRanker(id: "bm25", scores: $0.scores, parameters: $0.parameters) }
        if configuration.ranker == .bm25 { return topicRanker.map { [$0] } ?? [] }
        // One learner over the TF-IDF rows: the topic as pseudo-include, random pseudo-excludes.
        func learnerRanker<Learner: Classifier>(_ id: RankerID, _ learner: Learner) -> any Ranker {
            LearnerRanker(
                id: id.rawValue, features: features.matrix, learner: learner, topicRow: features.topicRow,
                topicWeight: configuration.topicPseudoIncludes, pseudoExcludes: configuration.pseudoExcludeDraw)
        }
        let learner: any Ranker
        switch configuration.ranker {
        case .tfidfNB:
            learner = learnerRanker(.tfidfNB, NaiveBayes(classWeighting: configuration.classWeighting))
        case .tfidfSVM:
            learner = learnerRanker(
                .tfidfSVM,
                LinearSVM(
                    inverseRegularization: configuration.svmInverseRegularization
                        ?? LinearSVM.defaultInverseRegularization,
                    classWeighting: configuration.classWeighting, tolerance: configuration.solverTolerance,
                    maximumNewtonSteps: configuration.maximumNewtonSteps))
        default:
            learner = learnerRanker(
                configuration.ranker == .tfidfLRAllWords ? .tfidfLRAllWords : .tfidfLR,
                configuration.logisticRegression(inverseRegularization: configuration.inverseRegularization))
        }
        return [learner] + (topicRanker.map { [$0] } ?? [])
    }
}

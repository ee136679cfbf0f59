import ReviewModel

extension RankerRegistry {
    /// The hybrid's dense signals over `embeddings`: `dense-topic` (when the topic is embedded)
    /// and `dense-lr`, in the hybrid's order, restricted to `configuration.fusionSignals`. The
    /// live screen lets them join its hybrid as embeddings arrive (`HybridRanker.join`).
    public static func makeDenseSignals(configuration: CycleConfiguration, embeddings: DenseEmbeddings)
        -> [any Ranker]
    {
        let (denseTopic, denseLearner) = denseRankers(configuration: configuration, embeddings: embeddings)
        var signals: [any Ranker] = []
        if let denseTopic { signals.append(denseTopic) }
        if let denseLearner { signals.append(denseLearner) }
        let chosen = configuration.fusionSignals ?? HybridRanker.defaultSignals
        return signals.filter { signal in chosen.contains { $0.rawValue == signal.id } }
    }

    static func denseRankers(configuration: CycleConfiguration, embeddings: DenseEmbeddings?) -> (
        DenseTopicRanker?, DenseLearnerRanker?
    ) {
        let denseTopic = embeddings.flatMap { embeddings in
            embeddings.topic.map { DenseTopicRanker(embeddings: embeddings, topic: $0) }
        }
        let denseLearner = embeddings.map {
            DenseLearnerRanker(
                embeddings: $0,
                model: LogisticRegression(
                    inverseRegularization: configuration.denseInverseRegularization
                        ?? CycleConfiguration.denseInverseRegularizationDefault,
                    classWeighting: configuration.classWeighting, tolerance: configuration.solverTolerance,
                    maximumNewtonSteps: configuration.maximumNewtonSteps),
                topicPseudoIncludes: configuration.topicPseudoIncludes)
        }
        return (denseTopic, denseLearner)
    }

    /// `dense-topic`, `dense-lr` and `hybrid`.
    static func makeEmbeddingRankers(
        configuration: CycleConfiguration, documents: [String], topic: Topic?, embeddings: DenseEmbeddings?,
        features: ClassicalFeatures? = nil
    ) throws -> [any Ranker] {
        let (denseTopic, denseLearner) = denseRankers(configuration: configuration, embeddings: embeddings)
        switch configuration.ranker {
        case .denseTopic:
            guard let denseTopic else {
                throw RankingError.invalidParameter("dense-topic", "needs a topic and record embeddings")
            }
            return [denseTopic]
        case .denseLR:
            guard let denseLearner else { throw RankingError.invalidParameter("dense-lr", "needs record embeddings") }
            return [denseLearner] + (denseTopic.map { [$0] } ?? [])
        default:
            var classical = configuration
            classical.ranker = .tfidfLR
            let features =
                try features ?? ClassicalFeatures.build(configuration: classical, documents: documents, topic: topic)
            // [tfidf-lr, bm25?] from the classical table.
            let parts = try makeClassicalRankers(
                configuration: classical, documents: documents, topic: topic, features: features)
            var signals: [any Ranker] = parts.reversed()
            let chosenSignals = configuration.fusionSignals ?? HybridRanker.defaultSignals
            if chosenSignals.contains(.tfidfSVM) {
                classical.ranker = .tfidfSVM
                let svm = try makeClassicalRankers(
                    configuration: classical, documents: documents, topic: topic, features: features)
                signals.append(svm[0])
            }
            if let denseTopic { signals.append(denseTopic) }
            if let denseLearner { signals.append(denseLearner) }
            signals = signals.filter { signal in chosenSignals.contains { $0.rawValue == signal.id } }
            return [
                HybridRanker(
                    signals: signals,
                    normalisation: configuration.fusionNormalisation ?? HybridRanker.defaultNormalisation,
                    halfLife: configuration.fusionHalfLife ?? HybridRanker.defaultHalfLife,
                    sharpness: configuration.fusionSharpness ?? HybridRanker.defaultSharpness,
                    penalisesExcludes: configuration.fusionPenalisesExcludes ?? true, anchor: .tfidfLR,
                    anchorStrength: configuration.fusionAnchorStrength ?? HybridRanker.defaultAnchorStrength,
                    confidence: configuration.fusionConfidence ?? HybridRanker.defaultConfidence,
                    leaderMargin: configuration.fusionLeaderMargin)
            ]
        }
    }
}

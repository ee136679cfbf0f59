import ReviewModel

extension RankerRegistry {
    /// `dense-topic`, `dense-lr` and `hybrid`.
    static func makeEmbeddingRankers(
        configuration: CycleConfiguration, documents: [String], topic: Topic?, embeddings: DenseEmbeddings?
    ) throws -> [any Ranker] {
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
            // [tfidf-lr, bm25?] from the classical table.
            let parts = try makeClassicalRankers(configuration: classical, documents: documents, topic: topic)
            var signals: [any Ranker] = parts.reversed()
            if let denseTopic { signals.append(denseTopic) }
            if let denseLearner { signals.append(denseLearner) }
            if let chosen = configuration.fusionSignals {
                signals = signals.filter { signal in chosen.contains { $0.rawValue == signal.id } }
            }
            return [
                HybridRanker(
                    signals: signals,
                    normalisation: configuration.fusionNormalisation ?? HybridRanker.defaultNormalisation,
                    halfLife: configuration.fusionHalfLife ?? HybridRanker.defaultHalfLife,
                    sharpness: configuration.fusionSharpness ?? HybridRanker.defaultSharpness,
                    penalisesExcludes: configuration.fusionPenalisesExcludes ?? true)
            ]
        }
    }
}

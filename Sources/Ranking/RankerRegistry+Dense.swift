import ReviewModel
import TextAnalysis

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
                model: configuration.logisticRegression(
                    inverseRegularization: configuration.denseInverseRegularization
                        ?? CycleConfiguration.denseInverseRegularizationDefault),
                topicPseudoIncludes: configuration.topicPseudoIncludes, pseudoExcludes: configuration.pseudoExcludeDraw)
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
        case .concatLR:
            guard let embeddings else { throw RankingError.invalidParameter("concat-lr", "needs record embeddings") }
            var classical = configuration
            classical.ranker = .tfidfLR
            let features =
                try features ?? ClassicalFeatures.build(configuration: classical, documents: documents, topic: topic)
            return [concatenatedLearner(configuration: configuration, features: features, embeddings: embeddings)]
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
            // Other learners over the same TF-IDF rows, when named.
            for learner in [RankerID.tfidfNB, .tfidfSVM] where chosenSignals.contains(learner) {
                classical.ranker = learner
                let parts = try makeClassicalRankers(
                    configuration: classical, documents: documents, topic: topic, features: features)
                signals.append(parts[0])
            }
            if chosenSignals.contains(.concatLR), let embeddings {
                signals.append(
                    concatenatedLearner(configuration: configuration, features: features, embeddings: embeddings))
            }
            if chosenSignals.contains(.tfidfLRAllWords) {
                // A second view of the text: every word kept (other terms, other bigrams).
                classical.ranker = .tfidfLRAllWords
                let allWords = try makeClassicalRankers(
                    configuration: classical, documents: documents, topic: topic)
                signals.append(allWords[0])
            }
            if let denseTopic { signals.append(denseTopic) }
            if let denseLearner { signals.append(denseLearner) }
            signals = signals.filter { signal in chosenSignals.contains { $0.rawValue == signal.id } }
            var hybrid = HybridRanker(
                signals: signals,
                normalisation: configuration.fusionNormalisation ?? HybridRanker.defaultNormalisation,
                halfLife: configuration.fusionHalfLife ?? HybridRanker.defaultHalfLife,
                sharpness: configuration.fusionSharpness ?? HybridRanker.defaultSharpness,
                penalisesExcludes: configuration.fusionPenalisesExcludes ?? true, anchor: .tfidfLR,
                anchorStrength: configuration.fusionAnchorStrength ?? HybridRanker.defaultAnchorStrength,
                confidence: configuration.fusionConfidence ?? HybridRanker.defaultConfidence,
                leaderMargin: configuration.fusionLeaderMargin, weighting: configuration.fusionWeighting ?? .hedge,
                exploration: configuration.fusionExploration ?? HybridRanker.defaultExploration)
            hybrid.banditDepth = configuration.fusionBanditDepth ?? 1
            return [hybrid]
        }
    }

    /// `concat-lr`: logistic regression on each record's TF-IDF row and its embedding side by side
    /// (both unit length, so each view weighs the same; a record without an embedding has only
    /// its TF-IDF part), the topic likewise as a pseudo-include.
    static func concatenatedLearner(
        configuration: CycleConfiguration, features: ClassicalFeatures, embeddings: DenseEmbeddings
    ) -> any Ranker {
        let offset = features.matrix.columnCount
        var matrix = SparseMatrix(columnCount: offset + embeddings.dimension)
        for record in 0..<features.matrix.rowCount {
            let dense = record < embeddings.rows.count ? embeddings.rows[record] : nil
            matrix.appendRow(
                features.matrix.row(record).map { ($0.column, $0.value) }
                    + (dense ?? []).enumerated().map { (Int32(offset + $0.offset), $0.element) })
        }
        var topicRow = features.topicRow
        if let topic = embeddings.topic {
            topicRow = (topicRow ?? []) + topic.enumerated().map { (Int32(offset + $0.offset), $0.element) }
        }
        return LearnerRanker(
            id: RankerID.concatLR.rawValue, features: matrix,
            learner: configuration.logisticRegression(inverseRegularization: configuration.inverseRegularization),
            topicRow: topicRow, topicWeight: configuration.topicPseudoIncludes,
            pseudoExcludes: configuration.pseudoExcludeDraw)
    }
}

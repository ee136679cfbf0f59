import ReviewModel
import TextAnalysis

/// How each ranker `--ranker` accepts (`RankerID`) is assembled for a pool.
public enum RankerRegistry {
    /// Rankers, in order of preference, for a pool of documents (title + abstract text each).
    /// The topic, when present, gives the BM25 cold start and (for learners) a pseudo-include.
    /// `embeddings` (possibly with rows missing) feed the dense rankers and the hybrid.
    /// - Throws: `RankingError.invalidParameter` for a dense ranker without the embeddings it needs.
    public static func makeRankers(
        configuration: CycleConfiguration, documents: [String], topic: Topic?, embeddings: DenseEmbeddings? = nil
    ) throws -> [any Ranker] {
        if configuration.ranker == .random {
            return [RandomRanker(poolSize: documents.count, seed: configuration.seed)]
        }
        if configuration.ranker.usesEmbeddings {
            return try makeEmbeddingRankers(
                configuration: configuration, documents: documents, topic: topic, embeddings: embeddings)
        }
        return try makeClassicalRankers(configuration: configuration, documents: documents, topic: topic)
    }

    /// `bm25`, `tfidf-lr` and `tfidf-nb` (learner first, then BM25 when there is a topic).
    static func makeClassicalRankers(
        configuration: CycleConfiguration, documents: [String], topic: Topic?
    ) throws -> [any Ranker] {
        let index = TermIndex(documents: documents, includesBigrams: configuration.includesBigrams)
        var topicRanker: StaticRanker?
        if let topic, !topic.isEmpty {
            let bm25 = BM25Index(index: index)
            let query = TopicQuery.weightedQuery(for: topic)
            topicRanker = StaticRanker(
                id: "bm25", scores: bm25.scores(bm25.resolve(query)),
                parameters: ["k1": "\(bm25.k1)", "b": "\(bm25.b)", "query_terms": "\(query.terms.count)"])
        }
        if configuration.ranker == .bm25 { return topicRanker.map { [$0] } ?? [] }
        let tfidf: TFIDFVectorizer
        do {
            tfidf = try TFIDFVectorizer(
                index: index, minimumDocumentFrequency: configuration.minimumDocumentFrequency,
                maximumDocumentFraction: configuration.maximumDocumentFraction)
        } catch {
            throw RankingError.invalidParameter("tfidf", "\(error.localizedDescription)")
        }
        let topicRow = topic.map { tfidf.vector(of: TopicQuery.text(for: $0), in: index) }
        let learner: any Ranker
        switch configuration.ranker {
        case .tfidfNB:
            learner = LearnerRanker(
                id: "tfidf-nb", features: tfidf.matrix, learner: NaiveBayes(),
                topicRow: topicRow, topicWeight: configuration.topicPseudoIncludes)
        default:
            learner = LearnerRanker(
                id: "tfidf-lr", features: tfidf.matrix,
                learner: LogisticRegression(
                    inverseRegularization: configuration.inverseRegularization,
                    classWeighting: configuration.classWeighting, tolerance: configuration.solverTolerance,
                    maximumNewtonSteps: configuration.maximumNewtonSteps),
                topicRow: topicRow, topicWeight: configuration.topicPseudoIncludes)
        }
        return [learner] + (topicRanker.map { [$0] } ?? [])
    }
}

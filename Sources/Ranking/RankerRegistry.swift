import ReviewModel
import TextAnalysis

/// The hand-written table of rankers `--ranker` accepts, and how each is assembled for a pool.
public enum RankerRegistry {
    /// (id, label) of every ranker.
    public static let rankers: [(id: String, label: String)] = [
        ("random", "Seeded random order"),
        ("bm25", "BM25 against the review's topic, no learning"),
        ("tfidf-lr", "TF-IDF + logistic regression, retrained after every decision"),
        ("tfidf-nb", "TF-IDF + multinomial naive Bayes, retrained after every decision"),
        ("dense-topic", "Cosine similarity of sentence embeddings to the topic, no learning"),
        ("dense-lr", "Logistic regression on sentence embeddings, retrained after every decision"),
        ("hybrid", "Fusion of bm25, tfidf-lr, dense-topic and dense-lr with weights learnt in the review"),
    ]

    /// Rankers that use sentence embeddings (the hybrid works without them, on classical signals).
    public static let embeddingRankerIDs: Set<String> = ["dense-topic", "dense-lr", "hybrid"]

    /// The ids only.
    public static var rankerIDs: [String] { rankers.map(\.id) }

    /// Rankers, in order of preference, for a pool of documents (title + abstract text each).
    /// The topic, when present, gives the BM25 cold start and (for learners) a pseudo-include.
    /// `embeddings` (possibly with rows missing) feed the dense rankers and the hybrid.
    /// - Throws: `RankingError.unknownRanker` for an id not in the table;
    ///   `RankingError.invalidParameter` for a dense ranker without the embeddings it needs.
    public static func makeRankers(
        configuration: CycleConfiguration, documents: [String], topic: Topic?, embeddings: DenseEmbeddings? = nil
    ) throws -> [any Ranker] {
        guard rankerIDs.contains(configuration.ranker) else { throw RankingError.unknownRanker(configuration.ranker) }
        if configuration.ranker == "random" {
            return [RandomRanker(poolSize: documents.count, seed: configuration.seed)]
        }
        if embeddingRankerIDs.contains(configuration.ranker) {
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
        if configuration.ranker == "bm25" { return topicRanker.map { [$0] } ?? [] }
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
        case "tfidf-nb":
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

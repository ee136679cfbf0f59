/// The rankers `--ranker` accepts (`RankerRegistry` assembles each); the raw value is the id
/// stored with ranking runs and printed in reports.
public enum RankerID: String, Sendable, Codable, Hashable, CaseIterable {
    case random
    case bm25
    case tfidfLR = "tfidf-lr"
    case tfidfNB = "tfidf-nb"
    case tfidfSVM = "tfidf-svm"
    case tfidfLRAllWords = "tfidf-lr-all-words"
    case concatLR = "concat-lr"
    case denseTopic = "dense-topic"
    case denseLR = "dense-lr"
    case hybrid

    /// One line for help texts.
    public var label: String {
        switch self {
        case .random: "Seeded random order"
        case .bm25: "BM25 against the review's topic, no learning"
        case .tfidfLR: "TF-IDF + logistic regression, retrained after every decision"
        case .tfidfNB: "TF-IDF + multinomial naive Bayes, retrained after every decision"
        case .concatLR: "Logistic regression on TF-IDF and sentence embeddings side by side"
        case .tfidfLRAllWords: "tfidf-lr on every word: stop words kept in terms and bigrams"
        case .tfidfSVM: "TF-IDF + linear SVM (squared hinge, as ASReview), retrained after every decision"
        case .denseTopic: "Cosine similarity of sentence embeddings to the topic, no learning"
        case .denseLR: "Logistic regression on sentence embeddings, retrained after every decision"
        case .hybrid: "Fusion of bm25, tfidf-lr, dense-topic and dense-lr with weights learnt in the review"
        }
    }

    /// Whether the ranker uses sentence embeddings (the hybrid also works without them, on its
    /// classical signals).
    public var usesEmbeddings: Bool { [.denseTopic, .denseLR, .concatLR, .hybrid].contains(self) }

    /// The ids, comma-separated, for help and error messages.
    public static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

import TextAnalysis

/// A ranker that refits a `Classifier` on the decisions so far and scores the pool with it.
///
/// Optionally the review's topic, as a feature row, joins the training set as a pseudo-include
/// (the "synthetic relevant document" of Cormack & Grossman's AutoTAR, SIGIR 2015), weighted by
/// `topicWeight`; it lets the learner take over from BM25 as soon as one exclude is known.
/// Every fit also takes the records of `pseudoExcludes` (random unscreened ones, AutoTAR's
/// pseudo-negatives) as excludes; with them the learner ranks from the topic alone.
/// The learner declines to rank (returns nil) until it has seen both classes.
public struct LearnerRanker<Learner: Classifier>: Ranker {
    /// Registry id, e.g. "tfidf-lr".
    public let id: String
    /// Feature rows of the pool, one per record.
    public let features: SparseMatrix
    /// The learner, carrying its warm-start state between calls.
    public private(set) var learner: Learner
    /// The topic's feature row used as a pseudo-include, if any.
    public let topicRow: [(Int32, Float)]?
    /// How many copies of the topic row to add (0 = none).
    public let topicWeight: Int
    /// Random unscreened records taken as excludes at every fit.
    public let pseudoExcludes: PseudoExcludeDraw
    /// The last training matrix (rows of `trainedRecords`, then the topic rows), kept so that
    /// the next call only appends the rows of new decisions instead of copying every row.
    private var training: SparseMatrix
    /// Records whose rows start `training`, in order.
    private var trainedRecords: [Int] = []

    /// A ranker over `features` with the given learner.
    public init(
        id: String, features: SparseMatrix, learner: Learner, topicRow: [(Int32, Float)]? = nil, topicWeight: Int = 1,
        pseudoExcludes: PseudoExcludeDraw = .none
    ) {
        self.pseudoExcludes = pseudoExcludes
        self.id = id
        self.features = features
        self.learner = learner
        self.topicRow = topicRow.flatMap { $0.isEmpty ? nil : $0 }
        self.topicWeight = topicWeight
        self.training = SparseMatrix(columnCount: features.columnCount)
    }

    /// Number of records.
    public var poolSize: Int { features.rowCount }

    /// The learner's parameters plus the feature size.
    public var parameters: [String: String] {
        var result = learner.parameters
        result["learner"] = Learner.id
        result["features"] = "\(features.columnCount)"
        result["topic_pseudo_includes"] = "\(topicRow == nil ? 0 : topicWeight)"
        if pseudoExcludes.count > 0 { result["random_pseudo_excludes"] = "\(pseudoExcludes.count)" }
        return result
    }

    /// Refits on `decisions` (plus the topic row) and scores every record.
    public mutating func scores(decisions: [Decision]) -> [Double]? {
        let records = decisions.map(\.record)
        let topicRows = topicRow == nil ? 0 : topicWeight
        if records.starts(with: trainedRecords) {
            training.removeLastRows(training.rowCount - trainedRecords.count)
            for record in records[trainedRecords.count...] { training.appendRow(of: features, record) }
        } else {
            training = features.selectingRows(records)
        }
        trainedRecords = records
        var labels = decisions.map(\.relevant)
        if let topicRow {
            for _ in 0..<topicRows {
                training.appendRow(topicRow)
                labels.append(true)
            }
        }
        for record in pseudoExcludes.records(poolSize: features.rowCount, decisions: decisions) {
            training.appendRow(of: features, record)
            labels.append(false)
        }
        guard labels.contains(true), labels.contains(false) else { return nil }
        learner.fit(features: training, labels: labels)
        return learner.scores(features)
    }
}

import Evaluation
import ReviewModel
import ReviewStore

/// The true labels of a review's records for `screen --script` with `oracle N` (hidden option
/// `--oracle-labels FILE`): an assessor who always labels the record in the pager correctly, so
/// a test can screen through the real screen and compare its order with `simulate`'s. The labels
/// join the review's records exactly as `simulate EXPORT --labels FILE` joins them.
public struct OracleLabels: Sendable {
    private let labels: [Int64: Bool]

    public init(path: String, database: ReviewDatabase) throws {
        labels = try LabelFile(contentsOf: path).labels(of: database)
    }

    public func label(of recordID: Int64) -> Label? { labels[recordID].map { $0 ? .include : .exclude } }
}

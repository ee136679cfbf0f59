import TextAnalysis

/// A learner that turns labelled feature rows into a scoring function (asreview's "classifier"
/// role). Conformers are values: `fit` keeps whatever warm-start state the learner has (previous
/// weights), so calling it again after one more decision refines rather than restarts.
///
/// Features are rows of a `SparseMatrix`; dense features (e.g. 384-d sentence embeddings) are
/// passed as a matrix whose rows store every column (`SparseMatrix(denseRows:)`).
public protocol Classifier: Sendable {
    /// Stable lower_snake id, stored with every ranking run.
    static var id: String { get }
    /// Human-readable name.
    static var label: String { get }
    /// The parameters that determine the fit, for the ranking-run record.
    var parameters: [String: String] { get }
    /// Fits to `labels` (true = include) of the rows of `features`, warm-starting from the
    /// previous fit when there was one.
    mutating func fit(features: SparseMatrix, labels: [Bool])
    /// Scores rows of `features`: higher means more likely to be included.
    func scores(_ features: SparseMatrix) -> [Double]
}

extension SparseMatrix {
    /// A sparse matrix holding every entry of the dense rows (each of `columnCount` values).
    public init(denseRows: [[Float]], columnCount: Int) {
        self.init(columnCount: columnCount)
        for row in denseRows {
            precondition(row.count == columnCount, "dense row has the wrong width")
            appendRow(row.enumerated().map { (Int32($0.offset), $0.element) })
        }
    }
}

/// How a learner weighs the two classes when includes are rare.
public enum ClassWeighting: Sendable, Hashable, Codable {
    /// Each class gets total weight n/2 (scikit-learn's `class_weight="balanced"`).
    case balanced
    /// Includes get this weight, excludes 1.
    case includeWeight(Double)
    /// The includes' total weight is r times the excludes' (r = 1 is `balanced`), the weights
    /// summing to n: ASReview 2's "balanced" sample weights (its default ratio 9.8 was chosen on
    /// the SYNERGY datasets, none of which is among tarsier's dev sets).
    case massRatio(Double)

    /// Per-class weights (include, exclude) for the given counts.
    public func weights(includes: Int, excludes: Int) -> (include: Double, exclude: Double) {
        switch self {
        case .balanced:
            let n = Double(includes + excludes)
            return (includes > 0 ? n / (2 * Double(includes)) : 1, excludes > 0 ? n / (2 * Double(excludes)) : 1)
        case .includeWeight(let weight):
            return (weight, 1)
        case .massRatio(let ratio):
            let n = Double(includes + excludes)
            return (
                includes > 0 ? n * ratio / ((ratio + 1) * Double(includes)) : 1,
                excludes > 0 ? n / ((ratio + 1) * Double(excludes)) : 1
            )
        }
    }

    /// A short text form for ranking-run parameters ("balanced" or the include weight).
    public var description: String {
        switch self {
        case .balanced: "balanced"
        case .includeWeight(let weight): "\(weight)"
        case .massRatio(let ratio): "balanced ratio \(ratio)"
        }
    }
}

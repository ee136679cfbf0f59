import TextAnalysis

/// L2-regularised L2-loss linear SVM with class weights (scikit-learn's `LinearSVC`, the learner
/// of ASReview's default model), fitted in the primal by the Newton-CG solver of
/// `LogisticRegression` with the generalised Hessian:
///
///     minimise ½‖w‖² + C Σ_i c_i max(0, 1 − y_i (w·x_i + b))²
///
/// with an unregularised intercept b. Unlike logistic regression only the examples inside the
/// margin shape the fit, so it ranks by the few hard cases near the boundary; on some reviews that
/// finds the includes a logistic fit misses (and on others the reverse), which makes it a
/// complementary signal for the hybrid. Warm-started, deterministic.
public struct LinearSVM: Classifier {
    /// Registry id.
    public static let id = "linear_svm"
    /// Display name.
    public static let label = "Linear SVM (squared hinge)"
    /// Default C: ASReview 2's `elas_u4` (0.11, chosen on the SYNERGY datasets).
    public static let defaultInverseRegularization = 0.11

    /// Inverse regularisation strength C.
    public var inverseRegularization: Double
    /// Weighting of includes against excludes.
    public var classWeighting: ClassWeighting
    /// Stop when ‖∇‖ ≤ tolerance · ½ Σ_i c_i.
    public var tolerance: Double
    /// Upper bound on Newton steps per fit.
    public var maximumNewtonSteps: Int
    /// Weight of each feature column (empty before the first fit).
    public private(set) var weights: [Double] = []
    /// The intercept b.
    public private(set) var intercept: Double = 0
    private var compactRows = CompactTrainingRows()

    /// A model with the given settings and zero weights.
    public init(
        inverseRegularization: Double = defaultInverseRegularization, classWeighting: ClassWeighting = .balanced,
        tolerance: Double = 1e-3, maximumNewtonSteps: Int = 8
    ) {
        self.inverseRegularization = inverseRegularization
        self.classWeighting = classWeighting
        self.tolerance = tolerance
        self.maximumNewtonSteps = maximumNewtonSteps
    }

    /// The settings, for ranking-run records.
    public var parameters: [String: String] {
        [
            "C": "\(inverseRegularization)", "class_weight": classWeighting.description,
            "tolerance": "\(tolerance)", "loss": MarginLoss.squaredHinge.rawValue, "solver": "newton-cg",
        ]
    }

    /// Fits to the rows of `features`; see the type's documentation.
    public mutating func fit(features: SparseMatrix, labels: [Bool]) {
        LinearFit.fit(
            features: features, labels: labels, loss: .squaredHinge, inverseRegularization: inverseRegularization,
            classWeighting: classWeighting, tolerance: tolerance, maximumNewtonSteps: maximumNewtonSteps,
            maximumConjugateGradientSteps: 40, rows: &compactRows, weights: &weights, intercept: &intercept)
    }

    /// Margins w·x + b of every row.
    public func scores(_ features: SparseMatrix) -> [Double] {
        LinearFit.margins(features, weights: weights, intercept: intercept)
    }
}

import Foundation
import TextAnalysis

/// L2-regularised logistic regression with class weights, fitted by truncated Newton
/// (Newton–conjugate-gradient with a backtracking line search; Lin, Weng & Keerthi 2008,
/// "Trust region Newton method for large-scale logistic regression", as in LIBLINEAR):
///
///     minimise ½‖w‖² + C Σ_i c_i log(1 + exp(−y_i (w·x_i + b)))
///
/// with y_i = ±1, c_i the class weight of example i and an unregularised intercept b.
/// Only the features that occur in the training rows take part in the solve (the others are 0, their
/// optimum: a feature whose rows left the training set since the last fit is reset), so the cost
/// of a fit is proportional to the training set, not the vocabulary. Refitting after one more
/// decision starts from the previous weights (warm start) and usually needs one or two Newton
/// steps. Deterministic: no randomness at all.
public struct LogisticRegression: Classifier {
    /// Registry id.
    public static let id = "logistic"
    /// Display name.
    public static let label = "Logistic regression"

    /// Inverse regularisation strength C.
    public var inverseRegularization: Double
    /// Weighting of includes against excludes.
    public var classWeighting: ClassWeighting
    /// Stop when ‖∇‖ ≤ tolerance · ‖∇ at w = 0‖.
    public var tolerance: Double
    /// Upper bound on Newton steps per fit.
    public var maximumNewtonSteps: Int
    /// Upper bound on conjugate-gradient iterations per Newton step.
    public var maximumConjugateGradientSteps: Int
    /// Weight of each feature column (empty before the first fit).
    public internal(set) var weights: [Double] = []
    /// The intercept b.
    public internal(set) var intercept: Double = 0
    /// The training rows in compact form, kept between fits (see `CompactTrainingRows`).
    private var compactRows = CompactTrainingRows()

    /// A model with the given settings and zero weights.
    public init(
        inverseRegularization: Double = 1.0, classWeighting: ClassWeighting = .balanced,
        tolerance: Double = 1e-3, maximumNewtonSteps: Int = 8, maximumConjugateGradientSteps: Int = 40
    ) {
        self.inverseRegularization = inverseRegularization
        self.classWeighting = classWeighting
        self.tolerance = tolerance
        self.maximumNewtonSteps = maximumNewtonSteps
        self.maximumConjugateGradientSteps = maximumConjugateGradientSteps
    }

    /// A model that starts from `previous`'s settings and weights (online retraining).
    public init(warmStartFrom previous: LogisticRegression) {
        self = previous
    }

    /// The settings, for ranking-run records.
    public var parameters: [String: String] {
        [
            "C": "\(inverseRegularization)", "class_weight": classWeighting.description,
            "tolerance": "\(tolerance)", "solver": "newton-cg",
        ]
    }

    /// Fits to the rows of `features`; see the type's documentation.
    public mutating func fit(features: SparseMatrix, labels: [Bool]) {
        LinearFit.fit(
            features: features, labels: labels, loss: .logistic, inverseRegularization: inverseRegularization,
            classWeighting: classWeighting, tolerance: tolerance, maximumNewtonSteps: maximumNewtonSteps,
            maximumConjugateGradientSteps: maximumConjugateGradientSteps, rows: &compactRows, weights: &weights,
            intercept: &intercept)
    }

    /// Margins w·x + b of every row (the log-odds of inclusion).
    public func scores(_ features: SparseMatrix) -> [Double] {
        LinearFit.margins(features, weights: weights, intercept: intercept)
    }
}

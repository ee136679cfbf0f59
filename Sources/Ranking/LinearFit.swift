import TextAnalysis

/// The fit and the scoring `LogisticRegression` and `LinearSVM` share: weighted examples, a warm
/// start from the previous weights, and a Newton-CG solve over the features the rows use.
enum LinearFit {
    /// Minimises ½‖w‖² + C Σ_i c_i ℓ(y_i (w·x_i + b)) from the current `weights` and `intercept`.
    static func fit(
        features: SparseMatrix, labels: [Bool], loss: MarginLoss, inverseRegularization: Double,
        classWeighting: ClassWeighting, tolerance: Double, maximumNewtonSteps: Int, maximumConjugateGradientSteps: Int,
        rows: inout CompactTrainingRows, weights: inout [Double], intercept: inout Double
    ) {
        precondition(labels.count == features.rowCount, "one label per row")
        if weights.count != features.columnCount {
            weights = [Double](repeating: 0, count: features.columnCount)
        }
        let previousColumns = rows.globalColumns
        rows.update(to: features)
        // A column the rows no longer use (a row removed: an undo, a changed label, last fit's
        // random pseudo-excludes) has the optimum 0; leaving its old weight would make a
        // warm-started model score differently from one fitted afresh on the same rows.
        for global in previousColumns where !rows.uses(global) { weights[Int(global)] = 0 }
        let includes = labels.filter { $0 }.count
        let classWeights = classWeighting.weights(includes: includes, excludes: labels.count - includes)
        var problem = LogisticProblem(
            rows: rows, labels: labels, weights: weights,
            exampleWeights: labels.map { inverseRegularization * ($0 ? classWeights.include : classWeights.exclude) },
            loss: loss)
        problem.intercept = intercept
        problem.minimize(
            tolerance: tolerance, maximumNewtonSteps: maximumNewtonSteps,
            maximumConjugateGradientSteps: maximumConjugateGradientSteps)
        problem.scatter(into: &weights)
        intercept = problem.intercept
    }

    /// w·x + b of every row (the intercept alone before the first fit).
    static func margins(_ features: SparseMatrix, weights: [Double], intercept: Double) -> [Double] {
        guard weights.count == features.columnCount else {
            return [Double](repeating: intercept, count: features.rowCount)
        }
        return weights.withUnsafeBufferPointer { features.dotAllRows($0, adding: intercept) }
    }
}

import Foundation
import Testing
@testable import Ranking
@testable import TextAnalysis

/// A small two-class problem: includes use columns 0–1, excludes columns 2–3, all share column 4.
func toyProblem() -> (SparseMatrix, [Bool]) {
    var matrix = SparseMatrix(columnCount: 5)
    var labels: [Bool] = []
    for k in 0..<12 {
        let include = k % 4 == 0
        let base: Int32 = include ? 0 : 2
        let row: [(Int32, Float)] = [(base, Float(1 + k % 3)), (base + 1, 0.5), (4, 1)]
        matrix.appendRow(row)
        labels.append(include)
    }
    return (matrix, labels)
}

/// The objective ½‖w‖² + C Σ c_i log(1 + exp(−y_i (w·x_i + b))), evaluated directly.
func objective(_ model: LogisticRegression, _ x: SparseMatrix, _ labels: [Bool]) -> Double {
    let includes = labels.filter { $0 }.count
    let weights = model.classWeighting.weights(includes: includes, excludes: labels.count - includes)
    let margins = model.scores(x)
    var loss = 0.5 * model.weights.reduce(0) { $0 + $1 * $1 }
    for (margin, label) in zip(margins, labels) {
        let y = label ? 1.0 : -1.0
        loss += model.inverseRegularization * (label ? weights.include : weights.exclude) * log(1 + exp(-y * margin))
    }
    return loss
}

@Suite("Logistic regression")
struct LogisticRegressionTests {
    @Test("scores includes above excludes on a separable problem")
    func separates() {
        let (x, labels) = toyProblem()
        var model = LogisticRegression()
        model.fit(features: x, labels: labels)
        let scores = model.scores(x)
        let worstInclude = zip(scores, labels).filter { $0.1 }.map(\.0).min() ?? 0
        let bestExclude = zip(scores, labels).filter { !$0.1 }.map(\.0).max() ?? 0
        #expect(worstInclude > bestExclude)
    }

    @Test("reaches the minimum: no coordinate step lowers the objective")
    func optimal() {
        let (x, labels) = toyProblem()
        var model = LogisticRegression(tolerance: 1e-8, maximumNewtonSteps: 50)
        model.fit(features: x, labels: labels)
        let best = objective(model, x, labels)
        for column in 0..<5 {
            for delta in [-1e-3, 1e-3] {
                var weights = model.weights
                weights[column] += delta
                let perturbed = LogisticRegression.testing(weights: weights, intercept: model.intercept, from: model)
                #expect(objective(perturbed, x, labels) >= best - 1e-9)
            }
        }
    }

    @Test("a warm-started refit after one more label matches a cold fit")
    func warmStart() {
        let (x, labels) = toyProblem()
        var warm = LogisticRegression(tolerance: 1e-8, maximumNewtonSteps: 50)
        warm.fit(features: x.selectingRows(Array(0..<11)), labels: Array(labels[0..<11]))
        var continued = LogisticRegression(warmStartFrom: warm)
        continued.fit(features: x, labels: labels)
        var cold = LogisticRegression(tolerance: 1e-8, maximumNewtonSteps: 50)
        cold.fit(features: x, labels: labels)
        for (a, b) in zip(continued.weights, cold.weights) { #expect(abs(a - b) < 1e-4) }
    }

    @Test("is deterministic")
    func deterministic() {
        let (x, labels) = toyProblem()
        var a = LogisticRegression()
        var b = LogisticRegression()
        a.fit(features: x, labels: labels)
        b.fit(features: x, labels: labels)
        #expect(a.weights == b.weights && a.intercept == b.intercept)
    }

    @Test("balanced class weights give each class half the total weight")
    func balancedWeights() {
        let weights = ClassWeighting.balanced.weights(includes: 2, excludes: 8)
        #expect(weights.include * 2 == 5 && weights.exclude * 8 == 5)
    }

    @Test("naive Bayes ranks includes first on the same problem")
    func naiveBayes() {
        let (x, labels) = toyProblem()
        var model = NaiveBayes()
        model.fit(features: x, labels: labels)
        let scores = model.scores(x)
        let worstInclude: Double = zip(scores, labels).filter { $0.1 }.map(\.0).min() ?? 0
        let bestExclude: Double = zip(scores, labels).filter { !$0.1 }.map(\.0).max() ?? 0
        #expect(worstInclude > bestExclude)
    }

    @Test("naive Bayes weighs the classes: with one include, a record sharing its term outranks an unseen one")
    func naiveBayesClassWeights() {
        // One include (term 0) against 20 excludes (terms 1, 2). Unweighted, the include's mass is
        // lost in the smoothing and a record of unseen terms (term 3) outranks one that shares
        // the include's term, which is how tfidf-nb ranked empty-abstract records first.
        var x = SparseMatrix(columnCount: 4)
        x.appendRow([(0, 1)])
        for _ in 0..<20 { x.appendRow([(1, 0.7), (2, 0.7)]) }
        let labels = [true] + [Bool](repeating: false, count: 20)
        var candidates = SparseMatrix(columnCount: 4)
        candidates.appendRow([(0, 0.7), (1, 0.7)])
        candidates.appendRow([(3, 1)])
        var balanced = NaiveBayes()
        balanced.fit(features: x, labels: labels)
        let scores = balanced.scores(candidates)
        #expect(scores[0] > scores[1])
        var unweighted = NaiveBayes(classWeighting: .includeWeight(1))
        unweighted.fit(features: x, labels: labels)
        let raw = unweighted.scores(candidates)
        #expect(raw[0] < raw[1])
        #expect(balanced.parameters["class_weight"] == ClassWeighting.balanced.description)
    }
}

extension LogisticRegression {
    /// A copy of `model` with the given weights (tests only).
    static func testing(weights: [Double], intercept: Double, from model: LogisticRegression) -> LogisticRegression {
        var copy = model
        copy.weights = weights
        copy.intercept = intercept
        return copy
    }
}

@Suite("Warm starts after rows leave the training set")
struct WarmStartResetTests {
    @Test("a column whose rows left the training set gets weight 0, as in a fit from scratch")
    func removedColumnsReset() {
        let (x, labels) = toyProblem()
        var widerX = SparseMatrix(columnCount: 6)
        for row in 0..<x.rowCount { widerX.appendRow(x.row(row).map { ($0.column, $0.value) }) }
        widerX.appendRow([(4, 1), (5, 2)])  // the only row with column 5
        var narrowX = SparseMatrix(columnCount: 6)
        for row in 0..<x.rowCount { narrowX.appendRow(x.row(row).map { ($0.column, $0.value) }) }
        var warm = LogisticRegression(tolerance: 1e-10, maximumNewtonSteps: 50)
        warm.fit(features: widerX, labels: labels + [false])
        #expect(warm.weights[5] < 0)
        warm.fit(features: narrowX, labels: labels)
        #expect(warm.weights[5] == 0)
        var cold = LogisticRegression(tolerance: 1e-10, maximumNewtonSteps: 50)
        cold.fit(features: narrowX, labels: labels)
        for (a, b) in zip(warm.weights, cold.weights) { #expect(abs(a - b) < 1e-6) }
        let (warmScores, coldScores) = (warm.scores(narrowX), cold.scores(narrowX))
        for (a, b) in zip(warmScores, coldScores) { #expect(abs(a - b) < 1e-6) }
    }
}

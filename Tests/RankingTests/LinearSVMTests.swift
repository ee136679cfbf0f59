import Foundation
import Testing
@testable import Ranking
@testable import TextAnalysis

/// ½‖w‖² + C Σ c_i max(0, 1 − y_i (w·x_i + b))², evaluated directly.
func svmObjective(_ model: LinearSVM, weights w: [Double], intercept b: Double, _ x: SparseMatrix, _ labels: [Bool])
    -> Double
{
    let includes = labels.filter { $0 }.count
    let classWeights = model.classWeighting.weights(includes: includes, excludes: labels.count - includes)
    let margins = w.withUnsafeBufferPointer { x.dotAllRows($0, adding: b) }
    var loss = 0.5 * w.reduce(0) { $0 + $1 * $1 }
    for (margin, label) in zip(margins, labels) {
        let slack = max(0, 1 - (label ? 1.0 : -1.0) * margin)
        loss += model.inverseRegularization * (label ? classWeights.include : classWeights.exclude) * slack * slack
    }
    return loss
}

@Suite("Linear SVM (squared hinge) and class weighting by mass ratio")
struct LinearSVMTests {
    @Test("separates the toy problem and reaches the minimum: no small move lowers the objective")
    func minimum() {
        let (x, labels) = toyProblem()
        var model = LinearSVM(inverseRegularization: 1, tolerance: 1e-8, maximumNewtonSteps: 50)
        model.fit(features: x, labels: labels)
        let scores = model.scores(x)
        let worstInclude = zip(scores, labels).filter { $0.1 }.map(\.0).min() ?? 0
        let bestExclude = zip(scores, labels).filter { !$0.1 }.map(\.0).max() ?? 0
        #expect(worstInclude > bestExclude)
        let best = svmObjective(model, weights: model.weights, intercept: model.intercept, x, labels)
        for coordinate in 0...model.weights.count {
            for delta in [-1e-3, 1e-3] {
                var w = model.weights
                var b = model.intercept
                if coordinate < w.count { w[coordinate] += delta } else { b += delta }
                #expect(svmObjective(model, weights: w, intercept: b, x, labels) >= best - 1e-9)
            }
        }
    }

    @Test("only examples inside the margin shape the fit: adding a far, easy exclude changes nothing")
    func hingeIgnoresEasyExamples() {
        let (x, labels) = toyProblem()
        var model = LinearSVM(
            inverseRegularization: 1, classWeighting: .includeWeight(1), tolerance: 1e-10,
            maximumNewtonSteps: 60)
        model.fit(features: x, labels: labels)
        var wider = x
        wider.appendRow([(2, 40), (3, 40), (4, 1)])
        var other = LinearSVM(
            inverseRegularization: 1, classWeighting: .includeWeight(1), tolerance: 1e-10,
            maximumNewtonSteps: 60)
        other.fit(features: wider, labels: labels + [false])
        for (a, b) in zip(model.weights, other.weights) { #expect(abs(a - b) < 1e-6) }
        #expect(abs(model.intercept - other.intercept) < 1e-6)
    }

    @Test("a mass ratio r gives the includes r times the excludes' total weight, the weights summing to n")
    func massRatio() {
        let weights = ClassWeighting.massRatio(9.8).weights(includes: 2, excludes: 8)
        #expect(abs(weights.include * 2 - 9.8 * weights.exclude * 8) < 1e-9)
        #expect(abs(weights.include * 2 + weights.exclude * 8 - 10) < 1e-9)
        let one = ClassWeighting.massRatio(1).weights(includes: 3, excludes: 7)
        let balanced = ClassWeighting.balanced.weights(includes: 3, excludes: 7)
        #expect(abs(one.include - balanced.include) < 1e-12 && abs(one.exclude - balanced.exclude) < 1e-12)
        var configuration = CycleConfiguration()
        configuration.includeMassRatio = 9.8
        #expect(configuration.classWeighting == .massRatio(9.8))
        configuration.includeMassRatio = 1
        #expect(configuration.classWeighting == .balanced)
    }
}

import Foundation
import Testing
@testable import Ranking

@Suite("Stacked fusion weights")
struct StackedWeightsTests {
    /// 200 decisions, every 4th an include: "good" put includes near the top (ln n/r ≈ 4) and
    /// excludes low (≈ 0.3); "noise" gave both the same spread of values.
    func examples(duplicateGood: Bool = false) -> [StackedWeights.Example] {
        var generator = SeededGenerator(seed: 5)
        return (0..<200).map { k in
            let include = k % 4 == 0
            let good = (include ? 4.0 : 0.3) + generator.nextUnit() * 0.5
            let noise = generator.nextUnit() * 4
            let values: [Double?] = duplicateGood ? [good, good, noise] : [good, noise]
            return StackedWeights.Example(values: values, include: include, age: 199 - k)
        }
    }

    @Test("the signal that separates includes from excludes takes nearly all the weight")
    func followsTheSeparatingSignal() {
        let weights = StackedWeights.weights(examples(), signalCount: 2, halfLife: 50)
        #expect(weights[0] > 0.9 && abs(weights.reduce(0, +) - 1) < 1e-12)
    }

    @Test("two copies of one signal share its weight instead of each earning it")
    func redundantSignalsShare() {
        let weights = StackedWeights.weights(examples(duplicateGood: true), signalCount: 3, halfLife: 50)
        #expect(abs(weights[0] - weights[1]) < 1e-9)
        #expect(weights[2] < 0.1)
    }

    @Test("without examples of both kinds the weights are equal")
    func equalWithoutEvidence() {
        let onlyIncludes = [StackedWeights.Example(values: [3, 1], include: true, age: 0)]
        #expect(StackedWeights.weights(onlyIncludes, signalCount: 2, halfLife: 50) == [0.5, 0.5])
    }

    @Test("a missing value counts as the median's ln 2")
    func missingIsMedian() {
        var withMissing = examples()
        for index in withMissing.indices { withMissing[index].values[1] = nil }
        var atMedian = examples()
        for index in atMedian.indices { atMedian[index].values[1] = log(2) }
        #expect(
            StackedWeights.weights(withMissing, signalCount: 2, halfLife: 50)
                == StackedWeights.weights(atMedian, signalCount: 2, halfLife: 50))
    }

    @Test("the linear solve recovers a known solution and refuses a singular system")
    func solve() {
        let z = StackedWeights.solve([[2, 1, 0], [1, 3, 1], [0, 1, 4]], [3, 5, 5])
        #expect(z.map { zip($0, [1.0, 1, 1]).allSatisfy { abs($0 - $1) < 1e-12 } } == true)
        #expect(StackedWeights.solve([[1, 2], [2, 4]], [1, 2]) == nil)
    }
}

import Foundation
import Testing
@testable import Evaluation
@testable import Ranking

@Suite("Simulation and recall-curve export")
struct SimulationTests {
    let documents = (0..<40).map { k in
        k % 5 == 0 ? "shoulder impingement test \(k % 3)" : "insulin diabetes dosing \(k % 4)"
    }
    var labels: [Bool] { (0..<40).map { $0 % 5 == 0 } }

    func run(seed: UInt64, ranker: RankerID = .tfidfLR) throws -> Simulation.Result {
        let configuration = CycleConfiguration(ranker: ranker, minimumDocumentFrequency: 1, seed: seed)
        let rankers = try RankerRegistry.makeRankers(configuration: configuration, documents: documents, topic: nil)
        var cycle = ActiveLearningCycle(poolSize: documents.count, rankers: rankers, seed: seed)
        return try Simulation(labels: labels, priors: [5, 1]).run(&cycle)
    }

    @Test("the order is a permutation of the pool with the priors first")
    func permutation() throws {
        let result = try run(seed: 1)
        #expect(result.order.count == 40 && Set(result.order) == Set(0..<40))
        #expect(Array(result.order.prefix(2)) == [5, 1])
        #expect(result.pickedAt.prefix(2).allSatisfy { $0 == .prior })
    }

    @Test("is deterministic for a seed, and the learner beats random order here")
    func deterministicAndLearning() throws {
        #expect(try run(seed: 3).order == run(seed: 3).order)
        let learned = try ScreeningMetrics(labelsInScreeningOrder: run(seed: 3).labels(from: labels))
        let random = try ScreeningMetrics(labelsInScreeningOrder: run(seed: 3, ranker: .random).labels(from: labels))
        #expect(learned.lastIncludeRank == 9)  // two priors, then all 7 remaining includes
        #expect(learned.wss95 > random.wss95)
    }

    @Test("the CSV curve has N + 1 rows")
    func exports() throws {
        let metrics = try ScreeningMetrics(labelsInScreeningOrder: [false, true, true, false])
        let plot = RecallCurvePlot(metrics: metrics, title: "t <&>")
        let csv = plot.csv().split(separator: "\n")
        #expect(
            csv == [
                "screened,found,recall", "0,0,0.000000", "1,0,0.000000", "2,1,0.500000", "3,2,1.000000", "4,2,1.000000",
            ])
    }
}

import Foundation
import TestSupport
import Testing
@testable import Evaluation

@Suite("Screening metrics")
struct ScreeningMetricsTests {
    @Test("hand-computed: N = 10, includes found at ranks 1, 2 and 5")
    func handComputed() throws {
        // Given R = 3 includes at ranks 1, 2, 5 of N = 10
        let labels = [true, true, false, false, true, false, false, false, false, false]
        let m = try ScreeningMetrics(labelsInScreeningOrder: labels)
        // Then n_95 = pos_⌈2.85⌉ = pos_3 = 5
        #expect(m.rankAtRecall(0.95) == 5)
        #expect(abs(m.wss95 - (5.0 / 10 - 0.05)) < 1e-12)
        #expect(abs(m.wss100 - 0.5) < 1e-12)
        #expect(abs(m.rrf10 - 1.0 / 3) < 1e-12)  // ⌈0.1·10⌉ = 1 record screened
        #expect(m.lastIncludeRank == 5)
        #expect(abs(m.averageTimeToDiscovery - 8.0 / 30) < 1e-12)
        #expect(abs(m.averagePrecision - (1 + 1 + 3.0 / 5) / 3) < 1e-12)
    }

    @Test("hand-computed: ⌈r·R⌉ and ⌈p·N⌉ round up")
    func roundingUp() throws {
        // R = 20: ⌈0.95·20⌉ = 19; N = 21: ⌈0.1·21⌉ = 3
        var labels = [Bool](repeating: true, count: 20) + [false]
        labels.swapAt(0, 20)  // the exclude first
        let m = try ScreeningMetrics(labelsInScreeningOrder: labels)
        #expect(m.rankAtRecall(0.95) == 20)
        #expect(abs(m.rrf10 - 2.0 / 20) < 1e-12)
    }

    @Test("no includes is an error, not a division by zero")
    func noIncludes() {
        #expect(throws: EvaluationError.noIncludes) { try ScreeningMetrics(labelsInScreeningOrder: [false, false]) }
    }

    @Test("the recall curve is non-decreasing and ends at R", arguments: 1...10)
    func curveProperty(seed: UInt64) throws {
        var state = seed
        let labels =
            (0..<200).map { _ -> Bool in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return (state >> 33) % 7 == 0
            } + [true]
        let m = try ScreeningMetrics(labelsInScreeningOrder: labels)
        let curve = m.foundCurve
        #expect(curve.first == 0 && curve.last == m.includeCount)
        #expect(zip(curve, curve.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test("a perfect order's WSS@r is (N − ⌈rR⌉)/N − (1 − r)", arguments: [(100, 7), (50, 50), (1000, 3), (333, 20)])
    func perfectOrder(n: Int, r: Int) throws {
        let labels = (0..<n).map { $0 < r }
        let m = try ScreeningMetrics(labelsInScreeningOrder: labels)
        for recall in [0.5, 0.8, 0.95, 1.0] {
            let closedForm = Double(n - Int((recall * Double(r)).rounded(.up))) / Double(n) - (1 - recall)
            #expect(abs(m.workSavedOverSampling(atRecall: recall) - closedForm) < 1e-12)
        }
        #expect(m.averagePrecision == 1)
    }

    /// Label sets and orders with the metrics the independent reference script computed for them
    /// (`Scripts/make-metrics-reference.py` wrote the fixture; see Tests/Fixtures/README.md).
    struct ReferenceCase: Decodable {
        struct Values: Decodable { let wss95, wss100, rrf10, atd, ap: Double; let last: Int }
        let labels: [Int]
        let order: [Int]
        let metrics: Values
    }

    @Test("agrees with the independent reference metrics on seeded orders")
    func agreesWithReferenceScript() throws {
        struct Fixture: Decodable { let cases: [ReferenceCase] }
        let data = try Data(contentsOf: TestData.fixture("metrics/reference.json"))
        let cases = try JSONDecoder().decode(Fixture.self, from: data).cases
        #expect(cases.count == 6)
        for reference in cases {
            let m = try ScreeningMetrics(labelsInScreeningOrder: reference.order.map { reference.labels[$0] == 1 })
            // The reference rounds to 4 decimals.
            func close(_ expected: Double, _ value: Double) -> Bool { abs(expected - value) <= 5e-5 }
            #expect(close(reference.metrics.wss95, m.wss95) && close(reference.metrics.wss100, m.wss100))
            #expect(close(reference.metrics.rrf10, m.rrf10) && close(reference.metrics.atd, m.averageTimeToDiscovery))
            #expect(close(reference.metrics.ap, m.averagePrecision))
            #expect(reference.metrics.last == m.lastIncludeRank)
        }
    }
}

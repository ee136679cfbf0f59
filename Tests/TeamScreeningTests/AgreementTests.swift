import Testing

@testable import TeamScreening

/// Reference values: Cohen's κ, its standard error and 95 % CI from statsmodels 0.15.0
/// (`statsmodels.stats.inter_rater.cohens_kappa`), AC1 and the Brennan–Prediger coefficient (PABAK)
/// from irrCAC (`irrCAC.table.CAC(...).gwet()`, `.bp()`), computed once on these fixed tables.
/// The first two tables are Wikipedia's worked examples for Cohen's kappa (κ = 0.4 and 0.1304).
@Suite("Agreement statistics")
struct AgreementTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let counts: [[Int]]
        let kappa: Double?
        let se: Double?
        let lower: Double?
        let upper: Double?
        let ac1: Double
        let pabak: Double
        let agreement: Double
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "Wikipedia 1", counts: [[20, 5], [10, 15]], kappa: 0.4, se: 0.12699606293110033,
            lower: 0.151092290476661, upper: 0.6489077095233389, ac1: 0.4059405941, pabak: 0.4, agreement: 0.7),
        Case(
            name: "Wikipedia 2", counts: [[45, 15], [25, 15]], kappa: 0.13043478260869554, se: 0.0986615376234396,
            lower: -0.06293827779258965, upper: 0.3238078430099807, ac1: 0.2660550459, pabak: 0.2, agreement: 0.6),
        Case(
            name: "all agree, two categories", counts: [[30, 0], [0, 70]], kappa: 1, se: 0, lower: 1, upper: 1,
            ac1: 1, pabak: 1, agreement: 1),
        Case(
            name: "one category only: κ undefined", counts: [[50, 0], [0, 0]], kappa: nil, se: nil, lower: nil,
            upper: nil, ac1: 1, pabak: 1, agreement: 1),
        Case(
            name: "three categories", counts: [[40, 3, 2], [5, 20, 4], [1, 3, 22]], kappa: 0.7208436724565757,
            se: 0.058885819004256004, lower: 0.6054295880080895, upper: 0.8362577569050618, ac1: 0.7344251411,
            pabak: 0.73, agreement: 0.82),
    ]

    @Test("κ with its CI, AC1, PABAK and percent agreement match the reference implementations", arguments: cases)
    func reference(c: Case) throws {
        let categories = (0..<c.counts.count).map { "c\($0)" }
        let s = try #require(AgreementStatistics(AgreementTable(categories: categories, counts: c.counts)))
        func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-9) -> Bool {
            switch (a, b) {
            case (nil, nil): true
            case let (x?, y?): abs(x - y) <= tolerance
            default: false
            }
        }
        #expect(close(s.kappa, c.kappa), "κ \(String(describing: s.kappa))")
        #expect(close(s.kappaStandardError, c.se), "SE \(String(describing: s.kappaStandardError))")
        #expect(close(s.kappaLower, c.lower, 1e-6) && close(s.kappaUpper, c.upper, 1e-6))
        #expect(close(s.ac1, c.ac1, 1e-9))
        #expect(close(s.pabak, c.pabak))
        #expect(close(s.percentAgreement, c.agreement))
        #expect(s.records == c.counts.joined().reduce(0, +))
    }

    @Test("an empty table has no statistics")
    func empty() {
        #expect(AgreementStatistics(AgreementTable(categories: ["a", "b"], counts: [[0, 0], [0, 0]])) == nil)
    }

    @Test("κ is symmetric in the two assessors and lies in [-1, 1] on random tables")
    func properties() throws {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            let k = 2 + next(2)
            let counts = (0..<k).map { _ in (0..<k).map { _ in next(12) } }
            let transposed = (0..<k).map { i in (0..<k).map { j in counts[j][i] } }
            let names = (0..<k).map { "c\($0)" }
            guard let s = AgreementStatistics(AgreementTable(categories: names, counts: counts)),
                let t = AgreementStatistics(AgreementTable(categories: names, counts: transposed))
            else { continue }
            #expect(abs((s.kappa ?? 0) - (t.kappa ?? 0)) < 1e-12)
            #expect(abs(s.ac1 - t.ac1) < 1e-12)
            if let kappa = s.kappa { #expect(kappa >= -1 - 1e-12 && kappa <= 1 + 1e-12) }
            #expect(s.pabak >= -1 / Double(k - 1) - 1e-12 && s.pabak <= 1 + 1e-12)
        }
    }
}

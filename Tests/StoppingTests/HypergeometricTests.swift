import Foundation
import Testing

@testable import Stopping

@Suite("Hypergeometric distribution in log space")
struct HypergeometricTests {
    /// Made with SciPy 1.x: `/tmp/buscar-venv/bin/python Scripts/make-stopping-reference.py`
    /// (first block: `float(scipy.stats.hypergeom.cdf(k, M, n, N))`; SciPy's n is our `successes`,
    /// its N our `draws`).
    static let scipyCDF: [(k: Int, population: Int, successes: Int, draws: Int, cdf: Double)] = [
        (0, 20, 5, 4, 0.28173374613003094),
        (2, 50, 10, 12, 0.5506571973994743),
        (5, 1000, 60, 100, 0.43243100780249644),
        (0, 2000, 3, 500, 0.42166391003309456),
        (3, 20000, 40, 3000, 0.12991562805944376),
        (40, 20000, 400, 3000, 0.0019687676618955863),
        (150, 5000, 300, 2000, 0.9998807787264103),
    ]

    @Test("logChoose matches exact binomial coefficients and is −∞ outside 0 ≤ k ≤ n")
    func logChooseValues() {
        #expect(abs(Hypergeometric.logChoose(5, 2) - log(10.0)) < 1e-12)
        #expect(abs(Hypergeometric.logChoose(52, 5) - log(2_598_960.0)) < 1e-10)
        #expect(Hypergeometric.logChoose(7, 0) == 0)
        #expect(Hypergeometric.logChoose(7, 7) == 0)
        #expect(Hypergeometric.logChoose(7, 8) == -.infinity)
        #expect(Hypergeometric.logChoose(7, -1) == -.infinity)
        // C(100000, 50000) overflows a Double but not its logarithm (≈ 69310.5).
        #expect(abs(Hypergeometric.logChoose(100_000, 50_000) - 69_308.0) < 10)
    }

    @Test("logSumExp equals log of the plain sum and survives huge exponents")
    func logSumExpValues() {
        #expect(abs(Hypergeometric.logSumExp([log(1), log(2), log(3)]) - log(6.0)) < 1e-12)
        #expect(abs(Hypergeometric.logSumExp([1000, 1000]) - (1000 + log(2.0))) < 1e-9)
        #expect(Hypergeometric.logSumExp([]) == -.infinity)
        #expect(Hypergeometric.logSumExp([-.infinity, 0]) == 0)
    }

    @Test("CDF agrees with scipy.stats.hypergeom.cdf to 1e-10 relative")
    func cdfMatchesSciPy() throws {
        for row in Self.scipyCDF {
            let value = try #require(
                Hypergeometric.cdf(row.k, population: row.population, successes: row.successes, draws: row.draws))
            #expect(abs(value - row.cdf) <= 1e-10 * row.cdf, "\(row)")
        }
    }

    @Test("CDF equals the sum of exact pmf values on a small case (M = 20, K = 5, n = 4)")
    func cdfSmallExact() throws {
        // P(X = i) = C(5, i) C(15, 4 − i) / C(20, 4); C(20, 4) = 4845.
        let counts = [1365.0, 2275, 1050, 150, 5]  // C(15,4), 5·C(15,3), 10·C(15,2), 10·15, 5
        #expect(counts.reduce(0, +) == 4845)
        var running = 0.0
        for (i, count) in counts.enumerated() {
            running += count / 4845
            let value = try #require(Hypergeometric.cdf(i, population: 20, successes: 5, draws: 4))
            #expect(abs(value - running) < 1e-12)
        }
    }

    @Test("CDF is 0 below the support, 1 at its top, nil when undefined")
    func cdfEdges() {
        // 10 draws from 12 with 5 successes: at least 3 successes are drawn.
        #expect(Hypergeometric.cdf(2, population: 12, successes: 5, draws: 10) == 0)
        #expect(Hypergeometric.cdf(5, population: 12, successes: 5, draws: 10) == 1)
        #expect(Hypergeometric.cdf(1, population: 12, successes: 13, draws: 10) == nil)
        #expect(Hypergeometric.cdf(1, population: 12, successes: 5, draws: 13) == nil)
    }
}

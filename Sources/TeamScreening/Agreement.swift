import Foundation

/// A square table of two assessors' labels on the records both decided: `counts[a][b]` is the
/// number of records the first assessor put in category `a` and the second in category `b`.
public struct AgreementTable: Sendable, Equatable, Codable {
    /// Category names, in row/column order (e.g. include, exclude, maybe).
    public let categories: [String]
    public let counts: [[Int]]

    /// A table; every row must have one count per category.
    public init(categories: [String], counts: [[Int]]) {
        precondition(counts.count == categories.count && counts.allSatisfy { $0.count == categories.count })
        self.categories = categories
        self.counts = counts
    }

    /// Records in the table.
    public var total: Int { counts.joined().reduce(0, +) }
}

/// Chance-corrected agreement between two assessors on one table.
///
/// - Cohen's κ = (pₒ − pₑ)/(1 − pₑ) with pₑ from each assessor's own marginals (Cohen 1960); its
///   standard error is the large-sample one of Fleiss, Cohen & Everitt (1969), and the 95 % CI is
///   κ ± 1.96·SE. κ is undefined (nil) when pₑ = 1: both assessors used a single category.
/// - PABAK (Byrt, Bishop & Carlin 1993), for k categories the Brennan–Prediger coefficient
///   (k·pₒ − 1)/(k − 1).
/// - Gwet's AC1 (Gwet 2008): pₑ = Σ πₖ(1 − πₖ)/(k − 1), πₖ the mean of the two marginal shares.
public struct AgreementStatistics: Sendable, Equatable, Codable {
    public let records: Int
    public let percentAgreement: Double
    public let kappa: Double?
    public let kappaStandardError: Double?
    public let kappaLower: Double?
    public let kappaUpper: Double?
    public let pabak: Double
    public let ac1: Double

    /// The statistics of a table with at least one record; nil for an empty table.
    public init?(_ table: AgreementTable) {
        let n = Double(table.total)
        let k = table.categories.count
        guard n > 0, k >= 2 else { return nil }
        let p = table.counts.map { $0.map { Double($0) / n } }
        let rows = p.map { $0.reduce(0, +) }
        let columns = (0..<k).map { j in p.reduce(0) { $0 + $1[j] } }
        let observed = (0..<k).reduce(0) { $0 + p[$1][$1] }
        let expected = (0..<k).reduce(0) { $0 + rows[$1] * columns[$1] }
        records = table.total
        percentAgreement = observed
        pabak = (Double(k) * observed - 1) / Double(k - 1)
        let shares = (0..<k).map { (rows[$0] + columns[$0]) / 2 }
        let chanceAC1 = shares.reduce(0) { $0 + $1 * (1 - $1) } / Double(k - 1)
        ac1 = chanceAC1 >= 1 ? 1 : (observed - chanceAC1) / (1 - chanceAC1)
        guard expected < 1 - 1e-12 else {
            kappa = nil
            kappaStandardError = nil
            kappaLower = nil
            kappaUpper = nil
            return
        }
        let kappa = (observed - expected) / (1 - expected)
        // Fleiss, Cohen & Everitt (1969), the variance of κ̂ when κ ≠ 0.
        var a = 0.0
        for i in 0..<k {
            a += p[i][i] * pow(1 - (rows[i] + columns[i]) * (1 - kappa), 2)
        }
        var b = 0.0
        for i in 0..<k {
            for j in 0..<k where i != j {
                b += p[i][j] * pow(columns[i] + rows[j], 2)
            }
        }
        b *= pow(1 - kappa, 2)
        let c = pow(kappa - expected * (1 - kappa), 2)
        let variance = max(0, a + b - c) / (n * pow(1 - expected, 2))
        let se = variance.squareRoot()
        self.kappa = kappa
        kappaStandardError = se
        kappaLower = kappa - 1.959963984540054 * se
        kappaUpper = kappa + 1.959963984540054 * se
    }
}

import Foundation

/// How the hybrid turns its signals' track records into fusion weights.
public enum FusionWeighting: String, Sendable, Codable, CaseIterable {
    /// w_s ∝ exp(β · credit_s), each signal judged on its own (`HybridRanker`).
    case hedge
    /// Stacking: a logistic regression of the decisions' labels on every signal's prequential
    /// ln(n / rank) of the record (`StackedWeights`), so signals that say the same thing share a
    /// weight instead of each earning it.
    case stacked
    /// Hedge weights for the fused ranking, but each pick is served by one arm — the fusion or a
    /// single signal — chosen by an upper confidence bound on the share of includes among the
    /// records each arm put on top (`HybridRanker.banditArm`): a signal is judged by its own
    /// picks, not by how it ranked the fusion's.
    case bandit
}

/// Stacked fusion weights (Wolpert 1992; Breiman 1996 "Stacked regressions", with non-negative
/// weights): the labelled records are the training set, each signal's ln(n / rank) of the record
/// in the ranking before its label was known the features — prequential, hence out-of-fold
/// scores without refitting any signal. A small logistic regression
///
///     minimise Σ_i c_i log(1 + exp(−y_i (w·x_i + b))) + (λ / 2) ‖w − w₀‖²
///
/// with c_i decaying with age (half-life) and balancing includes against excludes, is solved by
/// Newton's method; the fusion weights are max(w_s, 0), normalised. With w₀ = 0 the ridge makes
/// the first weights proportional to how much higher each signal placed the includes than the
/// excludes (the Hedge credit, linearly), and lets the joint fit take over as decisions accumulate:
/// a signal that only repeats another then stops adding to the weight. Values only.
public enum StackedWeights {
    /// One labelled record: each signal's ln(n / rank) of it (nil where the signal did not rank it).
    public struct Example: Sendable {
        public var values: [Double?]
        public var include: Bool
        /// How far back it was credited (0 = the newest decision).
        public var age: Int

        public init(values: [Double?], include: Bool, age: Int) {
            self.values = values
            self.include = include
            self.age = age
        }
    }

    /// The coefficient every signal is shrunk toward (w₀).
    public static let prior = 0.0
    /// λ: the ridge toward the prior, in units of (balanced, decayed) decisions.
    public static let ridge = 10.0

    /// Non-negative weights summing to 1 over `signalCount` signals (equal without examples of both kinds).
    public static func weights(
        _ examples: [Example], signalCount: Int, halfLife: Double, ridge: Double = ridge, prior: Double = prior
    ) -> [Double] {
        let equal = [Double](repeating: 1 / Double(max(signalCount, 1)), count: signalCount)
        let includes = examples.filter(\.include).count
        guard signalCount > 0, includes > 0, includes < examples.count else { return equal }
        let decay = log(2) / max(halfLife, 1e-9)
        var mass = [0.0, 0.0]
        let ages = examples.map { exp(-decay * Double($0.age)) }
        for (example, age) in zip(examples, ages) { mass[example.include ? 0 : 1] += age }
        let total = Double(examples.count)
        let c = zip(examples, ages).map { example, age in
            age * total / (2 * mass[example.include ? 0 : 1])
        }
        // Missing values sit at ln 2 (the median's credit), then every feature is centred on it.
        let x = examples.map { example in example.values.map { ($0 ?? log(2)) - log(2) } }
        let y = examples.map { $0.include ? 1.0 : -1.0 }
        let dimension = signalCount + 1
        var theta = [Double](repeating: prior, count: signalCount) + [0]
        for _ in 0..<25 {
            var gradient = [Double](repeating: 0, count: dimension)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: dimension), count: dimension)
            for s in 0..<signalCount {
                gradient[s] = ridge * (theta[s] - prior)
                hessian[s][s] = ridge
            }
            hessian[signalCount][signalCount] = 1e-6
            for i in examples.indices {
                let row = x[i] + [1]
                let margin = zip(row, theta).reduce(0) { $0 + $1.0 * $1.1 }
                let p = 1 / (1 + exp(y[i] * margin))  // σ(−y m)
                for a in 0..<dimension {
                    gradient[a] -= c[i] * y[i] * p * row[a]
                    for b in 0..<dimension { hessian[a][b] += c[i] * p * (1 - p) * row[a] * row[b] }
                }
            }
            guard let step = solve(hessian, gradient.map { -$0 }) else { break }
            for a in 0..<dimension { theta[a] += step[a] }
            if step.reduce(0, { $0 + $1 * $1 }).squareRoot() < 1e-8 { break }
        }
        let clipped = theta.prefix(signalCount).map { max($0, 0) }
        let sum = clipped.reduce(0, +)
        guard sum > 0, sum.isFinite else { return equal }
        return clipped.map { $0 / sum }
    }

    /// Solves A z = r by Gaussian elimination with partial pivoting; nil when A is singular.
    static func solve(_ a: [[Double]], _ r: [Double]) -> [Double]? {
        var m = a
        var v = r
        let n = v.count
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }),
                abs(m[pivot][column]) > 1e-12
            else { return nil }
            m.swapAt(column, pivot)
            v.swapAt(column, pivot)
            for row in (column + 1)..<n {
                let factor = m[row][column] / m[column][column]
                for k in column..<n { m[row][k] -= factor * m[column][k] }
                v[row] -= factor * v[column]
            }
        }
        var z = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            let rest = ((row + 1)..<n).reduce(0) { $0 + m[row][$1] * z[$1] }
            z[row] = (v[row] - rest) / m[row][row]
        }
        return z
    }
}

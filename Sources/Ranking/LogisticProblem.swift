import Foundation
import TextAnalysis

/// The loss a linear learner minimises on each example's signed margin z = y (w·x + b).
public enum MarginLoss: String, Sendable, Hashable, Codable {
    /// log(1 + e^(−z)): logistic regression.
    case logistic
    /// max(0, 1 − z)²: the L2-loss linear SVM (LIBLINEAR's and scikit-learn's `LinearSVC` default).
    case squaredHinge = "squared-hinge"
}

/// The training problem of `LogisticRegression` and `LinearSVM` restricted to the features its
/// rows use: compact CSR rows, the compact weight vector and the Newton-CG solver (for the squared
/// hinge, with the generalised Hessian of Keerthi & DeCoste 2005, as LIBLINEAR's primal solver).
struct LogisticProblem {
    /// Global column of each compact column.
    private let globalColumns: [Int32]
    private let rowStarts: [Int]
    private let columns: [Int32]
    private let values: [Double]
    /// +1 for includes, −1 for excludes.
    private let signs: [Double]
    /// C · class weight of each example.
    private let exampleWeights: [Double]
    /// The loss on each example's signed margin.
    private let loss: MarginLoss
    /// Compact weights.
    private(set) var w: [Double]
    var intercept = 0.0

    /// The problem on `rows` (already compacted) starting from the global `weights`.
    init(
        rows: CompactTrainingRows, labels: [Bool], weights: [Double], exampleWeights: [Double],
        loss: MarginLoss = .logistic
    ) {
        self.loss = loss
        self.globalColumns = rows.globalColumns
        self.rowStarts = rows.rowStarts
        self.columns = rows.columns
        self.values = rows.values
        self.signs = labels.map { $0 ? 1 : -1 }
        self.exampleWeights = exampleWeights
        self.w = rows.globalColumns.map { weights[Int($0)] }
    }

    /// Writes the compact weights back into the full weight vector.
    func scatter(into weights: inout [Double]) {
        for (local, global) in globalColumns.enumerated() { weights[Int(global)] = w[local] }
    }

    // MARK: - Linear algebra on the compact rows

    /// X v + b for every row. Each row is summed in entry order (so the result does not depend
    /// on how rows are grouped), four rows side by side so their additions overlap.
    private func multiply(_ v: [Double], bias: Double) -> [Double] {
        var out = [Double](repeating: 0, count: signs.count)
        out.withUnsafeMutableBufferPointer { out in
            v.withUnsafeBufferPointer { v in
                rowStarts.withUnsafeBufferPointer { starts in
                    columns.withUnsafeBufferPointer { cols in
                        values.withUnsafeBufferPointer { vals in
                            var row = 0
                            while row + 4 <= out.count {
                                let (a, b, c, d) = (starts[row], starts[row + 1], starts[row + 2], starts[row + 3])
                                let (na, nb, nc, nd) = (b - a, c - b, d - c, starts[row + 4] - d)
                                let common = min(min(na, nb), min(nc, nd))
                                var (sa, sb, sc, sd) = (0.0, 0.0, 0.0, 0.0)
                                for k in 0..<common {
                                    sa += vals[a + k] * v[Int(cols[a + k])]
                                    sb += vals[b + k] * v[Int(cols[b + k])]
                                    sc += vals[c + k] * v[Int(cols[c + k])]
                                    sd += vals[d + k] * v[Int(cols[d + k])]
                                }
                                for k in common..<na { sa += vals[a + k] * v[Int(cols[a + k])] }
                                for k in common..<nb { sb += vals[b + k] * v[Int(cols[b + k])] }
                                for k in common..<nc { sc += vals[c + k] * v[Int(cols[c + k])] }
                                for k in common..<nd { sd += vals[d + k] * v[Int(cols[d + k])] }
                                (out[row], out[row + 1], out[row + 2], out[row + 3]) = (
                                    bias + sa, bias + sb, bias + sc, bias + sd
                                )
                                row += 4
                            }
                            while row < out.count {
                                var sum = 0.0
                                for k in starts[row]..<starts[row + 1] { sum += vals[k] * v[Int(cols[k])] }
                                out[row] = bias + sum
                                row += 1
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Xᵀ u.
    private func transposeMultiply(_ u: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: w.count)
        out.withUnsafeMutableBufferPointer { out in
            columns.withUnsafeBufferPointer { cols in
                values.withUnsafeBufferPointer { vals in
                    for row in 0..<signs.count where u[row] != 0 {
                        let scale = u[row]
                        for k in rowStarts[row]..<rowStarts[row + 1] { out[Int(cols[k])] += vals[k] * scale }
                    }
                }
            }
        }
        return out
    }

    // MARK: - Objective

    private static func logLoss(_ z: Double) -> Double {
        z > 0 ? log1p(exp(-z)) : -z + log1p(exp(z))
    }

    private static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }

    /// Loss Σ c_i ℓ(y_i m_i) of given margins (without the ½‖w‖² term).
    private func dataLoss(_ margins: [Double]) -> Double {
        var total = 0.0
        switch loss {
        case .logistic:
            for i in 0..<signs.count { total += exampleWeights[i] * Self.logLoss(signs[i] * margins[i]) }
        case .squaredHinge:
            for i in 0..<signs.count {
                let slack = max(0, 1 - signs[i] * margins[i])
                total += exampleWeights[i] * slack * slack
            }
        }
        return total
    }

    /// Gradient (w part, intercept part) and the Hessian's diagonal data weights D for the
    /// margins of the current point.
    private func gradient(margins: [Double]) -> (gw: [Double], gb: Double, d: [Double]) {
        var u = [Double](repeating: 0, count: signs.count)
        var d = [Double](repeating: 0, count: signs.count)
        var gb = 0.0
        for i in 0..<signs.count {
            switch loss {
            case .logistic:
                let s = Self.sigmoid(signs[i] * margins[i])
                u[i] = exampleWeights[i] * (s - 1) * signs[i]
                d[i] = exampleWeights[i] * s * (1 - s)
            case .squaredHinge:
                // Only examples inside the margin contribute (generalised Hessian: 2 c_i there, 0 elsewhere).
                let slack = 1 - signs[i] * margins[i]
                u[i] = slack > 0 ? -2 * exampleWeights[i] * slack * signs[i] : 0
                d[i] = slack > 0 ? 2 * exampleWeights[i] : 0
            }
            gb += u[i]
        }
        var gw = transposeMultiply(u)
        for j in 0..<gw.count { gw[j] += w[j] }
        return (gw, gb, d)
    }

    private func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for k in 0..<a.count { sum += a[k] * b[k] }
        return sum
    }

    // MARK: - Newton-CG

    /// Minimises the objective from the current (warm-start) point.
    ///
    /// Stops when ‖∇‖ ≤ tolerance · ½ Σ_i c_i: for unit-length rows that bound is at least the
    /// gradient norm at w = 0 (up to the intercept term), so the test is relative, as in LIBLINEAR,
    /// without a pass over the data to compute the reference. The line search reuses X·s, so a
    /// trial step costs O(n), not a pass over the features.
    mutating func minimize(tolerance: Double, maximumNewtonSteps: Int, maximumConjugateGradientSteps: Int) {
        guard !signs.isEmpty else { return }
        let reference = 0.5 * exampleWeights.reduce(0, +)
        var margins = multiply(w, bias: intercept)
        var regulariser = 0.5 * dot(w, w)
        var loss = regulariser + dataLoss(margins)
        for _ in 0..<maximumNewtonSteps {
            let (gw, gb, d) = gradient(margins: margins)
            let gradientNorm = (dot(gw, gw) + gb * gb).squareRoot()
            if gradientNorm <= tolerance * reference { break }
            let (sw, sb) = conjugateGradient(gw: gw, gb: gb, d: d, maximumSteps: maximumConjugateGradientSteps)
            let slope = dot(gw, sw) + gb * sb
            let direction = multiply(sw, bias: sb)
            let (ww, ws, ss) = (dot(w, w), dot(w, sw), dot(sw, sw))
            var step = 1.0
            var accepted = false
            for _ in 0..<20 {
                let trialMargins = zip(margins, direction).map { $0 + step * $1 }
                let trialRegulariser = 0.5 * (ww + 2 * step * ws + step * step * ss)
                let trialLoss = trialRegulariser + dataLoss(trialMargins)
                if trialLoss <= loss + 1e-4 * step * slope {
                    for j in 0..<w.count { w[j] += step * sw[j] }
                    intercept += step * sb
                    margins = trialMargins
                    regulariser = trialRegulariser
                    loss = trialLoss
                    accepted = true
                    break
                }
                step *= 0.5
            }
            if !accepted { break }
        }
    }

    /// Approximately solves H s = −g (H = I + Xᵀ D X, intercept unregularised) by conjugate gradient.
    private func conjugateGradient(gw: [Double], gb: Double, d: [Double], maximumSteps: Int) -> ([Double], Double) {
        var sw = [Double](repeating: 0, count: gw.count)
        var sb = 0.0
        var rw = gw.map { -$0 }
        var rb = -gb
        var pw = rw
        var pb = rb
        var rr = dot(rw, rw) + rb * rb
        let stop = 0.1 * rr.squareRoot()
        for _ in 0..<maximumSteps {
            if rr.squareRoot() <= stop { break }
            let xp = multiply(pw, bias: pb)
            let u = zip(d, xp).map { $0 * $1 }
            var hw = transposeMultiply(u)
            for j in 0..<hw.count { hw[j] += pw[j] }
            let hb = u.reduce(0, +) + 1e-8 * pb
            let curvature = dot(pw, hw) + pb * hb
            guard curvature > 0 else { break }
            let alpha = rr / curvature
            for j in 0..<sw.count { sw[j] += alpha * pw[j]; rw[j] -= alpha * hw[j] }
            sb += alpha * pb
            rb -= alpha * hb
            let next = dot(rw, rw) + rb * rb
            let beta = next / rr
            rr = next
            for j in 0..<pw.count { pw[j] = rw[j] + beta * pw[j] }
            pb = rb + beta * pb
        }
        return (sw, sb)
    }
}

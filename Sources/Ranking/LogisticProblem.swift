import Foundation
import TextAnalysis

/// The training problem of `LogisticRegression` restricted to the features its rows use:
/// compact CSR rows, the compact weight vector and the Newton-CG solver.
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
    /// Compact weights.
    private(set) var w: [Double]
    var intercept = 0.0

    /// - Parameter scratch: a buffer of `features.columnCount` entries, all −1, that is used as the
    ///   global → compact column map and returned all −1 again.
    init(features: SparseMatrix, labels: [Bool], weights: [Double], exampleWeights: [Double], scratch: inout [Int32]) {
        var globalColumns: [Int32] = []
        var columns = [Int32](repeating: 0, count: features.nonzeroCount)
        var values = [Double](repeating: 0, count: features.nonzeroCount)
        scratch.withUnsafeMutableBufferPointer { compactOf in
            features.columns.withUnsafeBufferPointer { source in
                for k in 0..<source.count {
                    let global = Int(source[k])
                    var local = compactOf[global]
                    if local < 0 {
                        local = Int32(globalColumns.count)
                        compactOf[global] = local
                        globalColumns.append(Int32(global))
                    }
                    columns[k] = local
                    values[k] = Double(features.values[k])
                }
            }
            for global in globalColumns { compactOf[Int(global)] = -1 }
        }
        self.globalColumns = globalColumns
        self.rowStarts = features.rowStarts
        self.columns = columns
        self.values = values
        self.signs = labels.map { $0 ? 1 : -1 }
        self.exampleWeights = exampleWeights
        self.w = globalColumns.map { weights[Int($0)] }
    }

    /// Writes the compact weights back into the full weight vector.
    func scatter(into weights: inout [Double]) {
        for (local, global) in globalColumns.enumerated() { weights[Int(global)] = w[local] }
    }

    // MARK: - Linear algebra on the compact rows

    /// X v + b for every row.
    private func multiply(_ v: [Double], bias: Double) -> [Double] {
        var out = [Double](repeating: bias, count: signs.count)
        v.withUnsafeBufferPointer { v in
            columns.withUnsafeBufferPointer { cols in
                values.withUnsafeBufferPointer { vals in
                    for row in 0..<signs.count {
                        var sum = 0.0
                        for k in rowStarts[row]..<rowStarts[row + 1] { sum += vals[k] * v[Int(cols[k])] }
                        out[row] += sum
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

    private func objective(_ w: [Double], _ b: Double) -> Double {
        let margins = multiply(w, bias: b)
        var loss = 0.5 * dot(w, w)
        for i in 0..<signs.count { loss += exampleWeights[i] * Self.logLoss(signs[i] * margins[i]) }
        return loss
    }

    /// Gradient (w part, intercept part) and the Hessian's diagonal data weights D at (w, b).
    private func gradient(_ w: [Double], _ b: Double) -> (gw: [Double], gb: Double, d: [Double]) {
        let margins = multiply(w, bias: b)
        var u = [Double](repeating: 0, count: signs.count)
        var d = [Double](repeating: 0, count: signs.count)
        var gb = 0.0
        for i in 0..<signs.count {
            let s = Self.sigmoid(signs[i] * margins[i])
            u[i] = exampleWeights[i] * (s - 1) * signs[i]
            d[i] = exampleWeights[i] * s * (1 - s)
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
    mutating func minimize(tolerance: Double, maximumNewtonSteps: Int, maximumConjugateGradientSteps: Int) {
        guard !signs.isEmpty else { return }
        let zero = gradient([Double](repeating: 0, count: w.count), 0)
        let reference = (dot(zero.gw, zero.gw) + zero.gb * zero.gb).squareRoot()
        var loss = objective(w, intercept)
        for _ in 0..<maximumNewtonSteps {
            let (gw, gb, d) = gradient(w, intercept)
            let gradientNorm = (dot(gw, gw) + gb * gb).squareRoot()
            if gradientNorm <= tolerance * reference { break }
            let (sw, sb) = conjugateGradient(gw: gw, gb: gb, d: d, maximumSteps: maximumConjugateGradientSteps)
            let slope = dot(gw, sw) + gb * sb
            var step = 1.0
            var accepted = false
            for _ in 0..<20 {
                let trialW = zip(w, sw).map { $0 + step * $1 }
                let trialB = intercept + step * sb
                let trialLoss = objective(trialW, trialB)
                if trialLoss <= loss + 1e-4 * step * slope {
                    w = trialW
                    intercept = trialB
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

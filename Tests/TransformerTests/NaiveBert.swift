import Foundation
import Transformer

/// A straight-line Double-precision BERT forward for one sequence, written from the definition
/// (Devlin et al. 2019; shared/golden/tools/ref_numpy.py) as the reference for the fast path.
struct NaiveBert {
    let configuration: BertConfiguration
    let tensors: [String: [Float]]

    private func t(_ name: String) -> [Double] { (tensors[name] ?? []).map(Double.init) }

    private func linear(_ x: [[Double]], _ prefix: String, out: Int) -> [[Double]] {
        let w = t(prefix + ".weight"), b = t(prefix + ".bias"), inner = x.first?.count ?? 0
        return x.map { row -> [Double] in
            (0..<out).map { o -> Double in
                var sum = b[o]
                for i in 0..<inner { sum += row[i] * w[o * inner + i] }
                return sum
            }
        }
    }

    private func layerNorm(_ x: [[Double]], _ prefix: String) -> [[Double]] {
        let g = t(prefix + ".weight"), b = t(prefix + ".bias"), eps = Double(configuration.layerNormEpsilon)
        return x.map { row in
            let mean = row.reduce(0, +) / Double(row.count)
            let variance = row.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(row.count)
            return row.indices.map { (row[$0] - mean) / (variance + eps).squareRoot() * g[$0] + b[$0] }
        }
    }

    /// Hidden states after the embeddings and each layer.
    func hiddenStates(_ ids: [Int32]) -> [[[Double]]] {
        let c = configuration, h = c.hidden, d = c.headDimension
        let word = t("embeddings.word_embeddings.weight"), position = t("embeddings.position_embeddings.weight")
        let type = t("embeddings.token_type_embeddings.weight")
        var x = ids.enumerated().map { p, id in (0..<h).map { word[Int(id) * h + $0] + position[p * h + $0] + type[$0] }
        }
        x = layerNorm(x, "embeddings.LayerNorm")
        var states = [x]
        let n = ids.count
        for layer in 0..<c.layers {
            let p = "encoder.layer.\(layer)."
            let q = linear(x, p + "attention.self.query", out: h)
            let k = linear(x, p + "attention.self.key", out: h)
            let v = linear(x, p + "attention.self.value", out: h)
            var context = [[Double]](repeating: [Double](repeating: 0, count: h), count: n)
            for head in 0..<c.heads {
                let columns = (head * d)..<((head + 1) * d)
                for i in 0..<n {
                    let scores = (0..<n).map { j in
                        columns.reduce(0.0) { $0 + q[i][$1] * k[j][$1] } / Double(d).squareRoot()
                    }
                    let top = scores.max() ?? 0
                    let exps = scores.map { exp($0 - top) }
                    let total = exps.reduce(0, +)
                    for col in columns { context[i][col] = (0..<n).reduce(0.0) { $0 + exps[$1] / total * v[$1][col] } }
                }
            }
            let attention = linear(context, p + "attention.output.dense", out: h)
            x = layerNorm(zip(x, attention).map { zip($0, $1).map(+) }, p + "attention.output.LayerNorm")
            let up = linear(x, p + "intermediate.dense", out: c.intermediate).map { row in
                row.map { 0.5 * $0 * (1 + erf($0 / 2.0.squareRoot())) }
            }
            let down = linear(up, p + "output.dense", out: h)
            x = layerNorm(zip(x, down).map { zip($0, $1).map(+) }, p + "output.LayerNorm")
            states.append(x)
        }
        return states
    }

    /// Mean-pooled, L2-normalised sentence embedding.
    func embed(_ ids: [Int32]) -> [Float] {
        let last = hiddenStates(ids).last ?? []
        let h = configuration.hidden
        let mean = (0..<h).map { j in last.reduce(0) { $0 + $1[j] } / Double(last.count) }
        let norm = max(mean.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-12)
        return mean.map { Float($0 / norm) }
    }
}

import CKernels
import Linalg

/// The BERT forward pass (Devlin et al. 2019; Hugging Face `BertModel`, post-LayerNorm) over a
/// packed chunk, followed by mean pooling and L2 normalisation (sentence-transformers `Pooling`
/// mode "mean" and `Normalize`).
struct PackedForward {
    let configuration: BertConfiguration
    let weights: BertWeights

    /// Embeds `sequences` (token ids with `[CLS]`/`[SEP]`, each at most `maxPositions` long);
    /// `trace` receives the hidden states `[tokens, hidden]` after the embeddings and each layer.
    func run(
        _ sequences: [[Int32]], workspace w: EncoderWorkspace,
        trace: ((UnsafeBufferPointer<Float>) -> Void)? = nil
    ) -> [[Float]] {
        let c = configuration
        let h = c.hidden, tokens = sequences.reduce(0) { $0 + $1.count }
        precondition(tokens <= w.capacity, "chunk exceeds workspace")
        let x = w.hidden.baseAddress.unsafelyUnwrapped
        embed(sequences, into: x)
        tk_bias_residual_layernorm(
            x, nil, nil, weights.embeddingNormWeight.pointer,
            weights.embeddingNormBias.pointer, x, tokens, h, c.layerNormEpsilon)
        trace?(UnsafeBufferPointer(start: x, count: tokens * h))
        for layer in weights.layers {
            attention(layer, sequences, tokens: tokens, workspace: w)
            feedForward(layer, tokens: tokens, workspace: w)
            trace?(UnsafeBufferPointer(start: x, count: tokens * h))
        }
        return pool(sequences, hidden: x)
    }

    /// x[row] = word[id] + position[p] + tokenType[0].
    private func embed(_ sequences: [[Int32]], into x: UnsafeMutablePointer<Float>) {
        let h = configuration.hidden
        let word = weights.wordEmbeddings.pointer, position = weights.positionEmbeddings.pointer
        let type = weights.tokenTypeEmbeddings.pointer
        var row = 0
        for ids in sequences {
            for (p, id) in ids.enumerated() {
                let out = x + row * h, w = word + Int(id) * h, pos = position + p * h
                for j in 0..<h { out[j] = w[j] + pos[j] + type[j] }
                row += 1
            }
        }
    }

    /// Multi-head self-attention with the residual and LayerNorm: x ← LN(x + Attn(x)·Woᵀ + bo).
    private func attention(
        _ layer: BertWeights.Layer, _ sequences: [[Int32]], tokens: Int,
        workspace w: EncoderWorkspace
    ) {
        let c = configuration
        let h = c.hidden, d = c.headDimension, stride = 3 * h
        let x = w.hidden.baseAddress.unsafelyUnwrapped, qkv = w.qkv.baseAddress.unsafelyUnwrapped
        let context = w.context.baseAddress.unsafelyUnwrapped
        let scores = w.scores.baseAddress.unsafelyUnwrapped
        gemm(
            transA: .none, transB: .transposed, m: tokens, n: stride, k: h,
            a: x, lda: h, b: layer.qkvWeight.pointer, ldb: h, c: qkv, ldc: stride)
        tk_add_bias(qkv, layer.qkvBias.pointer, tokens, stride)
        let scale = 1 / Float(d).squareRoot()
        var start = 0
        for ids in sequences {
            let n = ids.count, base = qkv + start * stride
            for head in 0..<c.heads {
                // scores = softmax(Q·Kᵀ / √d); context_head = scores · V.
                gemm(
                    transA: .none, transB: .transposed, m: n, n: n, k: d, alpha: scale,
                    a: base + head * d, lda: stride, b: base + h + head * d, ldb: stride,
                    c: scores, ldc: n)
                tk_softmax_rows(scores, n, n, n)
                gemm(
                    transA: .none, transB: .none, m: n, n: d, k: n,
                    a: scores, lda: n, b: base + 2 * h + head * d, ldb: stride,
                    c: context + start * h + head * d, ldc: h)
            }
            start += n
        }
        let projection = w.projection.baseAddress.unsafelyUnwrapped
        gemm(
            transA: .none, transB: .transposed, m: tokens, n: h, k: h,
            a: context, lda: h, b: layer.attentionOutputWeight.pointer, ldb: h, c: projection, ldc: h)
        tk_bias_residual_layernorm(
            projection, layer.attentionOutputBias.pointer, x,
            layer.attentionNormWeight.pointer, layer.attentionNormBias.pointer,
            x, tokens, h, c.layerNormEpsilon)
    }

    /// x ← LN(x + GELU(x·W1ᵀ + b1)·W2ᵀ + b2).
    private func feedForward(_ layer: BertWeights.Layer, tokens: Int, workspace w: EncoderWorkspace) {
        let c = configuration
        let h = c.hidden, inner = c.intermediate
        let x = w.hidden.baseAddress.unsafelyUnwrapped
        let intermediate = w.intermediate.baseAddress.unsafelyUnwrapped
        let projection = w.projection.baseAddress.unsafelyUnwrapped
        gemm(
            transA: .none, transB: .transposed, m: tokens, n: inner, k: h,
            a: x, lda: h, b: layer.intermediateWeight.pointer, ldb: h, c: intermediate, ldc: inner)
        tk_bias_gelu(intermediate, layer.intermediateBias.pointer, tokens, inner)
        gemm(
            transA: .none, transB: .transposed, m: tokens, n: h, k: inner,
            a: intermediate, lda: inner, b: layer.outputWeight.pointer, ldb: inner, c: projection, ldc: h)
        tk_bias_residual_layernorm(
            projection, layer.outputBias.pointer, x,
            layer.outputNormWeight.pointer, layer.outputNormBias.pointer,
            x, tokens, h, c.layerNormEpsilon)
    }

    /// Mean over each sequence's tokens ([CLS] and [SEP] included), then x / max(‖x‖, 1e-12).
    private func pool(_ sequences: [[Int32]], hidden x: UnsafeMutablePointer<Float>) -> [[Float]] {
        let h = configuration.hidden
        var start = 0
        return sequences.map { ids in
            var sum = [Double](repeating: 0, count: h)
            for row in start..<(start + ids.count) {
                let r = x + row * h
                for j in 0..<h { sum[j] += Double(r[j]) }
            }
            start += ids.count
            let mean = sum.map { $0 / Double(ids.count) }
            let norm = max(mean.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-12)
            return mean.map { Float($0 / norm) }
        }
    }
}

import Foundation

/// The tensors of a BERT encoder, looked up by Hugging Face `BertModel` checkpoint names, with or
/// without the `bert.` prefix of `BertFor…` checkpoints, and with the old TF-style LayerNorm names
/// (`gamma`/`beta`) as a fallback. Shapes are checked against the configuration.
public struct BertWeights: Sendable {
    /// One encoder layer's parameters (Linear weights stored `[out, in]`).
    public struct Layer: Sendable {
        /// Query, key and value weights stacked into `[3 · hidden, hidden]`.
        public let qkvWeight: WeightTensor
        /// Query, key and value biases stacked into `[3 · hidden]`.
        public let qkvBias: WeightTensor
        /// Attention output projection `[hidden, hidden]` and its bias `[hidden]`.
        public let attentionOutputWeight: WeightTensor, attentionOutputBias: WeightTensor
        /// LayerNorm after attention: scale and shift `[hidden]`.
        public let attentionNormWeight: WeightTensor, attentionNormBias: WeightTensor
        /// Feed-forward up projection `[intermediate, hidden]` and bias `[intermediate]`.
        public let intermediateWeight: WeightTensor, intermediateBias: WeightTensor
        /// Feed-forward down projection `[hidden, intermediate]` and bias `[hidden]`.
        public let outputWeight: WeightTensor, outputBias: WeightTensor
        /// LayerNorm after the feed-forward block: scale and shift `[hidden]`.
        public let outputNormWeight: WeightTensor, outputNormBias: WeightTensor
    }

    /// Token embeddings `[vocabularySize, hidden]`.
    public let wordEmbeddings: WeightTensor
    /// Position embeddings `[maxPositions, hidden]`.
    public let positionEmbeddings: WeightTensor
    /// Token type embeddings `[typeVocabularySize, hidden]` (only row 0 is used).
    public let tokenTypeEmbeddings: WeightTensor
    /// Embedding LayerNorm scale and shift `[hidden]`.
    public let embeddingNormWeight: WeightTensor, embeddingNormBias: WeightTensor
    /// The encoder layers, first to last.
    public let layers: [Layer]

    /// Loads and shape-checks every tensor the encoder needs from `file`.
    /// - Throws: `TransformerError.missingTensor`, `.wrongShape`, `.unsupportedDType`.
    public init(file: SafetensorsFile, configuration c: BertConfiguration) throws {
        let prefix =
            file.entries["embeddings.word_embeddings.weight"] == nil
                && file.entries["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""
        func load(_ name: String, _ shape: [Int]) throws -> WeightTensor {
            let full = prefix + name
            if file.entries[full] == nil, name.contains("LayerNorm.") {
                let legacy = name.replacingOccurrences(of: "LayerNorm.weight", with: "LayerNorm.gamma")
                    .replacingOccurrences(of: "LayerNorm.bias", with: "LayerNorm.beta")
                if file.entries[prefix + legacy] != nil { return try file.tensor(prefix + legacy, shape: shape) }
            }
            return try file.tensor(full, shape: shape)
        }
        let h = c.hidden
        wordEmbeddings = try load("embeddings.word_embeddings.weight", [c.vocabularySize, h])
        positionEmbeddings = try load("embeddings.position_embeddings.weight", [c.maxPositions, h])
        tokenTypeEmbeddings = try load("embeddings.token_type_embeddings.weight", [c.typeVocabularySize, h])
        embeddingNormWeight = try load("embeddings.LayerNorm.weight", [h])
        embeddingNormBias = try load("embeddings.LayerNorm.bias", [h])
        layers = try (0..<c.layers).map { index in
            let p = "encoder.layer.\(index)."
            let parts = try ["query", "key", "value"].map { part in
                (
                    try load(p + "attention.self.\(part).weight", [h, h]),
                    try load(p + "attention.self.\(part).bias", [h])
                )
            }
            return Layer(
                qkvWeight: WeightTensor(shape: [3 * h, h], values: parts.flatMap(\.0.values)),
                qkvBias: WeightTensor(shape: [3 * h], values: parts.flatMap(\.1.values)),
                attentionOutputWeight: try load(p + "attention.output.dense.weight", [h, h]),
                attentionOutputBias: try load(p + "attention.output.dense.bias", [h]),
                attentionNormWeight: try load(p + "attention.output.LayerNorm.weight", [h]),
                attentionNormBias: try load(p + "attention.output.LayerNorm.bias", [h]),
                intermediateWeight: try load(p + "intermediate.dense.weight", [c.intermediate, h]),
                intermediateBias: try load(p + "intermediate.dense.bias", [c.intermediate]),
                outputWeight: try load(p + "output.dense.weight", [h, c.intermediate]),
                outputBias: try load(p + "output.dense.bias", [h]),
                outputNormWeight: try load(p + "output.LayerNorm.weight", [h]),
                outputNormBias: try load(p + "output.LayerNorm.bias", [h]))
        }
    }
}

import Foundation

/// The sizes of a BERT encoder, read from a Hugging Face `config.json` (`BertConfig` keys).
public struct BertConfiguration: Equatable, Sendable {
    /// Width of every hidden state (`hidden_size`).
    public var hidden: Int
    /// Number of encoder layers (`num_hidden_layers`).
    public var layers: Int
    /// Number of attention heads (`num_attention_heads`); `hidden` must divide by it.
    public var heads: Int
    /// Width of the feed-forward layer (`intermediate_size`).
    public var intermediate: Int
    /// Vocabulary size (`vocab_size`).
    public var vocabularySize: Int
    /// Longest sequence the position embeddings cover (`max_position_embeddings`).
    public var maxPositions: Int
    /// Number of token types (`type_vocab_size`).
    public var typeVocabularySize: Int
    /// LayerNorm epsilon (`layer_norm_eps`, default 1e-12 as in `BertConfig`).
    public var layerNormEpsilon: Float

    /// Width of one attention head.
    public var headDimension: Int { hidden / heads }

    /// A configuration from explicit sizes (validated).
    public init(
        hidden: Int, layers: Int, heads: Int, intermediate: Int, vocabularySize: Int,
        maxPositions: Int, typeVocabularySize: Int = 2, layerNormEpsilon: Float = 1e-12
    ) throws {
        self.hidden = hidden
        self.layers = layers
        self.heads = heads
        self.intermediate = intermediate
        self.vocabularySize = vocabularySize
        self.maxPositions = maxPositions
        self.typeVocabularySize = typeVocabularySize
        self.layerNormEpsilon = layerNormEpsilon
        try validate()
    }

    /// Reads `config.json`.
    /// - Throws: `TransformerError.unreadableFile` or `.invalidConfiguration`.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TransformerError.unreadableFile(path: url.path, reason: error.localizedDescription)
        }
        try self.init(json: data)
    }

    /// Parses the JSON text of a `config.json`.
    public init(json data: Data) throws {
        guard let object = try? JSONSerialization.jsonObject(with: data),
            let dictionary = object as? [String: Any]
        else {
            throw TransformerError.invalidConfiguration("config.json is not a JSON object")
        }
        func integer(_ key: String, default fallback: Int? = nil) throws -> Int {
            if let value = dictionary[key] as? NSNumber { return value.intValue }
            if let fallback { return fallback }
            throw TransformerError.invalidConfiguration("\(key) is missing")
        }
        if let activation = dictionary["hidden_act"] as? String, activation != "gelu" {
            throw TransformerError.invalidConfiguration(
                "hidden_act \(activation) is not supported (only exact erf \"gelu\")")
        }
        if let positions = dictionary["position_embedding_type"] as? String, positions != "absolute" {
            throw TransformerError.invalidConfiguration(
                "position_embedding_type \(positions) is not supported (only \"absolute\")")
        }
        if let type = dictionary["model_type"] as? String, type != "bert" {
            throw TransformerError.invalidConfiguration("model_type \(type) is not BERT")
        }
        let epsilon = (dictionary["layer_norm_eps"] as? NSNumber)?.floatValue ?? 1e-12
        try self.init(
            hidden: integer("hidden_size"), layers: integer("num_hidden_layers"),
            heads: integer("num_attention_heads"), intermediate: integer("intermediate_size"),
            vocabularySize: integer("vocab_size"), maxPositions: integer("max_position_embeddings"),
            typeVocabularySize: integer("type_vocab_size", default: 2), layerNormEpsilon: epsilon)
    }

    private func validate() throws {
        for (name, value) in [
            ("hidden_size", hidden), ("num_hidden_layers", layers),
            ("num_attention_heads", heads), ("intermediate_size", intermediate),
            ("vocab_size", vocabularySize), ("max_position_embeddings", maxPositions),
            ("type_vocab_size", typeVocabularySize),
        ] where value <= 0 {
            throw TransformerError.invalidConfiguration("\(name) must be positive, is \(value)")
        }
        if hidden % heads != 0 {
            throw TransformerError.invalidConfiguration(
                "hidden_size \(hidden) is not a multiple of num_attention_heads \(heads)")
        }
        if maxPositions < 2 {
            throw TransformerError.invalidConfiguration("max_position_embeddings must be at least 2")
        }
    }
}

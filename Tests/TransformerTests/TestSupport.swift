import Foundation
import Testing
import Transformer
import TestSupport

/// Writes safetensors files for tests (format: huggingface/safetensors README).
struct SafetensorsWriter {
    enum DType: String { case f32 = "F32", f16 = "F16" }
    private var tensors: [(name: String, shape: [Int], values: [Float])] = []

    mutating func add(_ name: String, shape: [Int], values: [Float]) {
        tensors.append((name, shape, values))
    }

    /// The file bytes; `truncateBy` drops trailing bytes, `headerOverride` replaces the JSON.
    func bytes(dtype: DType = .f32, headerOverride: String? = nil) -> [UInt8] {
        var data: [UInt8] = []
        var entries: [String] = []
        for tensor in tensors {
            let start = data.count
            for value in tensor.values {
                switch dtype {
                case .f32: withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
                case .f16: withUnsafeBytes(of: Float16(value).bitPattern.littleEndian) { data.append(contentsOf: $0) }
                }
            }
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append(
                "\"\(tensor.name)\":{\"dtype\":\"\(dtype.rawValue)\",\"shape\":[\(shape)],\"data_offsets\":[\(start),\(data.count)]}"
            )
        }
        var header = Array(
            (headerOverride ?? "{\"__metadata__\":{\"format\":\"pt\"}," + entries.joined(separator: ",") + "}").utf8)
        while header.count % 8 != 0 { header.append(0x20) }
        var file: [UInt8] = []
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { file.append(contentsOf: $0) }
        return file + header + data
    }
}

/// A small random BERT written to a temporary folder (config.json, vocab.txt, model.safetensors).
struct TinyBert {
    let directory: URL
    let configuration: BertConfiguration
    let tensors: [String: [Float]]
    let shapes: [String: [Int]]
    let vocabulary: [String]

    static let vocabulary = [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "cat", "sat", "on", "mat", "dog",
        "##s", "a", ".", ",", "run", "##ning", "fast", "slow", "big", "small",
    ]

    /// - Parameters: prefix "bert." mimics `BertFor…` checkpoints; `dtype` sets the stored precision.
    init(
        seed: UInt64, hidden: Int = 12, layers: Int = 2, heads: Int = 3, intermediate: Int = 20,
        maxPositions: Int = 24, prefix: String = "", dtype: SafetensorsWriter.DType = .f32
    ) throws {
        var generator = SplitMix64(seed: seed)
        let vocabulary = Self.vocabulary
        let configuration = try BertConfiguration(
            hidden: hidden, layers: layers, heads: heads, intermediate: intermediate,
            vocabularySize: vocabulary.count, maxPositions: maxPositions, typeVocabularySize: 2,
            layerNormEpsilon: 1e-12)
        var shapes: [(String, [Int])] = [
            ("embeddings.word_embeddings.weight", [vocabulary.count, hidden]),
            ("embeddings.position_embeddings.weight", [maxPositions, hidden]),
            ("embeddings.token_type_embeddings.weight", [2, hidden]),
            ("embeddings.LayerNorm.weight", [hidden]), ("embeddings.LayerNorm.bias", [hidden]),
        ]
        for layer in 0..<layers {
            let p = "encoder.layer.\(layer)."
            for part in ["query", "key", "value"] {
                shapes += [
                    (p + "attention.self.\(part).weight", [hidden, hidden]),
                    (p + "attention.self.\(part).bias", [hidden]),
                ]
            }
            shapes += [
                (p + "attention.output.dense.weight", [hidden, hidden]), (p + "attention.output.dense.bias", [hidden]),
                (p + "attention.output.LayerNorm.weight", [hidden]), (p + "attention.output.LayerNorm.bias", [hidden]),
                (p + "intermediate.dense.weight", [intermediate, hidden]),
                (p + "intermediate.dense.bias", [intermediate]),
                (p + "output.dense.weight", [hidden, intermediate]), (p + "output.dense.bias", [hidden]),
                (p + "output.LayerNorm.weight", [hidden]), (p + "output.LayerNorm.bias", [hidden]),
            ]
        }
        shapes.append(("pooler.dense.weight", [hidden, hidden]))  // present in real checkpoints, unused
        var writer = SafetensorsWriter()
        var tensors: [String: [Float]] = [:]
        for (name, shape) in shapes {
            let isNormScale = name.hasSuffix("LayerNorm.weight")
            var values = (0..<shape.reduce(1, *)).map { _ in
                isNormScale
                    ? Float.random(in: 0.8...1.2, using: &generator) : Float.random(in: -0.5...0.5, using: &generator)
            }
            if dtype == .f16 { values = values.map { Float(Float16($0)) } }  // what the model will see
            tensors[name] = values
            writer.add(prefix + name, shape: shape, values: values)
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("tarsier-tinybert-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(writer.bytes(dtype: dtype)).write(to: directory.appendingPathComponent("model.safetensors"))
        try (vocabulary.joined(separator: "\n") + "\n").write(
            to: directory.appendingPathComponent("vocab.txt"), atomically: true, encoding: .utf8)
        let config = """
            {"architectures": ["BertModel"], "model_type": "bert", "hidden_act": "gelu",
             "hidden_size": \(hidden), "num_hidden_layers": \(layers), "num_attention_heads": \(heads),
             "intermediate_size": \(intermediate), "vocab_size": \(vocabulary.count),
             "max_position_embeddings": \(maxPositions), "type_vocab_size": 2, "layer_norm_eps": 1e-12,
             "position_embedding_type": "absolute"}
            """
        try config.write(to: directory.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
        self.directory = directory
        self.configuration = configuration
        self.tensors = tensors
        self.shapes = Dictionary(uniqueKeysWithValues: shapes)
        self.vocabulary = vocabulary
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// The real model for parity tests, found like the CLI finds it.
enum TestModel {
    static let directory = ModelLocator.find(explicit: nil)
    static let required = ProcessInfo.processInfo.environment["TARSIER_REQUIRE_MODEL"] == "1"
    /// Run model tests when the model is there, or when CI requires it (then a missing model fails).
    static let shouldRun = directory != nil || required
    static let skipMessage: Comment =
        "all-MiniLM-L6-v2 not found (Scripts/fetch-model.sh); set TARSIER_REQUIRE_MODEL=1 to fail instead"

    static let encoder: BertEncoder? = directory.flatMap { try? BertEncoder(modelDirectory: $0) }

    static func requireEncoder() throws -> BertEncoder {
        try #require(encoder, "no model: \(ModelLocator.missingModelMessage(explicit: nil))")
    }
}

/// The golden file copied from the shared golden data (see Fixtures/PROVENANCE.md).
enum Golden {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures", isDirectory: true)

    static func load(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func floats(_ value: Any?) -> [Float] {
        ((value as? [NSNumber]) ?? []).map(\.floatValue)
    }

    static func ids(_ value: Any?) -> [Int32] {
        ((value as? [NSNumber]) ?? []).map(\.int32Value)
    }
}

func maxAbsDifference(_ a: [Float], _ b: [Float]) -> Float {
    precondition(a.count == b.count)
    return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}

func cosine(_ a: [Float], _ b: [Float]) -> Double {
    var dot = 0.0, na = 0.0, nb = 0.0
    for (x, y) in zip(a, b) { dot += Double(x) * Double(y); na += Double(x) * Double(x); nb += Double(y) * Double(y) }
    return dot / max((na * nb).squareRoot(), 1e-300)
}

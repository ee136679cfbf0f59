import Foundation

/// Everything that can go wrong loading a BERT model folder (config, vocabulary, weights).
public enum TransformerError: Error, LocalizedError, Equatable {
    /// A file could not be opened or read.
    case unreadableFile(path: String, reason: String)
    /// `config.json` is malformed or describes an unsupported model.
    case invalidConfiguration(String)
    /// The safetensors header is not valid.
    case invalidSafetensorsHeader(path: String, reason: String)
    /// The file is shorter than its header says.
    case truncatedFile(path: String, expectedBytes: Int, actualBytes: Int)
    /// A tensor the model needs is not in the checkpoint.
    case missingTensor(String)
    /// A tensor has a different shape than the configuration implies.
    case wrongShape(tensor: String, expected: [Int], actual: [Int])
    /// A tensor's element type is not supported (F32, F16 and BF16 are).
    case unsupportedDType(tensor: String, dtype: String)
    /// `vocab.txt` lacks a token the tokenizer needs.
    case missingVocabularyToken(String)

    /// A lowercase one-line description.
    public var errorDescription: String? {
        switch self {
        case let .unreadableFile(path, reason):
            return "cannot read \(path): \(reason)"
        case let .invalidConfiguration(reason):
            return "invalid model configuration: \(reason)"
        case let .invalidSafetensorsHeader(path, reason):
            return "invalid safetensors header in \(path): \(reason)"
        case let .truncatedFile(path, expected, actual):
            return "\(path) is truncated: needs \(expected) bytes, has \(actual)"
        case let .missingTensor(name):
            return "tensor \(name) is missing from the checkpoint"
        case let .wrongShape(tensor, expected, actual):
            return "tensor \(tensor) has shape \(actual), expected \(expected)"
        case let .unsupportedDType(tensor, dtype):
            return "tensor \(tensor) has unsupported dtype \(dtype) (F32, F16 or BF16 expected)"
        case let .missingVocabularyToken(token):
            return "vocab.txt has no \(token) token"
        }
    }
}

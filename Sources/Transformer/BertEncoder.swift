import Dispatch
import Foundation
import ReviewModel
import Linalg

/// A BERT sentence encoder (sentence-transformers style: mean pooling, L2 normalisation) loaded
/// from a folder holding `config.json`, `vocab.txt` and `model.safetensors`.
///
/// Texts are tokenized, sorted by length and packed back to back into chunks of about
/// `tokensPerChunk` tokens, so no padding is computed at all; chunks are spread over worker
/// threads (see `Parallelism`). Thread-safe: `encode` may be called from several threads.
public final class BertEncoder: @unchecked Sendable {
    /// How the two (or more) cores are used.
    public enum Parallelism: Sendable, Equatable {
        /// One chunk at a time, OpenBLAS using `threads` threads inside each GEMM.
        case blasThreads(Int)
        /// `workers` chunks at once, each on its own thread with single-threaded OpenBLAS.
        case workers(Int)
    }

    /// The model's sizes.
    public let configuration: BertConfiguration
    /// The uncased WordPiece tokenizer for the model's vocabulary.
    public let tokenizer: BertTokenizer
    /// The folder the model was loaded from.
    public let modelDirectory: URL
    /// How encode() uses the cores; the default was measured fastest (Documentation/Benchmarks-encoder.md).
    public var parallelism: Parallelism
    /// Packed tokens per chunk (rows of every position-wise GEMM).
    public var tokensPerChunk = 1024

    let weights: BertWeights
    private let checkpoint: SafetensorsFile
    private let hashLock = NSLock()
    private var cachedHash: String?

    /// Length of an embedding (the hidden size).
    public var dimension: Int { configuration.hidden }

    /// Loads `config.json`, `vocab.txt` and `model.safetensors` (memory-mapped) from `modelDirectory`.
    /// - Throws: `TransformerError` for a missing/unreadable file, bad config or missing/misshapen tensor.
    public init(modelDirectory: URL) throws {
        self.modelDirectory = modelDirectory
        configuration = try BertConfiguration(contentsOf: modelDirectory.appendingPathComponent("config.json"))
        tokenizer = try BertTokenizer(vocabularyURL: modelDirectory.appendingPathComponent("vocab.txt"))
        checkpoint = try SafetensorsFile(url: modelDirectory.appendingPathComponent("model.safetensors"))
        weights = try BertWeights(file: checkpoint, configuration: configuration)
        if tokenizer.tokens.count > configuration.vocabularySize {
            throw TransformerError.invalidConfiguration(
                "vocab.txt has \(tokenizer.tokens.count) tokens but vocab_size is \(configuration.vocabularySize)")
        }
        parallelism = .workers(max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)))
    }

    /// Unit-length sentence embeddings (`[texts.count][dimension]`), one per text, each text
    /// truncated to `maxLength` wordpieces including `[CLS]`/`[SEP]` (clamped to the model's
    /// maximum position count).
    public func encode(_ texts: [String], maxLength: Int = 256) -> [[Float]] {
        let limit = effectiveMaxLength(maxLength)
        return encode(tokenIDs: texts.map { tokenizer.encode($0, maxLength: limit) })
    }

    /// Embeddings for already tokenized sequences (each with `[CLS]`/`[SEP]`, at most
    /// `configuration.maxPositions` long, ids below `vocabularySize`).
    public func encode(tokenIDs sequences: [[Int32]]) -> [[Float]] {
        let configuration = self.configuration
        for ids in sequences {
            precondition(ids.count <= configuration.maxPositions, "sequence longer than max_position_embeddings")
            precondition(ids.allSatisfy { $0 >= 0 && Int($0) < configuration.vocabularySize }, "token id out of range")
        }
        let chunks = Self.chunks(sequences, tokensPerChunk: tokensPerChunk)
        let results = ResultSlots(count: sequences.count)
        let forward = PackedForward(configuration: configuration, weights: weights)
        let (workers, blasThreads): (Int, Int)
        switch parallelism {
        case .blasThreads(let threads): (workers, blasThreads) = (1, threads)
        case .workers(let count): (workers, blasThreads) = (min(count, max(chunks.count, 1)), 1)
        }
        let longest = sequences.map(\.count).max() ?? 0
        let capacity = chunks.map { $0.reduce(0) { $0 + sequences[$1].count } }.max() ?? 0
        let next = ChunkCounter()
        BLASThreads.with(blasThreads) {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                let workspace = EncoderWorkspace(
                    configuration: configuration, tokens: capacity,
                    longestSequence: longest)
                while let index = next.take(below: chunks.count) {
                    let members = chunks[index]
                    let embeddings = forward.run(members.map { sequences[$0] }, workspace: workspace)
                    for (member, embedding) in zip(members, embeddings) { results.store(embedding, at: member) }
                }
            }
        }
        return results.values
    }

    /// The hidden states of one sequence after the embeddings and after each layer
    /// (`[layers + 1][ids.count · hidden]`), for debugging a port against a reference.
    public func hiddenStates(tokenIDs ids: [Int32]) -> [[Float]] {
        var states: [[Float]] = []
        let workspace = EncoderWorkspace(configuration: configuration, tokens: ids.count, longestSequence: ids.count)
        _ = PackedForward(configuration: configuration, weights: weights)
            .run([ids], workspace: workspace) { states.append(Array($0)) }
        return states
    }

    /// `maxLength` clamped to [2, max_position_embeddings].
    public func effectiveMaxLength(_ maxLength: Int) -> Int {
        min(max(maxLength, 2), configuration.maxPositions)
    }

    /// Hex SHA-256 of `model.safetensors`, identifying the weights (e.g. as an embedding cache key).
    /// Computed once from the mapped file and remembered in a sidecar `model.safetensors.sha256`
    /// (keyed by file size and modification time) when the folder is writable.
    public var weightsSHA256: String {
        hashLock.lock()
        defer { hashLock.unlock() }
        if let cachedHash { return cachedHash }
        let url = modelDirectory.appendingPathComponent("model.safetensors")
        let hash =
            WeightsHashSidecar(modelFile: url).read()
            ?? {
                let digest = checkpoint.withBytes { SHA256.hex($0) }
                WeightsHashSidecar(modelFile: url).write(digest)
                return digest
            }()
        cachedHash = hash
        return hash
    }

    /// Groups sequence indices into chunks of about `tokensPerChunk` tokens, longest first, so
    /// similar lengths share a chunk and the expensive chunks are scheduled before the cheap ones.
    static func chunks(_ sequences: [[Int32]], tokensPerChunk: Int) -> [[Int]] {
        let order = sequences.indices.sorted { sequences[$0].count > sequences[$1].count }
        var chunks: [[Int]] = []
        var current: [Int] = []
        var tokens = 0
        for index in order {
            let length = sequences[index].count
            if !current.isEmpty && tokens + length > tokensPerChunk {
                chunks.append(current)
                current = []
                tokens = 0
            }
            current.append(index)
            tokens += length
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }
}

/// Output slots written by worker threads (each index exactly once).
private final class ResultSlots: @unchecked Sendable {
    private var slots: [[Float]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func store(_ value: [Float], at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }
    var values: [[Float]] { lock.lock(); defer { lock.unlock() }; return slots }
}

/// Hands out chunk indices to workers.
private final class ChunkCounter: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()
    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}

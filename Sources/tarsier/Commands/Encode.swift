import ArgumentParser
import Foundation
import Transformer

/// `tarsier encode`: sentence embeddings for stdin lines, one JSON array per line.
struct Encode: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Embed one text per stdin line; print one JSON array of floats per line.",
        discussion: """
            Uses the BERT model folder given by --model, else $TARSIER_MODEL, else the cache \
            folder that Scripts/fetch-model.sh fills. Nothing is downloaded.
            """)

    @Option(name: .long, help: "Model folder with config.json, vocab.txt and model.safetensors.")
    var model: String?

    @Option(name: .long, help: "Longest input in wordpieces, [CLS] and [SEP] included.")
    var maxLength = 256

    @Option(name: .long, help: ArgumentHelp("Lines embedded per batch.", visibility: .hidden))
    var batchSize = 1024

    @Option(name: .long, help: ArgumentHelp("Threads: OpenBLAS threads inside each GEMM.", visibility: .hidden))
    var blasThreads: Int?

    @Option(name: .long, help: ArgumentHelp("Packed tokens per chunk.", visibility: .hidden))
    var chunkTokens: Int?

    func validate() throws {
        guard maxLength >= 2 else { throw ValidationError("--max-length must be at least 2") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() async throws {
        guard let directory = ModelLocator.find(explicit: model) else {
            FileHandle.standardError.write(Data("error: \(ModelLocator.missingModelMessage(explicit: model))\n".utf8))
            throw ExitCode.failure
        }
        let encoder: BertEncoder
        do { encoder = try BertEncoder(modelDirectory: directory) } catch {
            FileHandle.standardError.write(Data("error: \(error.localizedDescription)\n".utf8))
            throw ExitCode.failure
        }
        if let blasThreads { encoder.parallelism = .blasThreads(max(1, blasThreads)) }
        if let chunkTokens { encoder.tokensPerChunk = max(1, chunkTokens) }
        if maxLength > encoder.configuration.maxPositions {
            throw ValidationError(
                "--max-length \(maxLength) exceeds the model's \(encoder.configuration.maxPositions) positions")
        }
        var batch: [String] = []
        while let line = readLine(strippingNewline: true) {
            batch.append(line)
            if batch.count == batchSize {
                write(encoder.encode(batch, maxLength: maxLength))
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { write(encoder.encode(batch, maxLength: maxLength)) }
    }

    /// One JSON array per embedding; Swift's Float description is the shortest round-trip decimal.
    private func write(_ embeddings: [[Float]]) {
        var text = ""
        for embedding in embeddings {
            text += "["
            text += embedding.map { "\($0)" }.joined(separator: ",")
            text += "]\n"
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

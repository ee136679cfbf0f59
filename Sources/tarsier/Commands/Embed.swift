import ArgumentParser
import Foundation
import ReviewStore
import Transformer

/// `tarsier embed`: compute and cache BERT embeddings of a review's records.
struct Embed: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Embed a review's records with the BERT model and cache them in the review.",
        discussion: """
            Embeds title + abstract of every record not yet embedded with this model (keyed by the \
            weights' SHA-256), committing every batch: stop it at any time and run it again to \
            continue. `tarsier status` shows how many are done. Screening never waits for this; \
            the ranker uses the embeddings that exist.
            """)

    @OptionGroup var review: ReviewArgument
    @Option(help: "Model folder with config.json, vocab.txt and model.safetensors.") var model: String?
    @Option(help: "Records embedded and committed per batch.") var batchSize = 64
    @Option(help: "Longest input in wordpieces.") var maxLength = 256

    func run() throws {
        let database = try review.open()
        guard let directory = ModelLocator.find(explicit: model) else {
            Console.error("tarsier: error: \(ModelLocator.missingModelMessage(explicit: model))")
            throw ExitCode.failure
        }
        let encoder = try Console.run { try BertEncoder(modelDirectory: directory) }
        let sha = encoder.weightsSHA256
        let total = try Console.run { try database.status().screenable }
        var done = try Console.run { try database.embeddingCount(modelSHA256: sha) }
        let bar = ProgressBar(label: "embedding", unit: " rec")
        let start = done
        let began = Date()
        while true {
            let batch = try Console.run { try database.recordsMissingEmbeddings(modelSHA256: sha, limit: max(1, batchSize)) }
            if batch.isEmpty { break }
            let vectors = encoder.encode(batch.map(\.text), maxLength: maxLength)
            try Console.run { try database.saveEmbeddings(zip(batch.map(\.id), vectors).map { ($0, $1) }, modelSHA256: sha) }
            done += batch.count
            bar.update(done, of: total)
        }
        bar.finish()
        let seconds = Date().timeIntervalSince(began)
        let rate = seconds > 0 ? Double(done - start) / seconds : 0
        print("\(done) of \(total) records embedded (\(done - start) now, \(String(format: "%.1f", rate)) records/s) with \(directory.lastPathComponent) [\(sha.prefix(12))]")
    }
}

import ReviewModel
import Foundation
import Testing
import Transformer

/// A small random BERT of non-MiniLM sizes, written by the test, checked against `NaiveBert`.
@Suite("Tiny random BERT")
struct TinyBertTests {
    @Test(
        "Loads non-MiniLM sizes from config.json and matches the naive Double reference",
        arguments: [(12, 2, 3, 20), (16, 3, 4, 40), (8, 1, 1, 8)])
    func matchesNaiveReference(sizes: (Int, Int, Int, Int)) throws {
        let tiny = try TinyBert(
            seed: UInt64(sizes.0 * 100 + sizes.1), hidden: sizes.0, layers: sizes.1,
            heads: sizes.2, intermediate: sizes.3)
        defer { tiny.remove() }
        let encoder = try BertEncoder(modelDirectory: tiny.directory)
        #expect(encoder.configuration == tiny.configuration)
        #expect(encoder.dimension == sizes.0)
        let reference = NaiveBert(configuration: tiny.configuration, tensors: tiny.tensors)
        let ids: [Int32] = [2, 4, 5, 6, 7, 4, 8, 12, 3]
        let states = encoder.hiddenStates(tokenIDs: ids)
        let expected = reference.hiddenStates(ids)
        #expect(states.count == sizes.1 + 1)
        for (actual, wanted) in zip(states, expected) {
            #expect(maxAbsDifference(actual, wanted.flatMap { $0.map(Float.init) }) < 1e-4)
        }
        let embedding = try #require(encoder.encode(tokenIDs: [ids]).first)
        #expect(maxAbsDifference(embedding, reference.embed(ids)) < 1e-5)
    }

    @Test("Packed batches of mixed lengths equal one-at-a-time embeddings, with every parallelism")
    func batchedEqualsSingle() throws {
        let tiny = try TinyBert(seed: 7)
        defer { tiny.remove() }
        let encoder = try BertEncoder(modelDirectory: tiny.directory)
        let texts = [
            "the cat sat on the mat.", "dog", "", "the big dogs running fast, the small cats slow.",
            "a cat", "zebra unknown words", "the mat, the mat, the mat, the mat, the mat, the mat.",
        ]
        encoder.parallelism = .blasThreads(1)
        let single = texts.map { encoder.encode([$0]).first ?? [] }
        for parallelism in [BertEncoder.Parallelism.blasThreads(2), .workers(2), .workers(3)] {
            for chunk in [1, 16, 4096] {
                encoder.parallelism = parallelism
                encoder.tokensPerChunk = chunk
                let batched = encoder.encode(texts)
                #expect(batched.count == texts.count)
                for (a, b) in zip(batched, single) {
                    #expect(maxAbsDifference(a, b) < 1e-6, "\(parallelism) chunk \(chunk)")
                }
            }
        }
        // Unit length, and different texts give different vectors.
        for vector in single { #expect(abs(cosine(vector, vector) - 1) < 1e-6) }
        #expect(cosine(single[0], single[1]) < 0.9999)
    }

    @Test("Texts longer than maxLength are truncated to maxLength wordpieces including [CLS]/[SEP]")
    func truncation() throws {
        let tiny = try TinyBert(seed: 9, maxPositions: 10)
        defer { tiny.remove() }
        let encoder = try BertEncoder(modelDirectory: tiny.directory)
        let long = Array(repeating: "cat", count: 30).joined(separator: " ")
        #expect(encoder.tokenizer.encode(long, maxLength: 6).count == 6)
        // maxLength above max_position_embeddings is clamped instead of overrunning the table.
        #expect(encoder.effectiveMaxLength(512) == 10)
        let clamped = encoder.encode([long], maxLength: 512)
        let explicit = encoder.encode(tokenIDs: [encoder.tokenizer.encode(long, maxLength: 10)])
        #expect(clamped == explicit)
    }

    @Test("F16 and bert.-prefixed checkpoints load and give the F32 result")
    func halfPrecisionAndPrefix() throws {
        let half = try TinyBert(seed: 11, prefix: "bert.", dtype: .f16)
        defer { half.remove() }
        let encoder = try BertEncoder(modelDirectory: half.directory)
        let reference = NaiveBert(configuration: half.configuration, tensors: half.tensors)
        let ids: [Int32] = [2, 9, 10, 14, 15, 3]
        let embedding = try #require(encoder.encode(tokenIDs: [ids]).first)
        #expect(maxAbsDifference(embedding, reference.embed(ids)) < 1e-5)
        let file = try SafetensorsFile(url: half.directory.appendingPathComponent("model.safetensors"))
        #expect(file.entries["bert.embeddings.word_embeddings.weight"]?.dtype == "F16")
    }

    @Test("The weights hash is the SHA-256 of model.safetensors and is remembered in a sidecar")
    func weightsHash() throws {
        let tiny = try TinyBert(seed: 13)
        defer { tiny.remove() }
        let url = tiny.directory.appendingPathComponent("model.safetensors")
        let expected = SHA256.hex(try Data(contentsOf: url))
        let encoder = try BertEncoder(modelDirectory: tiny.directory)
        #expect(encoder.weightsSHA256 == expected)
        let sidecar = try String(contentsOf: url.appendingPathExtension("sha256"), encoding: .utf8)
        #expect(sidecar.hasPrefix(expected + " "))
        #expect(try BertEncoder(modelDirectory: tiny.directory).weightsSHA256 == expected)
    }
}

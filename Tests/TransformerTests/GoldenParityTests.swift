import Foundation
import Testing
import Transformer

/// Parity with sentence-transformers on the real all-MiniLM-L6-v2 (Fixtures/all-MiniLM-L6-v2.json).
@Suite("Golden parity: all-MiniLM-L6-v2", .enabled(if: TestModel.shouldRun, TestModel.skipMessage))
struct GoldenParityTests {
    let golden: [String: Any]
    let texts: [[String: Any]]

    init() throws {
        golden = try Golden.load("all-MiniLM-L6-v2.json")
        texts = try #require(golden["texts"] as? [[String: Any]])
    }

    @Test("Token ids equal the reference exactly, truncated and untruncated")
    func tokenIDs() throws {
        let tokenizer = try TestModel.requireEncoder().tokenizer
        #expect(texts.count == 8)
        for text in texts {
            let string = try #require(text["text"] as? String)
            let id = text["id"] as? String ?? "?"
            let untruncated = (text["num_wordpieces_untruncated"] as? NSNumber)?.intValue
            #expect(tokenizer.encode(string).count == untruncated, "\(id)")
            for length in [256, 512] {
                guard let section = text["max_seq_length_\(length)"] as? [String: Any] else { continue }
                let ids = tokenizer.encode(string, maxLength: length)
                #expect(ids == Golden.ids(section["input_ids"]), "\(id) at \(length)")
                #expect(tokenizer.tokenStrings(ids) == (section["tokens"] as? [String]), "\(id) tokens at \(length)")
            }
        }
    }

    @Test("Embeddings are within 1e-4 per element and cosine ≥ 0.99999 at max lengths 256 and 512")
    func embeddings() throws {
        let encoder = try TestModel.requireEncoder()
        var checked = 0
        for length in [256, 512] {
            let sections = texts.compactMap { text -> (String, String, [Float])? in
                guard let section = text["max_seq_length_\(length)"] as? [String: Any],
                    let string = text["text"] as? String
                else { return nil }
                return (text["id"] as? String ?? "?", string, Golden.floats(section["embedding"]))
            }
            // All texts of one length in one call: packed chunks must not leak between texts.
            let embeddings = encoder.encode(sections.map(\.1), maxLength: length)
            for ((id, _, expected), actual) in zip(sections, embeddings) {
                #expect(actual.count == 384)
                let difference = maxAbsDifference(actual, expected)
                let similarity = cosine(actual, expected)
                #expect(difference <= 1e-4, "\(id) at \(length): max abs diff \(difference)")
                #expect(similarity >= 0.99999, "\(id) at \(length): cosine \(similarity)")
                checked += 1
            }
        }
        #expect(checked == 9)
    }

    @Test("Query/document cosine similarities match the reference pairs")
    func pairs() throws {
        let encoder = try TestModel.requireEncoder()
        let pairs = try #require(golden["pairs_bi_encoder"] as? [[String: Any]])
        for pair in pairs {
            let query = try #require(pair["query"] as? String), doc = try #require(pair["doc"] as? String)
            let expected = try #require(pair["cosine_similarity"] as? NSNumber)
            let vectors = encoder.encode([query, doc])
            #expect(abs(cosine(vectors[0], vectors[1]) - expected.doubleValue) < 1e-4)
        }
    }

    @Test("Hidden states after the embeddings and every layer match the debug reference")
    func perLayer() throws {
        let encoder = try TestModel.requireEncoder()
        let debug = try Golden.load("all-MiniLM-L6-v2.debug.json")
        let ids = Golden.ids(debug["input_ids"])
        let expected = try #require(debug["hidden_states"] as? [[[NSNumber]]])
        let states = encoder.hiddenStates(tokenIDs: ids)
        #expect(states.count == expected.count)
        for (index, (actual, reference)) in zip(states, expected).enumerated() {
            let flat = reference.flatMap { $0.map(\.floatValue) }
            let difference = maxAbsDifference(actual, flat)
            #expect(difference < 1e-4, "state \(index): max abs diff \(difference)")
        }
    }

    @Test("The weights hash equals the published SHA-256 of model.safetensors")
    func weightsHash() throws {
        let encoder = try TestModel.requireEncoder()
        let sums = try #require(golden["sha256"] as? [String: String])
        #expect(encoder.weightsSHA256 == sums["model.safetensors"])
        #expect(encoder.dimension == 384)
    }
}

import Foundation
import Testing
@testable import Evaluation

@Suite("Embedding cache")
struct EmbeddingCacheTests {
    let modelA = String(repeating: "a", count: 64)
    let modelB = String(repeating: "b", count: 64)

    func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("tarsier-cache-\(UUID().uuidString)/emb.f32")
    }

    @Test("round-trips embeddings keyed by the text's SHA-256")
    func roundTrip() throws {
        let url = temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let cache = EmbeddingCache(fileURL: url, modelSHA256: modelA, dimension: 3)
        #expect(try cache.load().isEmpty)
        let one = EmbeddingCache.textKey("Title\nAbstract")
        let two = EmbeddingCache.textKey("Other title\nabstract")
        try cache.append([(one, [0.5, -1.25, 3e-8])])
        try cache.append([(two, [1, 2, 3])])
        let loaded = try cache.load()
        #expect(loaded[one] == [0.5, -1.25, 3e-8])
        #expect(loaded[two] == [1, 2, 3])
        #expect(try cache.load(keys: [two]).keys.sorted() == [two])
        #expect(EmbeddingCache.textKey("Title\nAbstract") == one && one != EmbeddingCache.textKey("Title\nabstract"))
        #expect(EmbeddingCache.textKey("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("refuses a file written for another model or dimension")
    func keyedByModel() throws {
        let url = temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try EmbeddingCache(fileURL: url, modelSHA256: modelA, dimension: 2).append([
            (EmbeddingCache.textKey("x"), [1, 2])
        ])
        #expect(throws: EvaluationError.self) {
            try EmbeddingCache(fileURL: url, modelSHA256: modelB, dimension: 2).load()
        }
        #expect(throws: EvaluationError.self) {
            try EmbeddingCache(fileURL: url, modelSHA256: modelA, dimension: 3).load()
        }
        #expect(throws: EvaluationError.self) {
            try EmbeddingCache(fileURL: url, modelSHA256: modelB, dimension: 2).append([
                (EmbeddingCache.textKey("y"), [3, 4])
            ])
        }
    }

    @Test("ignores a torn last entry and appends over it")
    func tornTail() throws {
        let url = temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let cache = EmbeddingCache(fileURL: url, modelSHA256: modelA, dimension: 2)
        try cache.append([(EmbeddingCache.textKey("a"), [1, 2]), (EmbeddingCache.textKey("b"), [3, 4])])
        let handle = try FileHandle(forUpdating: url)
        let size = try handle.seekToEnd()
        try handle.truncate(atOffset: size - 3)
        try handle.close()
        #expect(try cache.load().count == 1)
        try cache.append([(EmbeddingCache.textKey("c"), [5, 6])])
        let loaded = try cache.load()
        #expect(loaded.count == 2 && loaded[EmbeddingCache.textKey("c")] == [5, 6])
    }

    @Test("the default file lives under XDG_CACHE_HOME and is named by the model")
    func defaultFile() {
        let url = EmbeddingCache.defaultFile(
            modelSHA256: modelA, environment: ["XDG_CACHE_HOME": "/tmp/xdg", "HOME": "/home/u"])
        #expect(url.path == "/tmp/xdg/tarsier/embeddings/aaaaaaaaaaaaaaaa.f32")
        let home = EmbeddingCache.defaultFile(modelSHA256: modelB, environment: ["HOME": "/home/u"])
        #expect(home.path == "/home/u/.cache/tarsier/embeddings/bbbbbbbbbbbbbbbb.f32")
    }
}

import Foundation
import TestSupport
import Testing

/// A review keeps its classical features: the first screen builds them from every title and
/// abstract and keeps them; a screen reopened on the same records and topic reads them instead,
/// and ranks exactly as one that built them (CLEF CD010632 cut, hybrid without embeddings).
@Suite("Classical features kept across sittings", .serialized)
struct FeatureCacheTests {
    static func trace(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            String($0.drop { $0 != " " }.dropFirst())
        }
    }

    func sitting(_ review: String, count: Int, trace: String, in dir: URL) throws {
        try Data("oracle \(count)\n".utf8).write(to: dir.appendingPathComponent("o.txt"))
        let run = try KilledRun(
            [
                "screen", review, "--as", "oracle", "--script", "o.txt", "--oracle-labels", "set.labels.csv",
                "--no-embed",
            ], in: dir, environment: ["TARSIER_TRACE": dir.appendingPathComponent(trace).path])
        run.finish()
        #expect(run.process.terminationStatus == 0)
    }

    @Test("the second sitting reads the kept features and follows the same order as building them")
    func keptFeatures() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let name = "clef17-CD010632"
        for (suffix, target) in [(".csv", "set.csv"), (".labels.csv", "set.labels.csv"), (".topic.json", "topic.json")]
        {
            try FileManager.default.copyItem(
                at: TestData.fixture("parity/" + name + suffix), to: dir.appendingPathComponent(target))
        }
        #expect(try TarsierBinary.run(["init", "a.tarsier", "--topic", "topic.json"], in: dir).status == 0)
        #expect(try TarsierBinary.run(["import", "a.tarsier", "set.csv", "--quiet"], in: dir).status == 0)
        for suffix in ["", "-wal", "-shm"]
        where FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.tarsier" + suffix).path) {
            try FileManager.default.copyItem(
                at: dir.appendingPathComponent("a.tarsier" + suffix),
                to: dir.appendingPathComponent("b.tarsier" + suffix))
        }
        // a: two sittings, the second on kept features; b: one sitting that builds them.
        try sitting("a.tarsier", count: 10, trace: "a1.trace", in: dir)
        try sitting("a.tarsier", count: 50, trace: "a2.trace", in: dir)
        try sitting("b.tarsier", count: 60, trace: "b.trace", in: dir)
        let first = try Self.trace(dir.appendingPathComponent("a1.trace"))
        let second = try Self.trace(dir.appendingPathComponent("a2.trace"))
        #expect(first.contains { $0.hasPrefix("documents loaded") })
        #expect(first.contains { $0.hasPrefix("features kept") })
        #expect(second.contains { $0.hasPrefix("features restored") })
        #expect(!second.contains { $0.hasPrefix("documents loaded") })
        let a = try ScreeningParityTests.screeningOrder("a.tarsier", in: dir)
        let b = try ScreeningParityTests.screeningOrder("b.tarsier", in: dir)
        #expect(a.count == 60)
        #expect(
            a == b,
            "first difference at \(String(describing: zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset))"
        )
        // A new import changes the pool: the next sitting builds the features again.
        try Data("record_id,title,abstract\nx1,A new record about PET in dementia,Abstract.\n".utf8)
            .write(to: dir.appendingPathComponent("more.csv"))
        #expect(try TarsierBinary.run(["import", "a.tarsier", "more.csv", "--quiet"], in: dir).status == 0)
        try sitting("a.tarsier", count: 1, trace: "a3.trace", in: dir)
        let third = try Self.trace(dir.appendingPathComponent("a3.trace"))
        #expect(third.contains { $0.hasPrefix("documents loaded") })
        #expect(!third.contains { $0.hasPrefix("features restored") })
    }
}

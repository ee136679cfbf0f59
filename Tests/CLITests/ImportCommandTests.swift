import Foundation
import Testing

@Suite("Import command")
struct ImportCommandTests {
    let sample = TarsierBinary.packageRoot.appendingPathComponent("sample-reviews/virus-metagenomics")

    @Test("--dry-run reads and reports every file but stores nothing; the real import then stores the same count")
    func dryRun() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ris = sample.appendingPathComponent("kwok-2020-embase.ris").path
        #expect(try TarsierBinary.run(["init", "r.tarsier"], in: dir).status == 0)
        let before = try Data(contentsOf: dir.appendingPathComponent("r.tarsier"))
        let dry = try TarsierBinary.run(["import", "r.tarsier", "--dry-run", ris], in: dir)
        #expect(dry.status == 0, "\(dry.err)")
        #expect(dry.out.contains("120 records") && dry.out.contains("dry run: nothing stored"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("r.tarsier")) == before)
        let status = try TarsierBinary.run(["status", "r.tarsier", "--json"], in: dir)
        let object = try JSONSerialization.jsonObject(with: Data(status.out.utf8)) as? [String: Any]
        #expect(object?["records"] as? Int == 0)
        let real = try TarsierBinary.run(["import", "r.tarsier", ris], in: dir)
        #expect(real.status == 0 && real.out.contains("120 records"))
    }

    @Test("several files: each is its own batch, in command-line order, and a bad one does not stop the rest")
    func severalFiles() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("this is not a bibliographic file\n".utf8).write(to: dir.appendingPathComponent("bad.txt"))
        let files = try FileManager.default.contentsOfDirectory(atPath: sample.path).filter { $0.hasSuffix(".ris") }
            .sorted()
        #expect(files.count >= 1)
        #expect(try TarsierBinary.run(["init", "r.tarsier"], in: dir).status == 0)
        let paths =
            [sample.appendingPathComponent(files[0]).path, dir.appendingPathComponent("bad.txt").path]
            + files.dropFirst().map { sample.appendingPathComponent($0).path }
        let result = try TarsierBinary.run(["import", "r.tarsier"] + paths, in: dir)
        #expect(result.status == 1)
        #expect(result.err.contains("bad.txt:1: error:"))
        let reported = result.out.split(separator: "\n").map { String($0.split(separator: ":")[0]) }
        #expect(reported == [paths[0]] + Array(paths.dropFirst(2)))
    }

    @Test(
        "a file already in the review is refused before it is parsed, even when it would no longer parse the same way")
    func refusedBeforeParsing() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ris = sample.appendingPathComponent("kwok-2020-embase.ris")
        #expect(try TarsierBinary.run(["init", "r.tarsier"], in: dir).status == 0)
        #expect(try TarsierBinary.run(["import", "r.tarsier", ris.path], in: dir).status == 0)
        // Forcing a format the content is not would fail parsing: the refusal must come first.
        let again = try TarsierBinary.run(["import", "r.tarsier", "--format", "medline", ris.path], in: dir)
        #expect(again.status == 0, "\(again.err)")
        #expect(again.err.contains("already imported") && !again.err.contains("error:"), "\(again.err)")
        // A dry run says the same instead of reporting the records it would not store.
        let dry = try TarsierBinary.run(["import", "r.tarsier", "--dry-run", ris.path], in: dir)
        #expect(dry.status == 0, "\(dry.err)")
        #expect(dry.err.contains("already imported") && !dry.out.contains("records"), "\(dry.out)\(dry.err)")
        let missing = try TarsierBinary.run(["import", "r.tarsier", "missing.ris"], in: dir)
        #expect(missing.status == 1 && missing.err.contains("missing.ris:1: error: cannot read file"), "\(missing.err)")
    }

    @Test("--embed starts a background embedding job after the import, which embeds every new record")
    func embedAfterImport() throws {
        guard CrashFixtures.modelOrSkip("import --embed") else { return }
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try TarsierBinary.run(["init", "r.tarsier"], in: dir).status == 0)
        let result = try TarsierBinary.run(
            ["import", "r.tarsier", "--embed", sample.appendingPathComponent("kwok-2020-embase.ris").path], in: dir)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("embedding in the background, pid"), "\(result.out)")
        // Wait for the job to finish (it reports running: false once it has exited).
        var done = 0
        var running = true
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let embeddings = try CrashFixtures.status("r.tarsier", in: dir)["embeddings"] as? [String: Any]
            done = embeddings?["done"] as? Int ?? 0
            running = (embeddings?["job"] as? [String: Any])?["running"] as? Bool ?? true
            if done == 120 && !running { break }
            Thread.sleep(forTimeInterval: 0.25)
        }
        #expect(done == 120 && !running)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("r.tarsier.embed.log").path))
    }

    @Test(
        "PubMed XML cut off after thousands of records: stored while parsed, yet nothing is kept, and the next file imports"
    )
    func truncatedAfterChunks() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var xml = "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n"
        for index in 1...2_500 {
            xml +=
                "<PubmedArticle><MedlineCitation><PMID>\(index)</PMID><Article><ArticleTitle>Study number \(index) of "
                + "streaming imports</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n"
        }
        xml += "</PubmedArticleSet>\n"
        try Data(xml.utf8).write(to: dir.appendingPathComponent("whole.xml"))
        try Data(xml.utf8.dropLast(80)).write(to: dir.appendingPathComponent("cut.xml"))
        #expect(try TarsierBinary.run(["init", "r.tarsier"], in: dir).status == 0)
        let result = try TarsierBinary.run(["import", "r.tarsier", "cut.xml", "whole.xml"], in: dir)
        #expect(result.status == 1)
        #expect(result.err.contains("cut.xml:") && result.err.contains(": error:"), "\(result.err)")
        #expect(result.out.contains("whole.xml: 2500 records"), "\(result.out)")
        let status = try CrashFixtures.status("r.tarsier", in: dir)
        #expect(status["records"] as? Int == 2_500)
        #expect((status["imports"] as? [[String: Any]])?.map { $0["file"] as? String } == ["whole.xml"])
        let check = try TarsierBinary.run(["check", "r.tarsier"], in: dir)
        #expect(check.status == 0, "\(check.out)")
    }
}

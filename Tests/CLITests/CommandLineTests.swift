import Foundation
import TestSupport
import Testing

/// Runs the built `tarsier` binary as a user would (the executable built next to the tests).
enum TarsierBinary {
    static let packageRoot = TestData.packageRoot

    /// The executable beside the test bundle (`.build/<config>/tarsier`).
    static var url: URL {
        let candidates =
            [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            + [packageRoot.appendingPathComponent(".build/debug")]
        for directory in candidates {
            let url = directory.appendingPathComponent("tarsier")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/tarsier")
    }

    /// Runs tarsier with arguments; returns (exit status, stdout, stderr).
    @discardableResult
    static func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tarsier-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite("Command line")
struct CommandLineTests {
    let sample = TarsierBinary.packageRoot.appendingPathComponent("sample-reviews/virus-metagenomics")

    @Test("init, import and status --json on the sample review")
    func sampleReview() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(
            try TarsierBinary.run(
                ["init", "r.tarsier", "--topic", sample.appendingPathComponent("topic.json").path], in: dir
            ).status == 0)
        let imported = try TarsierBinary.run(
            ["import", "r.tarsier", sample.appendingPathComponent("kwok-2020-embase.ris").path], in: dir)
        #expect(imported.status == 0)
        #expect(imported.out.contains("120 records"))
        let status = try TarsierBinary.run(["status", "r.tarsier", "--json"], in: dir)
        let object = try JSONSerialization.jsonObject(with: Data(status.out.utf8)) as? [String: Any]
        #expect(object?["records"] as? Int == 120)
        #expect(object?["screenable"] as? Int == 120)
        #expect((object?["imports"] as? [[String: Any]])?.first?["format"] as? String == "ris")
        // Importing the same file again changes nothing.
        _ = try TarsierBinary.run(
            ["import", "r.tarsier", sample.appendingPathComponent("kwok-2020-embase.ris").path], in: dir)
        let again = try TarsierBinary.run(["status", "r.tarsier", "--json"], in: dir)
        #expect(again.out == status.out)
    }

    @Test("an unreadable or truncated file exits 1 with file:line and leaves the review unchanged")
    func badInputLeavesReviewUnchanged() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try TarsierBinary.run(["init", "r.tarsier"], in: dir)
        let xml = try Data(contentsOf: TestData.fixture("import-samples/pubmed-xml/biopython/pubmed4.xml"))
        try xml.prefix(xml.count / 2).write(to: dir.appendingPathComponent("truncated.xml"))
        try Data("this is not a bibliography\n".utf8).write(to: dir.appendingPathComponent("notes.ris"))
        let before = try TarsierBinary.run(["status", "r.tarsier", "--json"], in: dir).out
        for file in ["truncated.xml", "notes.ris"] {
            let result = try TarsierBinary.run(["import", "r.tarsier", file], in: dir)
            #expect(result.status == 1)
            #expect(result.err.contains("\(file):"))
            #expect(result.err.contains(": error: "))
        }
        #expect(try TarsierBinary.run(["status", "r.tarsier", "--json"], in: dir).out == before)
    }

    @Test("screen --script records decisions with assessor, ranking run and rank")
    func scriptedScreening() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try TarsierBinary.run(
            ["init", "r.tarsier", "--topic", sample.appendingPathComponent("topic.json").path], in: dir)
        try TarsierBinary.run(
            ["import", "r.tarsier", sample.appendingPathComponent("kwok-2020-embase.ris").path], in: dir)
        try Data("include\nexclude\nmaybe\nundo\n".utf8).write(to: dir.appendingPathComponent("s.txt"))
        let screen = try TarsierBinary.run(["screen", "r.tarsier", "--as", "ann", "--script", "s.txt"], in: dir)
        #expect(screen.status == 0, "\(screen.err)")
        #expect(screen.out.contains("2/120 screened"))
        let status = try TarsierBinary.run(["status", "r.tarsier", "--json"], in: dir).out
        let object = try JSONSerialization.jsonObject(with: Data(status.utf8)) as? [String: Any]
        #expect(object?["included"] as? Int == 1)
        #expect(object?["excluded"] as? Int == 1)
        #expect(object?["maybe"] as? Int == 0)
        #expect(object?["decisionEvents"] as? Int == 4)
        #expect((object?["rankingRuns"] as? Int ?? 0) >= 3)
        // The hybrid explains where it places an undecided record, signal by signal.
        let undecided = try TarsierBinary.run(["list", "r.tarsier", "--undecided", "--limit", "1"], in: dir).out
        let id = String(undecided.prefix { $0 != "\t" })
        let shown = try TarsierBinary.run(["show", "r.tarsier", id, "--explain"], in: dir)
        #expect(shown.status == 0, "\(shown.err)")
        #expect(shown.out.contains("among undecided records"))
        #expect(shown.out.contains("tfidf-lr") && shown.out.contains("weight"))
    }
}

@Suite("Exports")
struct ExportTests {
    let sample = TarsierBinary.packageRoot.appendingPathComponent("sample-reviews/virus-metagenomics")

    @Test("exported RIS imports back with the same fields and carries each decision")
    func risRoundTrip() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try TarsierBinary.run(["init", "a.tarsier"], in: dir)
        try TarsierBinary.run(
            ["import", "a.tarsier", sample.appendingPathComponent("kwok-2020-embase.ris").path], in: dir)
        try Data("include\nexclude\nmaybe\n".utf8).write(to: dir.appendingPathComponent("s.txt"))
        try TarsierBinary.run(["screen", "a.tarsier", "--as", "ann", "--script", "s.txt"], in: dir)
        #expect(
            try TarsierBinary.run(
                ["export", "a.tarsier", "--what", "records", "--format", "ris", "-o", "out.ris"], in: dir
            ).status == 0)
        try TarsierBinary.run(["init", "b.tarsier"], in: dir)
        let imported = try TarsierBinary.run(["import", "b.tarsier", "out.ris", "--labels-as-decisions"], in: dir)
        #expect(imported.status == 0, "\(imported.err)")
        #expect(imported.out.contains("120 records, 0 duplicates, 0 warnings, 3 decisions"))
        let a = try TarsierBinary.run(["export", "a.tarsier", "--what", "records", "--format", "csv"], in: dir).out
        let b = try TarsierBinary.run(["export", "b.tarsier", "--what", "records", "--format", "csv"], in: dir).out
        #expect(a == b)
    }

    @Test("decision log, curve and PRISMA exports are complete and well-formed")
    func leadExports() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try TarsierBinary.run(["init", "r.tarsier"], in: dir)
        try TarsierBinary.run(
            ["import", "r.tarsier", sample.appendingPathComponent("kwok-2020-embase.ris").path], in: dir)
        try Data("include\nkey x\nkey 1\nundo\nexclude\n".utf8).write(to: dir.appendingPathComponent("s.txt"))
        try TarsierBinary.run(["screen", "r.tarsier", "--as", "ann", "--script", "s.txt"], in: dir)
        let log = try TarsierBinary.run(["export", "r.tarsier", "--what", "decisions", "--format", "jsonl"], in: dir)
            .out
        let events = log.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
        }
        #expect(events.map { $0["kind"] } == ["decide", "decide", "undo", "decide"])
        #expect(events[1]["reason"] == "wrong population")
        #expect(events.allSatisfy { $0["assessor"] == "ann" })
        #expect(events[0]["model_version"]?.isEmpty == false && events[0]["rank_shown"] == "1")
        let prisma = try TarsierBinary.run(["export", "r.tarsier", "--what", "prisma", "--format", "csv"], in: dir)
        #expect(prisma.status == 0)
        #expect(prisma.out.contains("120"))
        for what in ["curve", "prisma"] {
            let svg = try TarsierBinary.run(["export", "r.tarsier", "--what", what, "--format", "svg"], in: dir).out
            #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
            #expect(svg.contains("</svg>"))
        }
        let png = try TarsierBinary.run(
            ["export", "r.tarsier", "--what", "prisma", "--format", "png", "-o", "p.png"], in: dir)
        #expect(png.status == 0, "\(png.err)")
        let header = try Data(contentsOf: dir.appendingPathComponent("p.png")).prefix(4)
        #expect(Array(header) == [0x89, 0x50, 0x4E, 0x47])
        let bad = try TarsierBinary.run(["export", "r.tarsier", "--what", "curve", "--format", "ris"], in: dir)
        #expect(bad.status != 0)
    }
}

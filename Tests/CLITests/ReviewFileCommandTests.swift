import Foundation
import GRDB
import Testing

/// Through the real binary: a file that is not a review, a review from a newer tarsier and a
/// read-only review get a clear message, and their SHA-256 is the same afterwards.
///
/// The tests run as root, for whom `chmod 444` does not stop writes; tarsier reads the permission
/// bits as well as `access(2)`, so a file without write bits is read-only for root too, and the
/// unchanged SHA-256 shows nothing was written.
@Suite("Review file commands")
struct ReviewFileCommandTests {
    static func sha(_ url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    static func companions(_ url: URL) -> [String] {
        ["-wal", "-shm", "-journal"].filter { FileManager.default.fileExists(atPath: url.path + $0) }
    }

    static let reads: [[String]] = [
        ["status"], ["list"], ["show", "1"], ["export", "--what", "records", "--format", "ris"],
    ]

    /// Every command on `file`: reads and writes must fail with `message`, leaving the bytes alone.
    static func expectRefused(_ file: String, in dir: URL, message: String) throws {
        let url = dir.appendingPathComponent(file)
        let before = try sha(url)
        try Data("include\nquit\n".utf8).write(to: dir.appendingPathComponent("script.txt"))
        let commands =
            reads.map { [$0[0], file] + $0.dropFirst() } + [
                ["import", file, "records.ris"], ["screen", file, "--script", "script.txt", "--no-embed"],
                ["embed", file],
            ]
        for command in commands {
            let result = try TarsierBinary.run(command, in: dir)
            #expect(result.status == 1, "\(command)")
            #expect(result.err.contains(message), "\(command): \(result.err)")
        }
        #expect(try sha(url) == before)
        #expect(companions(url).isEmpty)
    }

    func withReview(_ body: (URL) throws -> Void) throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer {
            chmod(dir.path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        let ris = "TY  - JOUR\r\nTI  - A study\r\nPY  - 2020\r\nAB  - Text.\r\nER  - \r\n"
        try Data(ris.utf8).write(to: dir.appendingPathComponent("records.ris"))
        try Data(ris.replacingOccurrences(of: "A study", with: "Another").utf8).write(
            to: dir.appendingPathComponent("more.ris"))
        try TarsierBinary.run(["init", "r.tarsier"], in: dir)
        try TarsierBinary.run(["import", "r.tarsier", "records.ris"], in: dir)
        try body(dir)
    }

    @Test("a text file and another program's SQLite database are refused and left byte-identical")
    func notReviews() throws {
        try withReview { dir in
            try Data("TY  - JOUR\n".utf8).write(to: dir.appendingPathComponent("notes.tarsier"))
            try Self.expectRefused("notes.tarsier", in: dir, message: "is not a SQLite database")
            do {
                let queue = try DatabaseQueue(path: dir.appendingPathComponent("zotero.sqlite").path)
                try queue.write {
                    try $0.execute(sql: "CREATE TABLE items (itemID INTEGER PRIMARY KEY); INSERT INTO items VALUES (1)")
                }
            }
            try Self.expectRefused("zotero.sqlite", in: dir, message: "is a SQLite database but not a tarsier review")
        }
    }

    @Test("a review made by a newer tarsier is neither migrated nor written")
    func newerReview() throws {
        try withReview { dir in
            do {
                let queue = try DatabaseQueue(path: dir.appendingPathComponent("r.tarsier").path)
                try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v7-future')") }
            }
            try Self.expectRefused(
                "r.tarsier", in: dir, message: "made by a newer tarsier (schema v7-future); upgrade tarsier")
        }
    }

    @Test("a read-only review can be read (status, list, show, export) but import, screen and embed refuse")
    func readOnlyReview() throws {
        try withReview { dir in
            let url = dir.appendingPathComponent("r.tarsier")
            for step in ["file", "folder"] {
                // chmod a-w on the file, then (file writable again) on its folder.
                if step == "file" { chmod(url.path, 0o444) } else { chmod(url.path, 0o644); chmod(dir.path, 0o555) }
                let before = try Self.sha(url)
                for read in Self.reads {
                    let result = try TarsierBinary.run([read[0], "r.tarsier"] + read.dropFirst(), in: dir)
                    #expect(result.status == 0, "\(read): \(result.err)")
                }
                #expect(try TarsierBinary.run(["list", "r.tarsier"], in: dir).out.contains("A study"))
                try Data("include\nquit\n".utf8).write(to: dir.appendingPathComponent("script.txt"))
                for write in [
                    ["import", "r.tarsier", "more.ris"],
                    ["screen", "r.tarsier", "--script", "script.txt", "--no-embed"], ["embed", "r.tarsier"],
                ] {
                    let result = try TarsierBinary.run(write, in: dir)
                    #expect(result.status == 1, "\(write)")
                    #expect(result.err.contains("r.tarsier is read-only"), "\(write): \(result.err)")
                }
                #expect(try Self.sha(url) == before)
                #expect(Self.companions(url).isEmpty)
            }
        }
    }
}

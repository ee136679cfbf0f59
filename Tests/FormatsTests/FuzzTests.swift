import Foundation
import ReviewModel
import Testing

@testable import Formats
import TestSupport

/// Seeded mutation fuzzing over the real import samples (see Documentation/Fuzzing.md).
///
/// CI runs 200 mutants of the samples up to 32 KB (`FUZZ_CORPUS=small`, a few seconds);
/// `FUZZ_ITERATIONS=N FUZZ_SEED=S swift test --filter Fuzz` runs a longer campaign over every
/// sample (`FUZZ_CORPUS=all` unless set). Mutant `i` uses seed `S + i·φ` (φ = 0x9E3779B97F4A7C15),
/// so a failing mutant is rerun alone with `FUZZ_SEED=<its seed> FUZZ_ITERATIONS=1` and the same
/// `FUZZ_CORPUS`; its bytes are also saved to /tmp. A crash ends the test process, so the mutant
/// being imported is always in /tmp/tarsier-fuzz-last-input.bin, its seed in the .txt beside it.
@Suite("Fuzz")
struct FuzzTests {
    /// Every real sample except the 55 MB PubMed baselines, plus the gzip fixtures, in a fixed order.
    static func corpusFiles(all: Bool) throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: SampleFiles.root, includingPropertiesForKeys: nil)
        var files = (enumerator?.allObjects as? [URL] ?? []).filter { url in
            !url.path.contains("pubmed-xml-large") && url.pathExtension != "md" && !url.hasDirectoryPath
        }
        let fixtures = SampleFiles.packageRoot.appendingPathComponent("Tests/Fixtures/formats")
        files += try FileManager.default.contentsOfDirectory(at: fixtures, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "gz" }
        let small = files.filter { ((try? $0.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) <= 32 << 10 }
        return (all ? files : small).sorted { $0.path < $1.path }
    }

    /// The mutant being imported and how to regenerate it, for runs that end in a crash.
    static let lastInput = URL(fileURLWithPath: "/tmp/tarsier-fuzz-last-input.bin")
    static let lastSeed = URL(fileURLWithPath: "/tmp/tarsier-fuzz-last-input.txt")

    /// The seed of mutant `index` in a run started from `base`.
    static func seed(base: UInt64, index: Int) -> UInt64 { base &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15 }

    @Test("seeded mutants of the real samples never crash, hang or break an import invariant")
    func mutants() throws {
        let environment = ProcessInfo.processInfo.environment
        let iterations = environment["FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 200
        let base = environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_250_817
        let corpus = environment["FUZZ_CORPUS"] ?? (environment["FUZZ_ITERATIONS"] == nil ? "small" : "all")
        let files = try Self.corpusFiles(all: corpus == "all")
        #expect(files.count >= 20, "the import samples went missing from Tests/Fixtures")
        let mutator = InputMutator(corpus: try files.map { [UInt8](try Data(contentsOf: $0)) })
        let harness = FuzzHarness()
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("mutant")
        var (reads, slowest, failed) = (0, 0.0, 0)
        let start = Date()
        for index in 0..<iterations {
            let seed = Self.seed(base: base, index: index)
            var rng = SplitMix64(seed: seed)
            let sample = Int.random(in: 0..<files.count, using: &rng)
            let (bytes, mutations) = mutator.mutant(of: sample, using: &rng)
            // Kept until the next mutant, so a crash (which ends the process) leaves its reproducer.
            try Data(bytes).write(to: Self.lastInput)
            try Data("FUZZ_CORPUS=\(corpus) FUZZ_SEED=\(seed) FUZZ_ITERATIONS=1\n".utf8).write(to: Self.lastSeed)
            let report = try harness.check(bytes, at: url)
            reads += report.reads
            slowest = max(slowest, report.slowest)
            guard !report.failures.isEmpty else { continue }
            failed += 1
            let saved = "/tmp/tarsier-fuzz-\(seed).bin"
            try? Data(bytes).write(to: URL(fileURLWithPath: saved))
            Issue.record(
                """
                fuzz seed \(seed): \(files[sample].lastPathComponent) + \(mutations.map(\.rawValue)) → \
                \(report.failures.joined(separator: "; ")). Input saved to \(saved); rerun with \
                FUZZ_CORPUS=\(corpus) FUZZ_SEED=\(seed) FUZZ_ITERATIONS=1 swift test --filter Fuzz
                """)
            if report.failures.contains(where: { $0.hasSuffix("(hang)") }) { break }
        }
        let elapsed = Date().timeIntervalSince(start)
        print(
            "fuzz: \(iterations) mutants of \(files.count) \(corpus) samples from seed \(base), \(reads) imports in "
                + String(format: "%.2f s, slowest import %.3f s, ", elapsed, slowest) + "\(failed) failing")
    }

    @Test("the mutator is deterministic for a seed and every mutation changes some input")
    func mutatorIsSeeded() throws {
        let sample = Array("TY  - JOUR\nTI  - A title\nER  - \n".utf8)
        let mutator = InputMutator(corpus: [sample, Array("PMID- 1\nTI  - x\n".utf8)])
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        #expect(mutator.mutant(of: 0, using: &first).bytes == mutator.mutant(of: 0, using: &second).bytes)
        for mutation in InputMutator.Mutation.allCases {
            var rng = SplitMix64(seed: 1)
            let changed = (0..<8).contains { _ in mutator.apply(mutation, to: sample, using: &rng) != sample }
            #expect(changed, "\(mutation) never changed the sample")
        }
    }

    @Test("a stored-block gzip stream round-trips through the importer's inflater")
    func gzipEncoder() throws {
        let content = Array(String(repeating: "PMID- 1\nTI  - gzip\n\n", count: 5000).utf8)  // > one 64 KiB block
        let result = try Importer.read(data: Data(GzipEncoder.stored(content)), fileName: "stored.nbib.gz")
        #expect(result.format == .medline)
        #expect(result.records.count == 5000)
        #expect(GzipEncoder.crc32(Array("123456789".utf8)) == 0xCBF4_3926)  // the CRC-32 check value
    }
}

import Foundation
import ReviewModel

@testable import Formats

/// Runs one input through every way of importing it and checks what must hold for any input:
/// no crash, no hang, bounded output, errors that are `FormatsError` pointing at a real line,
/// and the in-memory entry point agreeing with the file one.
struct FuzzHarness {
    /// What one input did.
    struct Report {
        /// Broken invariants, one sentence each (empty when the input passed).
        var failures: [String] = []
        /// The slowest single import of the input, in seconds.
        var slowest: Double = 0
        /// How many imports ran.
        var reads = 0
    }

    /// Detection, then each format forced.
    static let modes: [ImportFormat?] = [nil] + ImportFormat.allCases
    /// An import taking longer than this is reported as a hang (a liveness check, not a speed one).
    var hangSeconds: Double = 10
    /// Records' text may be at most this many times the content size (plus a small constant).
    static let textAmplification = 8

    /// Writes `bytes` to `url`, imports it in every mode, and checks each outcome.
    func check(_ bytes: [UInt8], at url: URL) throws -> Report {
        try Data(bytes).write(to: url)
        let content = Self.decompressed(bytes, path: url.path)
        let lines = Self.lineBound(content)
        var report = Report()
        for mode in Self.modes {
            let name = mode?.rawValue ?? "detected"
            let (outcome, seconds) = Self.timed(limit: hangSeconds) {
                Result { try Importer.read(url: url, format: mode) }
            }
            report.reads += 1
            report.slowest = max(report.slowest, seconds)
            guard let outcome else {
                report.failures.append("\(name): no result after \(hangSeconds) s (hang)")
                return report  // the stuck import still runs; further reads would only pile up
            }
            report.failures += Self.problems(in: outcome, mode: mode, file: url.path, content: content, lines: lines)
                .map { "\(name): \($0)" }
            if mode == nil {
                let inMemory = Result { try Importer.read(data: Data(bytes), fileName: url.path) }
                if !Self.same(outcome, inMemory) {
                    report.failures.append("detected: read(data:) differs from read(url:)")
                }
            }
        }
        return report
    }

    /// The broken invariants of one import's outcome.
    static func problems(
        in outcome: Result<ImportResult, any Error>, mode: ImportFormat?, file: String, content: [UInt8], lines: Int
    ) -> [String] {
        var problems: [String] = []
        switch outcome {
        case .failure(let error):
            guard let error = error as? FormatsError else {
                return ["threw \(type(of: error)), not FormatsError: \(error)"]
            }
            if error.file != file { problems.append("error names \(error.file), not the file") }
            if !(1...lines).contains(error.line) {
                problems.append("error line \(error.line) outside 1...\(lines): \(error)")
            }
            if error.description != "\(file):\(error.line): error: \(error.message)" {
                problems.append("error description is not file:line: error: message: \(error)")
            }
        case .success(let result):
            if let mode, result.format != mode { problems.append("read as \(result.format), asked \(mode)") }
            if let bad = result.records.first(where: { !(1...lines).contains($0.line) }) {
                problems.append("record line \(bad.line) outside 1...\(lines)")
            }
            if let bad = result.diagnostics.first(where: { !(1...lines).contains($0.line) || $0.file != file }) {
                problems.append("diagnostic outside the file's lines: \(bad)")
            }
            let text = result.records.reduce(0) { $0 + textSize($1) }
            if text > textAmplification * content.count + 1024 {
                problems.append("records hold \(text) bytes of text for \(content.count) bytes of content")
            }
            if result.records.count > content.count / 2 + 1 {
                problems.append("\(result.records.count) records from \(content.count) bytes")
            }
            if result.diagnostics.count > 4 * (lines + result.records.count) + 16 {
                problems.append("\(result.diagnostics.count) diagnostics for \(lines) lines")
            }
        }
        return problems
    }

    /// UTF-8 bytes of every text a record carries.
    static func textSize(_ record: ImportedRecord) -> Int {
        let fields = record.fields
        let single = [
            fields.type, fields.title, fields.abstract, fields.journal, fields.volume, fields.issue,
            fields.pages, fields.doi, fields.pmid, fields.language, record.sourceID, record.raw,
        ]
        let lists = fields.authors + fields.keywords + fields.meshTerms + fields.urls
        return (single.compactMap { $0 } + lists).reduce(0) { $0 + $1.utf8.count }
    }

    /// Both outcomes are the same records and diagnostics, or the same error.
    static func same(_ first: Result<ImportResult, any Error>, _ second: Result<ImportResult, any Error>) -> Bool {
        switch (first, second) {
        case (.success(let one), .success(let other)):
            return one.format == other.format && one.records == other.records && one.diagnostics == other.diagnostics
        case (.failure(let one), .failure(let other)):
            return (one as? FormatsError) == (other as? FormatsError)
        default:
            return false
        }
    }

    /// The content a reader sees: gzip inflated (as far as it goes), anything else as is.
    static func decompressed(_ bytes: [UInt8], path: String) -> [UInt8] {
        guard let source = try? ByteSource(bytes: bytes, path: path), source.isGzip else { return bytes }
        var content: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while let count = try? chunk.withUnsafeMutableBytes({
            try source.read(into: $0.baseAddress!, capacity: $0.count)
        }),
            count > 0
        {
            content += chunk[..<count]
        }
        return content
    }

    /// An upper bound on the content's line count for any reader's idea of a line end: LF, CRLF and
    /// a lone CR each end a line (the CSV parser's rule; the tagged readers ignore lone CRs in a
    /// file that has LFs, and libxml2 turns CRLF and CR into LF, so both count fewer).
    static func lineBound(_ content: [UInt8]) -> Int {
        var breaks = 0
        for (index, byte) in content.enumerated() where byte == 0x0A || byte == 0x0D {
            if byte == 0x0A || index + 1 == content.count || content[index + 1] != 0x0A { breaks += 1 }
        }
        return breaks + 1
    }

    /// Runs `body` on its own thread and waits at most `limit` seconds; nil when it did not finish.
    static func timed<T: Sendable>(limit: Double, _ body: @escaping @Sendable () -> T) -> (T?, Double) {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.set(body())
            done.signal()
        }
        thread.stackSize = 8 << 20  // the main thread's size, which the CLI runs imports on
        let start = DispatchTime.now()
        thread.start()
        let finished = done.wait(timeout: .now() + limit) == .success
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return (finished ? box.get() : nil, seconds)
    }
}

/// A value handed from a worker thread to the waiting one.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T?

    func set(_ newValue: T) { lock.withLock { value = newValue } }
    func get() -> T? { lock.withLock { value } }
}

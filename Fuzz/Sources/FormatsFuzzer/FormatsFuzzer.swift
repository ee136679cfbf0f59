import Foundation
import Formats
import ReviewModel

/// libFuzzer's entry point (https://llvm.org/docs/LibFuzzer.html): imports `size` bytes at `data`
/// with format detection, with each format forced, and with each in-memory reader directly, then
/// checks the invariants every import must keep. A broken invariant aborts, so libFuzzer saves
/// the input as a crash; a thrown `FormatsError` is a normal outcome.
@_cdecl("LLVMFuzzerTestOneInput")
public func formatsFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    // LF, CRLF and a lone CR each end a line: the most any reader counts (see FuzzHarness.lineBound).
    let lines =
        bytes.indices.count {
            bytes[$0] == 0x0A || (bytes[$0] == 0x0D && ($0 + 1 == bytes.count || bytes[$0 + 1] != 0x0A))
        } + 1
    let file = "fuzz-input"
    for format in [nil] + ImportFormat.allCases {
        FuzzInvariants.check(
            Result { try Importer.read(data: Data(bytes), fileName: file, format: format) },
            file: file, contentSize: bytes.count, lines: lines, gzip: bytes.starts(with: [0x1F, 0x8B]))
    }
    // The tagged readers take any bytes, so each one also sees every other format's content.
    let direct: [Result<ImportResult, any Error>] = [
        .success(RISReader().read(bytes: bytes, file: file)),
        .success(MedlineReader().read(bytes: bytes, file: file)),
        .success(WebOfScienceReader().read(bytes: bytes, file: file)),
        Result { try CSVRecordReader().read(bytes: bytes, file: file) },
    ]
    for outcome in direct {
        FuzzInvariants.check(outcome, file: file, contentSize: bytes.count, lines: lines, gzip: false)
    }
    return 0
}

/// The invariants of one import outcome; a violation is reported on stderr and aborts.
enum FuzzInvariants {
    /// Checks `outcome` of importing `contentSize` bytes with at most `lines` lines from `file`.
    /// Gzip input is only checked for error shape: its inflated size and lines are unknown here.
    static func check(
        _ outcome: Result<ImportResult, any Error>, file: String, contentSize: Int, lines: Int, gzip: Bool
    ) {
        switch outcome {
        case .failure(let error):
            guard let error = error as? FormatsError else {
                fail("threw \(type(of: error)), not FormatsError: \(error)")
            }
            guard error.file == file, error.line >= 1, gzip || error.line <= lines else {
                fail("error outside the file: \(error)")
            }
            guard error.description == "\(file):\(error.line): error: \(error.message)" else {
                fail("bad error text: \(error)")
            }
        case .success(let result):
            guard !gzip else { return }
            if let record = result.records.first(where: { !(1...lines).contains($0.line) }) {
                fail("record line \(record.line) outside 1...\(lines)")
            }
            if let diagnostic = result.diagnostics.first(where: { !(1...lines).contains($0.line) || $0.file != file }) {
                fail("diagnostic outside the file: \(diagnostic)")
            }
            let text = result.records.reduce(0) { total, record in
                let fields = record.fields
                let single = [
                    fields.type, fields.title, fields.abstract, fields.journal, fields.volume, fields.issue,
                    fields.pages, fields.doi, fields.pmid, fields.language, record.sourceID, record.raw,
                ]
                let lists = fields.authors + fields.keywords + fields.meshTerms + fields.urls
                return total + (single.compactMap { $0 } + lists).reduce(0) { $0 + $1.utf8.count }
            }
            if text > 8 * contentSize + 1024 { fail("records hold \(text) bytes of text for \(contentSize) bytes") }
            if result.records.count > contentSize / 2 + 1 {
                fail("\(result.records.count) records from \(contentSize) bytes")
            }
        }
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("FormatsFuzzer invariant broken: \(message)\n".utf8))
        abort()
    }
}

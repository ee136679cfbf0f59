import Foundation
import ReviewModel

/// The single entry point: detects a file's format (or takes the one given) and reads it.
public enum Importer {
    /// Reads `url` as `format`, or as the detected format when `format` is nil.
    ///
    /// - Parameter progress: called now and then with (bytes read, total bytes).
    /// - Throws: `FormatsError.unrecognisedFormat` when the content is none of the supported formats
    ///   or is another format than the one asked for; any error of the chosen reader.
    public static func read(
        url: URL, format: ImportFormat? = nil, progress: ImportProgress? = nil
    ) throws -> ImportResult {
        try read(format: format, progress: progress, onRecords: nil) { try ByteSource(url: url) }
    }

    /// Reads `url` like ``read(url:format:progress:)`` but hands the records to `onRecords` in
    /// file order, in chunks, and returns a result without them. PubMed XML (the slowest format to
    /// parse) is handed over while it is parsed; the other formats in one chunk at the end. An
    /// error can be thrown after some chunks were handed over: a caller storing them must undo.
    public static func read(
        url: URL, format: ImportFormat? = nil, progress: ImportProgress? = nil, onRecords: @escaping RecordChunkHandler
    ) throws -> ImportResult {
        try read(format: format, progress: progress, onRecords: onRecords) { try ByteSource(url: url) }
    }

    /// Reads content already in memory (plain or gzip) exactly as ``read(url:format:progress:)``
    /// would read a file holding it; `fileName` names the source in errors and diagnostics.
    public static func read(
        data: Data, fileName: String, format: ImportFormat? = nil, progress: ImportProgress? = nil
    ) throws -> ImportResult {
        let bytes = [UInt8](data)
        return try read(format: format, progress: progress, onRecords: nil) {
            try ByteSource(bytes: bytes, path: fileName)
        }
    }

    /// Detects the format from a first source, then reads a fresh one with the chosen reader.
    private static func read(
        format: ImportFormat?, progress: ImportProgress?, onRecords: RecordChunkHandler?, open: () throws -> ByteSource
    ) throws -> ImportResult {
        let (path, probed) = try {
            let probe = try open()  // closed again before the reader opens its own source
            return (probe.path, try probe.readPrefix(limit: FormatDetector.prefixLength))
        }()
        var prefix = probed
        var transcoded: [UInt8]?
        if UTF16Text.hasByteOrderMark(prefix) {
            // UTF-16 content (Web of Science's Windows export) is read as its UTF-8 transcoding.
            transcoded = UTF16Text.utf8(try open().readAll())
            prefix = Array((transcoded ?? []).prefix(FormatDetector.prefixLength))
        }
        func reopen() throws -> ByteSource {
            if let transcoded { return try ByteSource(bytes: transcoded, path: path) }
            return try open()
        }
        if prefix.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw FormatsError.unrecognisedFormat(file: path, line: 1, reason: "the file is empty")
        }
        let detected = FormatDetector.detect(prefix: prefix)
        guard let chosen = format ?? detected else {
            if let unsupported = UnsupportedFormat.recognise(prefix: prefix) {
                throw FormatsError.unrecognisedFormat(
                    file: path, line: 1,
                    reason: "this is \(unsupported.name), which tarsier does not read: \(unsupported.advice)")
            }
            throw FormatsError.unrecognisedFormat(
                file: path, line: 1, reason: "content is \(FormatDetector.describe(nil))")
        }
        if let format, let detected, format != detected, format != .csv {
            // A tagged reader would silently find zero records in another format's file.
            throw FormatsError.unrecognisedFormat(
                file: path, line: 1,
                reason:
                    "asked to read \(FormatDetector.describe(format)) but the content is \(FormatDetector.describe(detected))"
            )
        }
        let source = try reopen()
        var result: ImportResult
        switch chosen {
        case .ris: result = try RISReader().read(source: source, progress: progress)
        case .medline: result = try MedlineReader().read(source: source, progress: progress)
        case .pubmedXML: return try PubMedXMLReader().read(source: source, progress: progress, onRecords: onRecords)
        case .csv: result = try CSVRecordReader().read(source: source, progress: progress)
        case .wos: result = try WebOfScienceReader().read(source: source, progress: progress)
        }
        if result.records.isEmpty, !result.hasErrors {
            // A file read as a format it is not (forced, or detected from a misleading start)
            // yields nothing: say what it looks like instead of storing an empty import.
            let firstLine =
                String(decoding: prefix.prefix(60), as: UTF8.self)
                .split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            // Shown in a terminal: control characters (escape sequences) become "?".
            let start = String(
                String.UnicodeScalarView(
                    firstLine.unicodeScalars.map {
                        $0.properties.generalCategory == .control || $0.properties.generalCategory == .format ? "?" : $0
                    }))
            throw FormatsError.unrecognisedFormat(
                file: path, line: 1,
                reason: "no \(FormatDetector.describe(chosen)) records found (the file starts “\(start)”, "
                    + "which looks like \(FormatDetector.describe(detected)))")
        }
        if let onRecords {
            if !result.records.isEmpty { onRecords(result.records) }
            result.records = []
        }
        return result
    }
}

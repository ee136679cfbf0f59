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
        try read(format: format, progress: progress) { try ByteSource(url: url) }
    }

    /// Reads content already in memory (plain or gzip) exactly as ``read(url:format:progress:)``
    /// would read a file holding it; `fileName` names the source in errors and diagnostics.
    public static func read(
        data: Data, fileName: String, format: ImportFormat? = nil, progress: ImportProgress? = nil
    ) throws -> ImportResult {
        let bytes = [UInt8](data)
        return try read(format: format, progress: progress) { try ByteSource(bytes: bytes, path: fileName) }
    }

    /// Detects the format from a first source, then reads a fresh one with the chosen reader.
    private static func read(
        format: ImportFormat?, progress: ImportProgress?, open: () throws -> ByteSource
    ) throws -> ImportResult {
        let (path, prefix) = try {
            let probe = try open()  // closed again before the reader opens its own source
            return (probe.path, try probe.readPrefix(limit: FormatDetector.prefixLength))
        }()
        if prefix.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw FormatsError.unrecognisedFormat(file: path, line: 1, reason: "the file is empty")
        }
        let detected = FormatDetector.detect(prefix: prefix)
        guard let chosen = format ?? detected else {
            throw FormatsError.unrecognisedFormat(
                file: path, line: 1, reason: "content is \(FormatDetector.describe(nil))")
        }
        if let format, let detected, format != detected, format != .csv {
            // A tagged reader would silently find zero records in another format's file.
            throw FormatsError.unrecognisedFormat(
                file: path, line: 1,
                reason: "asked to read \(FormatDetector.describe(format)) but the content is \(FormatDetector.describe(detected))")
        }
        let source = try open()
        switch chosen {
        case .ris: return try RISReader().read(source: source, progress: progress)
        case .medline: return try MedlineReader().read(source: source, progress: progress)
        case .pubmedXML: return try PubMedXMLReader().read(source: source, progress: progress)
        case .csv: return try CSVRecordReader().read(source: source, progress: progress)
        case .wos: return try WebOfScienceReader().read(source: source, progress: progress)
        }
    }
}

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
        let prefix = try ByteSource(url: url).readPrefix(limit: FormatDetector.prefixLength)
        if prefix.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw FormatsError.unrecognisedFormat(file: url.path, line: 1, reason: "the file is empty")
        }
        let detected = FormatDetector.detect(prefix: prefix)
        guard let chosen = format ?? detected else {
            throw FormatsError.unrecognisedFormat(
                file: url.path, line: 1, reason: "content is \(FormatDetector.describe(nil))")
        }
        if let format, let detected, format != detected, format != .csv {
            // A tagged reader would silently find zero records in another format's file.
            throw FormatsError.unrecognisedFormat(
                file: url.path, line: 1,
                reason: "asked to read \(FormatDetector.describe(format)) but the content is \(FormatDetector.describe(detected))")
        }
        switch chosen {
        case .ris: return try RISReader().read(url: url, progress: progress)
        case .medline: return try MedlineReader().read(url: url, progress: progress)
        case .pubmedXML: return try PubMedXMLReader().read(url: url, progress: progress)
        case .csv: return try CSVRecordReader().read(url: url, progress: progress)
        case .wos: return try WebOfScienceReader().read(url: url, progress: progress)
        }
    }
}

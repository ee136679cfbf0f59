import Foundation
import ReviewModel

/// Reads Web of Science "Plain text / Other file format" exports (field-tagged, `FN`/`VR` header).
///
/// Tags follow Clarivate's "Web of Science Core Collection Field Tags": a two-letter tag, a space,
/// the value; continuation lines are indented three spaces; `ER` ends a record and `EF` the file.
/// Continuations of `AU`/`AF` are further authors; `DE`/`ID` hold `;`-separated keywords.
public struct WebOfScienceReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads a Web of Science tagged file (plain or gzip).
    /// - Throws: `FormatsError.unreadable` when the file cannot be read.
    public func read(url: URL, progress: ImportProgress? = nil) throws -> ImportResult {
        try read(source: ByteSource(url: url), progress: progress)
    }

    /// Reads everything `source` holds; diagnostics name `source.path`.
    func read(source: ByteSource, progress: ImportProgress?) throws -> ImportResult {
        read(bytes: try source.readAll(), file: source.path, progress: progress)
    }

    /// Reads Web of Science tagged text held in memory.
    public func read(bytes: [UInt8], file: String, progress: ImportProgress? = nil) -> ImportResult {
        let scanner = TaggedRecordScanner(
            file: file, startTag: "PT", endTag: "ER", listTags: ["AU", "AF"], wantedTags: Self.wantedTags,
            split: TaggedLine.webOfScience)
        return scanner.importRecords(bytes, format: .wos, progress: progress, map: Self.map)
    }

    /// The tags ``map(_:)`` reads.
    static let wantedTags: Set<String> = [
        "PT", "TI", "AB", "AF", "AU", "SO", "J9", "JI", "PY", "PD", "VL", "IS", "BP", "EP", "AR", "DI", "PM", "DE",
        "ID", "LA", "UT",
    ]

    /// WoS publication types (`PT`) to RIS types: J journal, B book, S series, P patent, C conference.
    static let types = ["J": "JOUR", "B": "BOOK", "S": "SER", "P": "PAT", "C": "CONF"]

    /// Maps one record's tags to fields.
    static func map(_ scanned: TaggedRecordScanner.Record) -> ImportedRecord {
        let record = scanned.grouped()
        var fields = ReferenceFields()
        fields.type = record.first("PT").map { types[$0] ?? $0 }
        fields.title = record.first("TI") ?? ""
        fields.abstract = record.first("AB") ?? ""
        let fullNames = record.all("AF")
        fields.authors = fullNames.isEmpty ? record.all("AU") : fullNames
        fields.journal = record.first("SO", "J9", "JI")
        fields.year = record.first("PY", "PD").flatMap { FieldNormalisation.year(in: $0) }
        fields.volume = record.first("VL")
        fields.issue = record.first("IS")
        fields.pages =
            FieldNormalisation.pages(start: record.first("BP"), end: record.first("EP"))
            ?? record.first("AR")
        fields.doi = record.first("DI").flatMap { FieldNormalisation.doi($0) }
        fields.pmid = record.first("PM").flatMap { FieldNormalisation.pmid($0) }
        fields.keywords = (record.all("DE") + record.all("ID")).flatMap { value in
            value.split(separator: ";").compactMap { FieldNormalisation.nonEmpty(String($0)) }
        }
        fields.language = record.first("LA")
        return ImportedRecord(
            fields: fields, line: scanned.line, sourceID: record.first("UT"), raw: scanned.raw)
    }
}

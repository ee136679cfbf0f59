import Foundation
import ReviewModel

/// Reads PubMed's MEDLINE text format (`.nbib`, "Send to: Citation manager").
///
/// Tags and their meaning follow NLM's "MEDLINE/PubMed Data Element (Field) Descriptions"
/// (https://www.nlm.nih.gov/bsd/mms/medlineelements.html): a tag of up to four letters padded to
/// four columns, `- `, the value; continuation lines are indented six spaces.
public struct MedlineReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads a MEDLINE file (plain or gzip).
    /// - Throws: `FormatsError.unreadable` when the file cannot be read.
    public func read(url: URL, progress: ImportProgress? = nil) throws -> ImportResult {
        try read(source: ByteSource(url: url), progress: progress)
    }

    /// Reads everything `source` holds; diagnostics name `source.path`.
    func read(source: ByteSource, progress: ImportProgress?) throws -> ImportResult {
        read(bytes: try source.readAll(), file: source.path, progress: progress)
    }

    /// Reads MEDLINE text held in memory; `file` names the source in diagnostics.
    public func read(bytes: [UInt8], file: String, progress: ImportProgress? = nil) -> ImportResult {
        let scanner = TaggedRecordScanner(
            file: file, startTag: "PMID", endTag: nil, listTags: [], wantedTags: Self.wantedTags,
            split: TaggedLine.medline)
        return scanner.importRecords(bytes, format: .medline, progress: progress, map: Self.map)
    }

    /// The tags ``map(_:)`` reads.
    static let wantedTags: Set<String> = [
        "PMID", "TI", "BTI", "TT", "AB", "FAU", "AU", "CN", "JT", "TA", "DP", "VI", "IP", "PG", "LID", "AID", "OT",
        "MH", "LA", "PT",
    ]

    /// Maps one MEDLINE record's tags to fields.
    static func map(_ scanned: TaggedRecordScanner.Record) -> ImportedRecord {
        let record = scanned.grouped()
        var fields = ReferenceFields()
        let publicationTypes = record.all("PT")
        fields.type =
            record.first("BTI") != nil ? "BOOK" : publicationTypes.isEmpty ? nil : "JOUR"
        fields.title = record.first("TI", "BTI", "TT") ?? ""
        fields.abstract = record.first("AB") ?? ""
        let fullNames = record.all("FAU")
        fields.authors = (fullNames.isEmpty ? record.all("AU") : fullNames) + record.all("CN")
        fields.journal = record.first("JT", "TA")
        fields.year = record.first("DP").flatMap { FieldNormalisation.year(in: $0) }
        fields.volume = record.first("VI")
        fields.issue = record.first("IP")
        fields.pages = record.first("PG")
        let identifiers = record.all("LID") + record.all("AID")
        fields.doi =
            identifiers.lazy.filter { $0.hasSuffix("[doi]") }
            .compactMap { FieldNormalisation.doi(String($0.dropLast(5))) }.first
        fields.pmid = record.first("PMID").flatMap { FieldNormalisation.pmid($0) }
        fields.keywords = record.all("OT")
        fields.meshTerms = record.all("MH")
        fields.language = record.first("LA")
        return ImportedRecord(
            fields: fields, line: scanned.line, sourceID: fields.pmid, raw: scanned.raw)
    }
}

import ReviewModel

/// What `tarsier import --dry-run` reports about a file before anything is stored: its format and
/// counts, the duplicates it would form (within the file and with the review's records, by the key
/// that joins them), the fields most records would leave empty, and the first record as `show`
/// prints it.
public struct ImportPreview: Sendable {
    public let format: ImportFormat
    public let records: Int
    public let warnings: Int
    /// Duplicates within the file, by the kind of key that joined them (`doi`, `pmid`, `title`).
    public let duplicatesInFile: [String: Int]
    /// Title + year matches within the file whose DOIs or PMIDs differ: both would be screened.
    public let possibleDuplicatesInFile: Int
    /// Records that would join a record already in the review, by kind of key.
    public let duplicatesOfReview: [String: Int]
    /// Fields empty for more than half of the records, with how many are empty.
    public let mostlyEmpty: [(field: String, empty: Int)]
    public let first: ReferenceFields?

    /// A preview of `records`; `inReview` tells which of a list of duplicate keys the review holds.
    public init(
        format: ImportFormat, records: [ImportedRecord], warnings: Int, inReview: ([String]) throws -> Set<String>
    ) rethrows {
        self.format = format
        self.records = records.count
        self.warnings = warnings
        first = records.first?.fields
        let keys = records.map(\.fields.duplicateKeys)
        let known = try inReview(Array(Set(keys.joined())))
        // The identifiers of the records first seen under each key, as the import would group them.
        var owners: [String: WorkIdentifiers] = [:]
        var inFile: [String: Int] = [:]
        var ofReview: [String: Int] = [:]
        var possible = 0
        for (record, recordKeys) in zip(records, keys) {
            let own = WorkIdentifiers(record.fields)
            if let key = recordKeys.first(where: known.contains) {
                ofReview[Self.kind(key), default: 0] += 1
            } else if let key = recordKeys.first(where: { owners[$0] != nil }) {
                if owners[key]!.contradicts(own) {
                    possible += 1
                } else {
                    inFile[Self.kind(key), default: 0] += 1
                    for joined in recordKeys { owners[joined] = (owners[joined] ?? owners[key]!).union(own) }
                    continue
                }
            }
            for joined in recordKeys where owners[joined] == nil { owners[joined] = own }
        }
        duplicatesInFile = inFile
        possibleDuplicatesInFile = possible
        duplicatesOfReview = ofReview
        let fields: [(String, (ReferenceFields) -> Bool)] = [
            ("title", { $0.title.isEmpty }), ("abstract", { $0.abstract.isEmpty }), ("authors", { $0.authors.isEmpty }),
            ("year", { $0.year == nil }), ("journal", { $0.journal?.isEmpty ?? true }), ("doi", { $0.doi == nil }),
            ("pmid", { $0.pmid == nil }), ("keywords", { $0.keywords.isEmpty }),
        ]
        mostlyEmpty = fields.compactMap { name, isEmpty in
            let empty = records.filter { isEmpty($0.fields) }.count
            return empty * 2 > records.count ? (name, empty) : nil
        }
    }

    static func kind(_ key: String) -> String { String(key.prefix { $0 != ":" }) }

    /// The report, a line each.
    public func lines(file: String) -> [String] {
        func counts(_ byKind: [String: Int]) -> String {
            byKind.sorted { $0.key < $1.key }.map { "\($0.value) by \($0.key)" }.joined(separator: ", ")
        }
        var lines = [
            "\(file): \(FormatDetector.describe(format)), \(records) records, \(warnings) warnings (dry run: nothing stored)"
        ]
        let inFile = duplicatesInFile.values.reduce(0, +)
        let ofReview = duplicatesOfReview.values.reduce(0, +)
        lines.append("  duplicates within the file: \(inFile)" + (inFile > 0 ? " (\(counts(duplicatesInFile)))" : ""))
        if possibleDuplicatesInFile > 0 {
            lines.append(
                "  possible duplicates within the file (same title and year, different DOI or PMID; both screened): "
                    + "\(possibleDuplicatesInFile)")
        }
        lines.append(
            "  share a key with records already in the review: \(ofReview)"
                + (ofReview > 0
                    ? " (\(counts(duplicatesOfReview)); a title match joins unless DOIs or PMIDs differ)" : ""))
        if !mostlyEmpty.isEmpty {
            lines.append(
                "  empty for most records: "
                    + mostlyEmpty.map { "\($0.field) (\($0.empty) of \(records))" }.joined(separator: ", "))
        }
        if let first {
            lines.append("  first record:")
            lines.append("    title     \(first.title)")
            if let english = first.translatedTitle { lines.append("    english   \(english)") }
            if !first.authors.isEmpty {
                lines.append(
                    "    authors   \(first.authors.prefix(6).joined(separator: "; "))\(first.authors.count > 6 ? "; …" : "")"
                )
            }
            let source = [first.journal, first.year.map(String.init), first.volume.map { "vol \($0)" }, first.pages]
                .compactMap { $0 }
            if !source.isEmpty { lines.append("    source    \(source.joined(separator: ", "))") }
            if let pmid = first.pmid { lines.append("    pmid      \(pmid)") }
            if let doi = first.doi { lines.append("    doi       \(doi)") }
            let abstract = first.abstract.count > 300 ? String(first.abstract.prefix(300)) + "…" : first.abstract
            lines.append("    abstract  \(abstract.isEmpty ? "(none)" : abstract)")
        }
        return lines
    }
}

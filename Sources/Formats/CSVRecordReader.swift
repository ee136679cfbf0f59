import Foundation
import ReviewModel

/// Reads CSV files in the ASReview / benchmark shape (`title`, `abstract`, optional `authors`,
/// `year`, `doi`, `pmid`, `record_id`, `keywords`, `label_included`…), column names case-insensitive.
///
/// Multi-valued columns (`authors`, `keywords`, `urls`, `mesh`) are `;`-separated, as ASReview
/// writes them. `label_included` 1/0 becomes `.include`/`.exclude`, empty means undecided; a
/// `decision` column (written by ``CSVWriter``) takes precedence and may also say `maybe`.
public struct CSVRecordReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads a CSV file (plain or gzip).
    /// - Throws: `FormatsError` when the file cannot be read, has an unterminated quote, or has
    ///   neither a title nor an abstract column.
    public func read(url: URL, progress: ImportProgress? = nil) throws -> ImportResult {
        try read(source: ByteSource(url: url), progress: progress)
    }

    /// Reads everything `source` holds; errors and diagnostics name `source.path`.
    func read(source: ByteSource, progress: ImportProgress?) throws -> ImportResult {
        try read(bytes: try source.readAll(), file: source.path, progress: progress)
    }

    /// Reads CSV held in memory.
    public func read(bytes: [UInt8], file: String, progress: ImportProgress? = nil) throws -> ImportResult {
        let table = try bytes.withUnsafeBytes { try CSVParser.parse(bytes: $0, file: file) }
        progress?(Int64(bytes.count) / 2, Int64(bytes.count))
        let columns = table.header.map { FormatDetector.normalisedColumn($0) }
        func index(_ names: Set<String>) -> Int? { columns.firstIndex { names.contains($0) } }
        let titleColumn = index(CSVColumns.title)
        let abstractColumn = index(CSVColumns.abstract)
        guard titleColumn != nil || abstractColumn != nil else {
            throw FormatsError.invalid(
                file: file, line: 1,
                reason: "CSV header has no title or abstract column (found: \(table.header.joined(separator: ", ")))")
        }
        // PubMed's CSV and older Scopus CSVs separate authors with commas ("Smith J, Lee A."); the
        // others with ";" (a value with ";" is split there in any case).
        let commaAuthors =
            (columns.contains("journal/book") && columns.contains("create date"))
            || (columns.contains("eid") && columns.contains("source title"))
        let map = ColumnMap(
            commaSeparatedAuthors: commaAuthors, date: index(CSVColumns.date), indexTerms: index(CSVColumns.indexTerms),
            pageStart: index(CSVColumns.pageStart), pageEnd: index(CSVColumns.pageEnd),
            title: titleColumn, abstract: abstractColumn, authors: index(CSVColumns.authors),
            year: index(CSVColumns.year), doi: index(CSVColumns.doi), pmid: index(CSVColumns.pmid),
            recordID: index(CSVColumns.recordID), keywords: index(CSVColumns.keywords),
            label: index(CSVColumns.label), decision: index(CSVColumns.decision),
            journal: index(CSVColumns.journal), volume: index(CSVColumns.volume), issue: index(CSVColumns.issue),
            pages: index(CSVColumns.pages), urls: index(CSVColumns.urls), language: index(CSVColumns.language),
            type: index(CSVColumns.type), mesh: index(CSVColumns.mesh))
        var records: [ImportedRecord] = []
        records.reserveCapacity(table.rows.count)
        var diagnostics: [Diagnostic] = []
        // A column that holds data but maps to no field is named once, not dropped silently.
        let mapped = Set(map.columns)
        for (position, name) in columns.enumerated()
        where !mapped.contains(position) && !name.isEmpty && !CSVColumns.known.contains(name)
            && table.rows.contains(where: {
                position < $0.count && !$0[position].trimmingCharacters(in: .whitespaces).isEmpty
            })
        {
            diagnostics.append(
                .warning(
                    "column \"\(table.header[position])\" is not imported (no field holds it)", file: file, line: 1))
        }
        var warnedWidth = false
        for (row, line) in zip(table.rows, table.rowLines) {
            if row.count != columns.count, !warnedWidth {
                warnedWidth = true
                diagnostics.append(
                    .warning(
                        "row has \(row.count) fields but the header has \(columns.count) (first such row)",
                        file: file, line: line))
            }
            let record = map.record(row, line: line, file: file, diagnostics: &diagnostics)
            if record.fields.isEmpty {
                diagnostics.append(.warning("record has no title and no abstract", file: file, line: line))
            }
            records.append(record)
        }
        progress?(Int64(bytes.count), Int64(bytes.count))
        return ImportResult(format: .csv, records: records, diagnostics: diagnostics)
    }
}

/// Which column holds which field (nil when absent).
private struct ColumnMap {
    let commaSeparatedAuthors: Bool
    let date, indexTerms, pageStart, pageEnd: Int?
    let title, abstract, authors, year, doi, pmid, recordID, keywords, label, decision: Int?
    let journal, volume, issue, pages, urls, language, type, mesh: Int?

    /// Every column some field reads.
    var columns: [Int] {
        [
            date, indexTerms, pageStart, pageEnd, title, abstract, authors, year, doi, pmid, recordID, keywords, label,
            decision, journal, volume, issue, pages, urls, language, type, mesh,
        ].compactMap { $0 }
    }

    func record(_ row: [String], line: Int, file: String, diagnostics: inout [Diagnostic]) -> ImportedRecord {
        func value(_ column: Int?) -> String? {
            guard let column, column < row.count else { return nil }
            return FieldNormalisation.nonEmpty(row[column])
        }
        func list(_ column: Int?) -> [String] {
            (value(column) ?? "").split(separator: ";").compactMap { FieldNormalisation.nonEmpty(String($0)) }
        }
        var fields = ReferenceFields()
        fields.title = value(title) ?? ""
        fields.abstract = value(abstract) ?? ""
        fields.authors = list(authors)
        if commaSeparatedAuthors, fields.authors.count == 1, let only = fields.authors.first {
            fields.authors = only.split(separator: ",").compactMap { FieldNormalisation.nonEmpty(String($0)) }
        }
        if let text = value(year) {
            fields.year = FieldNormalisation.year(in: text)
            if fields.year == nil {
                diagnostics.append(
                    .warning("year \"\(text)\" holds no four-digit year", file: file, line: line, field: "year"))
            }
        }
        if fields.year == nil, year == nil, let text = value(date) {
            // CINAHL writes ="4/3/2024"; PubMed 2020/01/31.
            fields.year = FieldNormalisation.year(in: text)
        }
        fields.doi = value(doi).flatMap { FieldNormalisation.doi($0) }
        fields.pmid = value(pmid).flatMap { FieldNormalisation.pmid($0) }
        fields.keywords = list(keywords)
        fields.journal = value(journal)
        fields.volume = value(volume)
        fields.issue = value(issue)
        fields.pages = value(pages)
        if fields.pages == nil, let start = value(pageStart) {
            fields.pages = value(pageEnd).map { "\(start)-\($0)" } ?? start
        }
        fields.urls = list(urls)
        fields.language = value(language)
        fields.type = value(type)
        fields.meshTerms = list(mesh) + list(indexTerms)
        var decided: Label?
        if let text = value(decision) {
            decided = Label(rawValue: text.lowercased())
        }
        if decided == nil, let text = value(label), !Self.unlabelled.contains(text.lowercased()) {
            decided = Self.label(text)
            if decided == nil {
                diagnostics.append(
                    .warning(
                        "label \"\(text)\" is not 1/0/include/exclude; left undecided",
                        file: file, line: line, field: "label"))
            }
        }
        return ImportedRecord(fields: fields, line: line, sourceID: value(recordID), label: decided, raw: "")
    }

    /// Values meaning "not labelled yet" (ASReview writes -1, pandas writes nan).
    static let unlabelled: Set<String> = ["-1", "-1.0", "nan", "na", "none", "null"]

    /// ASReview's label values: 1/0, true/false, yes/no, include/exclude/maybe.
    static func label(_ text: String) -> Label? {
        switch text.lowercased() {
        case "1", "1.0", "true", "yes", "y", "include", "included": return .include
        case "0", "0.0", "false", "no", "n", "exclude", "excluded": return .exclude
        case "maybe": return .maybe
        default: return nil
        }
    }
}

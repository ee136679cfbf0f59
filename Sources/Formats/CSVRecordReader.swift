import Foundation
import ReviewModel

/// Reads CSV files in the ASReview / benchmark shape (`title`, `abstract`, optional `authors`,
/// `year`, `doi`, `pmid`, `record_id`, `keywords`, `label_included`…), column names case-insensitive,
/// and the databases' own CSV exports (see ``CSVColumns``).
///
/// Multi-valued columns (`authors`, `keywords`, `urls`, `mesh`) are `;`-separated, as ASReview
/// writes them (OpenAlex: `|`; Embase: `,` outside parentheses). `label_included` 1/0 becomes
/// `.include`/`.exclude`, empty means undecided; a `decision` column (written by ``CSVWriter``)
/// takes precedence and may also say `maybe`.
///
/// Also read: tab-separated files (Web of Science's tab-delimited export, its field tags as column
/// names; UTF-16 files arrive transcoded, see ``UTF16Text``), and lines above the header (Embase's
/// `SEARCH QUERY` preamble), which are skipped with one warning.
public struct CSVRecordReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// How many rows may precede the header (a database's preamble).
    static let preambleLimit = 100

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
        let tabs = Self.isTabSeparated(bytes)
        let parsed = try bytes.withUnsafeBytes { try CSVParser.parse(bytes: $0, file: file, tabSeparated: tabs) }
        progress?(Int64(bytes.count) / 2, Int64(bytes.count))
        var diagnostics: [Diagnostic] = []
        // The header is the first row naming a title or abstract column; rows above it are a preamble.
        let allRows = [parsed.header] + parsed.rows
        let allLines = [1] + parsed.rowLines
        func names(_ row: [String]) -> [String] { row.map { FormatDetector.normalisedColumn($0) } }
        let headerIndex =
            allRows.prefix(Self.preambleLimit).firstIndex {
                names($0).contains { CSVColumns.title.contains($0) || CSVColumns.abstract.contains($0) }
            } ?? 0
        let header = allRows[headerIndex]
        let headerLine = allLines[headerIndex]
        let rows = allRows.dropFirst(headerIndex + 1)
        let rowLines = allLines.dropFirst(headerIndex + 1)
        if headerIndex > 0 {
            let start = allRows[0].filter { !$0.isEmpty }.joined(separator: " ")
            diagnostics.append(
                .warning(
                    "skipped \(headerLine - 1) lines above the header (a preamble starting “\(start.prefix(60))”)",
                    file: file, line: 1))
        }
        let columns = names(header)
        let map = ColumnMap(columns: columns)
        guard map.title != nil || map.abstract != nil || map.invertedAbstract != nil else {
            throw FormatsError.invalid(
                file: file, line: 1,
                reason: "CSV header has no title or abstract column (found: \(header.joined(separator: ", ")))")
        }
        var records: [ImportedRecord] = []
        records.reserveCapacity(rows.count)
        // A column that holds data but maps to no field is named (one warning for all of them), not
        // dropped silently.
        let mapped = Set(map.columns)
        let unmapped = columns.indices.filter { position in
            let name = columns[position]
            return !mapped.contains(position) && !name.isEmpty && !map.isKnown(name)
                && rows.contains { position < $0.count && !$0[position].trimmingCharacters(in: .whitespaces).isEmpty }
        }
        if unmapped.count == 1 {
            diagnostics.append(
                .warning(
                    "column \"\(header[unmapped[0]])\" is not imported (no field holds it)", file: file,
                    line: headerLine))
        } else if !unmapped.isEmpty {
            let list = unmapped.map { "\"\(header[$0])\"" }.joined(separator: ", ")
            diagnostics.append(
                .warning("columns \(list) are not imported (no field holds them)", file: file, line: headerLine))
        }
        var warnedWidth = false
        for (row, line) in zip(rows, rowLines) {
            // Web of Science ends every data row with a tab; PubMed's legacy CSV with a comma.
            let width = row.count == columns.count + 1 && row.last?.isEmpty == true ? columns.count : row.count
            if width != columns.count, !warnedWidth {
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

    /// True when the first line has more tabs than commas (Web of Science's tab-delimited export).
    static func isTabSeparated(_ bytes: [UInt8]) -> Bool {
        var tabs = 0
        var commas = 0
        for byte in bytes {
            if byte == 0x0A || byte == 0x0D { break }
            if byte == 0x09 { tabs += 1 } else if byte == 0x2C { commas += 1 }
        }
        return tabs > commas
    }
}

/// Which column holds which field (nil or empty when absent), and how the layout splits lists.
private struct ColumnMap {
    /// How a multi-valued cell is split.
    enum ListSplit {
        /// `a; b` (ASReview, Scopus, Web of Science).
        case semicolon
        /// `a|b` (OpenAlex).
        case pipe
        /// `a, b (x, y), c`: commas outside parentheses (Embase, whose Emtree terms carry subheadings).
        case comma
    }

    /// The export a header comes from, when its columns need their own reading.
    enum Layout { case generic, webOfScience, openAlex, embase }

    let layout: Layout
    var split = ListSplit.semicolon
    var commaSeparatedAuthors = false
    var date, pageStart, pageEnd, title, abstract, year, doi, pmid, recordID, label, decision: Int?
    var journal, volume, issue, pages, urls, language, type, invertedAbstract, authorships, embaseSource: Int?
    /// Author columns in order of preference (Web of Science: full names `AF`, then `AU`).
    var authors: [Int] = []
    var keywords: [Int] = []
    var mesh: [Int] = []

    init(columns: [String]) {
        func index(_ names: Set<String>) -> Int? { columns.firstIndex { names.contains($0) } }
        func indices(_ names: Set<String>) -> [Int] { columns.indices.filter { names.contains(columns[$0]) } }
        let twoLetter = columns.filter { $0.count == 2 }.count
        if columns.contains("ti"), twoLetter >= 10, twoLetter * 5 >= columns.filter({ !$0.isEmpty }).count * 4 {
            layout = .webOfScience
        } else if columns.contains(where: {
            $0.hasPrefix("authorships") || $0.hasPrefix("primary_location.") || $0 == "abstract_inverted_index"
                || $0 == "ids.openalex"
        }) {
            layout = .openAlex
        } else if columns.contains(where: {
            $0.hasPrefix("emtree ") || $0 == "medline pmid" || $0 == "embase accession id"
        }) {
            layout = .embase
        } else {
            layout = .generic
        }
        if layout == .webOfScience {
            // Clarivate's field tags, by their own meaning.
            func tag(_ name: String) -> Int? { columns.firstIndex(of: name) }
            title = tag("ti")
            abstract = tag("ab")
            authors = [tag("af"), tag("au")].compactMap { $0 }
            journal = tag("so")
            year = tag("py")
            volume = tag("vl")
            issue = tag("is")
            pageStart = tag("bp")
            pageEnd = tag("ep")
            pages = tag("ar") ?? tag("ps")  // article number; Zoological Record's page span
            doi = tag("di")
            pmid = tag("pm")
            keywords = [tag("de"), tag("id")].compactMap { $0 }
            recordID = tag("ut") ?? tag("an")
            language = tag("la")
            type = tag("pt")
            return
        }
        title = index(CSVColumns.title)
        abstract = index(CSVColumns.abstract)
        authors = index(CSVColumns.authors).map { [$0] } ?? []
        year = index(CSVColumns.year)
        doi = index(CSVColumns.doi)
        pmid = index(CSVColumns.pmid)
        recordID = index(CSVColumns.recordID)
        keywords = indices(CSVColumns.keywords)
        mesh = indices(CSVColumns.mesh) + indices(CSVColumns.indexTerms)
        label = index(CSVColumns.label)
        decision = index(CSVColumns.decision)
        journal = index(CSVColumns.journal)
        date = index(CSVColumns.date)
        pageStart = index(CSVColumns.pageStart)
        pageEnd = index(CSVColumns.pageEnd)
        volume = index(CSVColumns.volume)
        issue = index(CSVColumns.issue)
        pages = index(CSVColumns.pages)
        urls = index(CSVColumns.urls)
        language = index(CSVColumns.language)
        type = index(CSVColumns.type)
        switch layout {
        case .openAlex:
            split = .pipe
            invertedAbstract = index(CSVColumns.invertedAbstract)
            authorships = index(CSVColumns.authorships)
        case .embase:
            split = .comma
            commaSeparatedAuthors = true
            if journal == nil { embaseSource = columns.firstIndex(of: "source") }
        case .generic, .webOfScience:
            // PubMed's CSV and older Scopus CSVs separate authors with commas ("Smith J, Lee A."); the
            // others with ";" (a value with ";" is split there in any case).
            commaSeparatedAuthors =
                (columns.contains("journal/book") && columns.contains("create date"))
                || (columns.contains("eid") && columns.contains("source title"))
        }
    }

    /// Every column some field reads.
    var columns: [Int] {
        [
            date, pageStart, pageEnd, title, abstract, year, doi, pmid, recordID, label, decision, journal, volume,
            issue, pages, urls, language, type, invertedAbstract, authorships, embaseSource,
        ].compactMap { $0 } + authors + keywords + mesh
    }

    /// True for a column the layout knows carries nothing tarsier stores.
    func isKnown(_ name: String) -> Bool {
        switch layout {
        case .webOfScience: CSVColumns.WebOfScience.known.contains(name)
        case .openAlex:
            CSVColumns.known.contains(name) || CSVColumns.OpenAlex.known.contains(name)
                || CSVColumns.OpenAlex.knownPrefixes.contains { name.hasPrefix($0) }
        case .generic, .embase: CSVColumns.known.contains(name)
        }
    }

    func record(_ row: [String], line: Int, file: String, diagnostics: inout [Diagnostic]) -> ImportedRecord {
        func value(_ column: Int?) -> String? {
            guard let column, column < row.count else { return nil }
            return FieldNormalisation.nonEmpty(row[column])
        }
        func list(_ column: Int?) -> [String] {
            guard let text = value(column) else { return [] }
            switch split {
            case .semicolon: return Self.split(text, on: ";")
            case .pipe: return Self.split(text, on: "|")
            case .comma: return Self.splitOutsideParentheses(text)
            }
        }
        var fields = ReferenceFields()
        fields.title = value(title) ?? ""
        fields.abstract =
            value(abstract) ?? value(invertedAbstract).flatMap { InvertedAbstract.text(fromJSON: $0) } ?? ""
        fields.authors =
            authors.lazy.map { Self.split(value($0) ?? "", on: self.split == .pipe ? "|" : ";") }
            .first { !$0.isEmpty } ?? []
        if fields.authors.isEmpty, let json = value(authorships) {
            fields.authors = InvertedAbstract.authorNames(fromJSON: json)
        }
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
        // OpenAlex writes ids.pmid as https://pubmed.ncbi.nlm.nih.gov/12345.
        fields.pmid = value(pmid).flatMap {
            FieldNormalisation.pmid($0) ?? FieldNormalisation.pmid(String($0.split(separator: "/").last ?? ""))
        }
        fields.keywords = keywords.flatMap { list($0) }
        fields.journal = value(journal)
        fields.volume = value(volume)
        fields.issue = value(issue)
        fields.pages = value(pages)
        if fields.pages == nil, let start = value(pageStart) {
            fields.pages = value(pageEnd).map { "\(start)-\($0)" } ?? start
        }
        if let source = value(embaseSource) { EmbaseSource.fill(&fields, from: source) }
        fields.urls = Self.split(value(urls) ?? "", on: ";")
        fields.language = value(language)
        fields.type = value(type).map { layout == .webOfScience ? WebOfScienceReader.types[$0] ?? $0 : $0 }
        fields.meshTerms = mesh.flatMap { list($0) }
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

    /// The trimmed, non-empty parts of `text` between `separator`s.
    static func split(_ text: String, on separator: Character) -> [String] {
        text.split(separator: separator).compactMap { FieldNormalisation.nonEmpty(String($0)) }
    }

    /// `a, b (x, y), c` → `a`, `b (x, y)`, `c`.
    static func splitOutsideParentheses(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case "," where depth == 0:
                if let part = FieldNormalisation.nonEmpty(current) { parts.append(part) }
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        if let part = FieldNormalisation.nonEmpty(current) { parts.append(part) }
        return parts
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

/// Embase's older CSV has one `Source` citation instead of journal, year, volume and pages:
/// `Endoscopic Ultrasound (2014) 3:3 (152-160). Date of Publication: 2014`.
enum EmbaseSource {
    /// Fills the journal, year, volume, issue and pages that `fields` lack from `source`.
    static func fill(_ fields: inout ReferenceFields, from source: String) {
        // The year in parentheses ends the journal's name (which may hold parentheses itself).
        var search = source.startIndex
        var found: (open: Range<String.Index>, close: String.Index, year: Int)?
        while found == nil, let open = source.range(of: " (", range: search..<source.endIndex) {
            search = open.upperBound
            if let close = source[open.upperBound...].firstIndex(of: ")"),
                source.distance(from: open.upperBound, to: close) == 4,
                let year = FieldNormalisation.year(in: String(source[open.upperBound..<close]))
            {
                found = (open, close, year)
            }
        }
        guard let (open, close, year) = found else { return }
        let journal = FieldNormalisation.nonEmpty(String(source[..<open.lowerBound]))
        if fields.journal == nil { fields.journal = journal }
        if fields.year == nil { fields.year = year }
        // "3:3 (152-160)": volume:issue, then the pages in parentheses.
        let rest = source[source.index(after: close)...].drop { $0 == " " }
        let citation = rest.prefix { $0 != " " && $0 != "." }
        if !citation.isEmpty, citation.first?.isNumber == true {
            let parts = citation.split(separator: ":", maxSplits: 1).map(String.init)
            if fields.volume == nil { fields.volume = parts.first }
            if fields.issue == nil, parts.count > 1 { fields.issue = parts[1] }
        }
        if fields.pages == nil, let pagesOpen = rest.firstIndex(of: "("),
            let pagesClose = rest[pagesOpen...].firstIndex(of: ")")
        {
            fields.pages = FieldNormalisation.nonEmpty(String(rest[rest.index(after: pagesOpen)..<pagesClose]))
        }
    }
}

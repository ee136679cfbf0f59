import ReviewModel

/// The record pager: title, bibliographic line, decision, abstract, keywords/MeSH and note,
/// word-wrapped with term highlighting and scrolled by `AppState.pagerScroll`.
public enum PagerView {
    /// Cells left blank on each side of the text.
    static let margin = 1

    /// The pager's lines for the current record at a terminal width.
    public static func lines(_ state: AppState, width: Int) -> [[Glyph]] {
        guard let detail = state.current else { return [] }
        let textWidth = max(1, width - 2 * margin)
        let highlighter = Highlighter(terms: state.terms, search: state.search?.query)
        var lines: [[Glyph]] = []

        func add(_ text: String, _ style: Style = .plain, highlight: Bool = false, keepNewlines: Bool = false) {
            var glyphs = Glyph.make(text, style: style, keepNewlines: keepNewlines)
            if highlight {
                highlighter.apply(to: &glyphs)
                if style.attributes.contains(.bold) {
                    for index in glyphs.indices { glyphs[index].style = glyphs[index].style.adding(.bold) }
                }
            }
            lines += TextWrapper.wrap(glyphs, width: textWidth)
        }

        let fields = detail.fields
        add(fields.title.isEmpty ? "(no title)" : fields.title, .bold, highlight: true)
        let meta = metadata(fields)
        if !meta.isEmpty { add(meta, .muted) }
        if let label = detail.label {
            add("Decision: \(label.rawValue)" + (detail.reason.map { " — \($0)" } ?? ""), Style.label(label))
        }
        lines.append([])
        if fields.abstract.allSatisfy(\.isWhitespace) {
            add("(no abstract)", .muted)
        } else {
            add(fields.abstract, highlight: true, keepNewlines: true)
        }
        if !fields.keywords.isEmpty {
            lines.append([])
            add("Keywords: " + fields.keywords.joined(separator: "; "), highlight: true)
        }
        if !fields.meshTerms.isEmpty {
            if fields.keywords.isEmpty { lines.append([]) }
            add("MeSH: " + fields.meshTerms.joined(separator: "; "), highlight: true)
        }
        if let note = detail.note, !note.isEmpty {
            lines.append([])
            add("Note: " + note, Style(.bold, role: .warning), keepNewlines: true)
        }
        return lines
    }

    /// How many lines the current record takes at a width.
    public static func lineCount(_ state: AppState, width: Int) -> Int {
        lines(state, width: width).count
    }

    /// "Smith J, Kumar R, Olsen M et al. · Journal · 2004 · PMID 1 · doi:…".
    static func metadata(_ fields: ReferenceFields) -> String {
        var parts: [String] = []
        if !fields.authors.isEmpty {
            parts.append(fields.authors.prefix(3).joined(separator: ", ") + (fields.authors.count > 3 ? " et al." : ""))
        }
        if let journal = fields.journal, !journal.isEmpty { parts.append(journal) }
        if let year = fields.year { parts.append(String(year)) }
        if let pmid = fields.pmid, !pmid.isEmpty { parts.append("PMID \(pmid)") }
        if let doi = fields.doi, !doi.isEmpty { parts.append("doi:\(doi)") }
        return parts.joined(separator: " · ")
    }

    static func draw(_ state: AppState, lines all: [[Glyph]], rows: Range<Int>, into buffer: inout ScreenBuffer) {
        guard !rows.isEmpty else { return }
        guard state.current != nil else {
            buffer.put("No record selected.", row: rows.lowerBound, column: margin, style: .muted)
            return
        }
        let start = max(0, min(state.pagerScroll, all.count - rows.count))
        for (offset, row) in rows.enumerated() where start + offset < all.count {
            buffer.put(all[start + offset], row: row, column: margin, limit: buffer.size.columns - margin)
        }
    }
}

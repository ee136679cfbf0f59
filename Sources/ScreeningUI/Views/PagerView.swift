import ReviewModel

/// The record pager: title, bibliographic line, decision, abstract, keywords/MeSH and note,
/// word-wrapped with term highlighting and scrolled by `AppState.pagerScroll`.
public enum PagerView {
    /// Cells left blank on each side of the text.
    static let margin = 1

    /// The pager's text for a record, as blocks to lay out.
    static func blocks(_ detail: RecordDetail) -> [PagerLayout.Block] {
        let fields = detail.fields
        var blocks: [PagerLayout.Block] = []
        blocks.append(.init(fields.title.isEmpty ? "(no title)" : fields.title, .bold, highlight: true))
        let meta = metadata(fields)
        if !meta.isEmpty { blocks.append(.init(meta, .muted)) }
        if let label = detail.label {
            blocks.append(
                .init("Decision: \(label.rawValue)" + (detail.reason.map { " — \($0)" } ?? ""), Style.label(label)))
        }
        if let other = detail.decidedElsewhere {
            blocks.append(
                .init(
                    "\(other.assessor) \(other.label.map { "decided \($0.rawValue)" } ?? "undid a decision") on this record meanwhile",
                    Style(.bold, role: .warning)))
        }
        blocks.append(.init(""))
        if fields.abstract.allSatisfy(\.isWhitespace) {
            blocks.append(.init("(no abstract)", .muted))
        } else {
            blocks.append(.init(fields.abstract, highlight: true, keepNewlines: true))
        }
        if !fields.keywords.isEmpty {
            blocks.append(.init(""))
            blocks.append(.init("Keywords: " + fields.keywords.joined(separator: "; "), highlight: true))
        }
        if !fields.meshTerms.isEmpty {
            if fields.keywords.isEmpty { blocks.append(.init("")) }
            blocks.append(.init("MeSH: " + fields.meshTerms.joined(separator: "; "), highlight: true))
        }
        if let note = detail.note, !note.isEmpty {
            blocks.append(.init(""))
            blocks.append(.init("Note: " + note, Style(.bold, role: .warning), keepNewlines: true))
        }
        return blocks
    }

    /// The current record laid out for a terminal width (made once per record and width, then
    /// cached), or nil when no record is shown.
    public static func layout(_ state: AppState, width: Int) -> PagerLayout? {
        guard let detail = state.current else { return nil }
        let textWidth = max(1, width - 2 * margin)
        return PagerLayoutCache.shared.layout(for: detail, width: textWidth) {
            PagerLayout(blocks(detail), width: textWidth)
        }
    }

    /// All of the pager's lines for the current record at a terminal width, highlighted (for tests
    /// and small records; drawing uses only the visible lines).
    public static func lines(_ state: AppState, width: Int) -> [[Glyph]] {
        guard let layout = layout(state, width: width) else { return [] }
        return layout.lines(0..<layout.lineCount, highlighter: highlighter(state))
    }

    /// How many lines the current record takes at a width.
    public static func lineCount(_ state: AppState, width: Int) -> Int {
        layout(state, width: width)?.lineCount ?? 0
    }

    /// The last useful scroll position: the one whose page ends with the record's last line.
    static func maximumScroll(_ state: AppState, layout: Layout) -> Int {
        max(0, lineCount(state, width: layout.size.columns) - layout.pagerRows)
    }

    static func highlighter(_ state: AppState) -> Highlighter {
        Highlighter(terms: state.terms, search: state.search?.query)
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

    static func draw(_ state: AppState, layout: PagerLayout?, rows: Range<Int>, into buffer: inout ScreenBuffer) {
        guard !rows.isEmpty else { return }
        guard let layout else {
            buffer.put("No record selected.", row: rows.lowerBound, column: margin, style: .muted)
            return
        }
        let start = max(0, min(state.pagerScroll, layout.lineCount - rows.count))
        let visible = layout.lines(start..<(start + rows.count), highlighter: highlighter(state))
        for (row, line) in zip(rows, visible) {
            buffer.put(line, row: row, column: margin, limit: buffer.size.columns - margin)
        }
    }
}

import ReviewModel

/// Turns the tagged values of one RIS record into an ``ImportedRecord``.
enum RISRecordMapper {
    /// One tag occurrence with its value lines.
    struct Entry {
        var tag: String
        var first: Substring
        var more: [Substring] = []
        var line: Int

        /// The value: paragraphs joined by newlines for free-text tags, by spaces otherwise.
        var value: String {
            if more.isEmpty { return String(first) }
            let separator = RISTags.paragraphTags.contains(tag) ? "\n" : " "
            return FieldNormalisation.trimmed(([first] + more).joined(separator: separator))
        }
    }

    /// A record being read.
    struct Pending {
        var line: Int
        var type: String?
        var entries: [Entry] = []
        /// Byte range of the record in the file.
        var rawStart: Int
        var rawEnd: Int

        init(line: Int, type: String?, rawStart: Int, rawEnd: Int) {
            self.line = line
            self.type = type
            self.rawStart = rawStart
            self.rawEnd = rawEnd
        }
    }

    /// The prefix of the note in which tarsier writes its decision (see ``RISWriter``).
    static let decisionNote = "tarsier decision: "
    /// The prefix of the notes in which tarsier writes MeSH headings (RIS has no MeSH tag).
    static let meshNote = "MeSH: "

    /// Maps a record; diagnostics cover a malformed year and a record with nothing to screen.
    static func map(_ pending: Pending, raw: String, file: String) -> (
        record: ImportedRecord, diagnostics: [Diagnostic]
    ) {
        var byTag: [String: [Entry]] = [:]
        for entry in pending.entries { byTag[entry.tag, default: []].append(entry) }
        func first(_ tags: [String]) -> String? {
            for tag in tags {
                for entry in byTag[tag] ?? [] {
                    if let value = FieldNormalisation.nonEmpty(entry.value) { return value }
                }
            }
            return nil
        }
        func all(_ tags: [String]) -> [String] {
            tags.flatMap { tag in (byTag[tag] ?? []).compactMap { FieldNormalisation.nonEmpty($0.value) } }
        }
        var diagnostics: [Diagnostic] = []
        var fields = ReferenceFields()
        fields.type = FieldNormalisation.nonEmpty(pending.type)
        fields.title = first(RISTags.title) ?? ""
        fields.abstract = first(RISTags.abstract) ?? ""
        fields.authors = pending.entries.filter { RISTags.authors.contains($0.tag) }
            .compactMap { FieldNormalisation.nonEmpty($0.value) }
        fields.journal = first(RISTags.journal)
        fields.translatedTitle = first(RISTags.translatedTitle)
        if isEBSCO(byTag, first: first) {
            // EBSCOhost writes the journal in JO/JF/J1 and uses T2 for another title of the work: the
            // English one beside an original-language T1 (N1 "…; Language: German; …"), else a subtitle.
            let journal = first(["JF", "JO", "JA", "J1", "J2"])
            if journal != nil { fields.journal = journal }
            let language = first(["LA"]) ?? ebscoLanguage(all(["N1"]))
            if fields.language == nil { fields.language = language }
            if journal != nil, fields.translatedTitle == nil, let language, !isEnglish(language),
                let other = first(["T2"]), other != fields.title
            {
                fields.translatedTitle = other
            }
        }
        fields.year = year(byTag, file: file, diagnostics: &diagnostics)
        fields.volume = first(["VL"])
        fields.issue = first(["IS"])
        // Zoological Record writes the page span in PS.
        fields.pages = FieldNormalisation.pages(start: first(["SP"]), end: first(["EP"])) ?? first(["PS"])
        fields.urls = uniqued(all(["UR", "L2"]))
        fields.doi =
            first(["DO"]).flatMap { FieldNormalisation.doi($0) }
            ?? fields.urls.lazy.compactMap { FieldNormalisation.doi(fromURL: $0) }.first
        fields.pmid = pmid(byTag, first: first)
        fields.keywords = all(["KW"])
        if fields.language == nil { fields.language = first(["LA"]) }
        var label: Label?
        for note in all(["N1"]) {
            if note.hasPrefix(decisionNote) {
                label = Label(rawValue: FieldNormalisation.trimmed(String(note.dropFirst(decisionNote.count))))
            } else if note.hasPrefix(meshNote) {
                fields.meshTerms.append(String(note.dropFirst(meshNote.count)))
            }
        }
        if fields.isEmpty {
            diagnostics.append(.warning("record has no title and no abstract", file: file, line: pending.line))
        }
        let record = ImportedRecord(
            fields: fields, line: pending.line, sourceID: first(["ID"]), label: label,
            raw: raw)
        return (record, diagnostics)
    }

    /// The first four-digit year of PY, Y1 or DA; warns when a year tag holds no year.
    private static func year(_ byTag: [String: [Entry]], file: String, diagnostics: inout [Diagnostic]) -> Int? {
        var found: Int?
        for tag in RISTags.year {
            for entry in byTag[tag] ?? [] {
                let value = entry.value
                if value.isEmpty { continue }
                if let year = FieldNormalisation.year(in: value) {
                    if found == nil { found = year }
                } else if tag != "DA" {
                    diagnostics.append(
                        .warning(
                            "\(tag) \"\(value)\" holds no four-digit year; year left empty",
                            file: file, line: entry.line, field: tag))
                }
            }
            if found != nil { break }
        }
        return found
    }

    /// The PubMed id from `AN` when it is numeric and the record comes from PubMed/MEDLINE
    /// (`DB`/`DP` naming PubMed, MEDLINE or NLM, as in PubMed's EndNote export), or from a `PMID:` note.
    private static func pmid(_ byTag: [String: [Entry]], first: ([String]) -> String?) -> String? {
        let database = [first(["DB"]), first(["DP"])].compactMap { $0?.lowercased() }
        let fromPubMed = database.contains { $0.contains("pubmed") || $0.contains("medline") || $0 == "nlm" }
        if fromPubMed, let accession = first(["AN"]), let pmid = FieldNormalisation.pmid(accession) {
            return pmid
        }
        // Embase writes the MEDLINE PMID in C5; Cochrane CENTRAL writes "PUBMED 12345" in C3.
        if database.contains(where: { $0.contains("embase") }), let value = first(["C5"]),
            value.allSatisfy(\.isNumber), let pmid = FieldNormalisation.pmid(value)
        {
            return pmid
        }
        for entry in byTag["C3"] ?? [] where FieldNormalisation.hasPrefixIgnoringCase(entry.first, "pubmed") {
            if let pmid = FieldNormalisation.pmid(String(entry.value.dropFirst(6))) { return pmid }
        }
        for tag in ["C2", "N1", "M1"] {
            for entry in byTag[tag] ?? [] where FieldNormalisation.hasPrefixIgnoringCase(entry.first, "pmid:") {
                if let pmid = FieldNormalisation.pmid(entry.value) { return pmid }
            }
        }
        return nil
    }

    /// A record exported from EBSCOhost (its `DP`/`DB`, its links, or its accession-number note).
    private static func isEBSCO(_ byTag: [String: [Entry]], first: ([String]) -> String?) -> Bool {
        if let provider = first(["DP"]), provider.lowercased().contains("ebsco") { return true }
        if (byTag["UR"] ?? []).contains(where: { $0.first.lowercased().contains("ebscohost") }) { return true }
        return (byTag["N1"] ?? []).contains { FieldNormalisation.hasPrefixIgnoringCase($0.first, "accession number:") }
    }

    /// The language named in an EBSCO note: `Accession Number: …; Language: German; …`.
    private static func ebscoLanguage(_ notes: [String]) -> String? {
        for note in notes {
            for part in note.split(separator: ";") {
                let trimmed = part.drop { $0 == " " }
                if FieldNormalisation.hasPrefixIgnoringCase(trimmed, "language:") {
                    return FieldNormalisation.nonEmpty(String(trimmed.dropFirst("language:".count)))
                }
            }
        }
        return nil
    }

    /// English, or a language that says nothing (`Undetermined`): no translated title then.
    private static func isEnglish(_ language: String) -> Bool {
        ["english", "eng", "en", "undetermined", "und", "multiple languages"].contains(language.lowercased())
    }

    private static func uniqued(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}

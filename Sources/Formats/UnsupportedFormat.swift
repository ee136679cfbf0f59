/// Export formats tarsier does not read but can recognise from a file's first bytes, so that a
/// refusal names what the file is and how to export it again in a format tarsier reads.
public struct UnsupportedFormat: Equatable, Sendable {
    /// What the file is, e.g. "an Ovid native (display) export".
    public var name: String
    /// How to get a file tarsier reads instead.
    public var advice: String

    /// The unsupported format the file's first bytes show, nil when none of the known ones.
    public static func recognise(prefix: [UInt8]) -> UnsupportedFormat? {
        if prefix.starts(with: [0x25, 0x50, 0x44, 0x46]) {  // %PDF
            return .init(name: "a PDF document", advice: "export the search results as RIS or PubMed (.nbib) instead")
        }
        if prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) {  // ZIP: .xlsx, .docx, .zip
            return .init(
                name: "a ZIP archive (an Excel .xlsx workbook or a zipped export)",
                advice: "unzip it, or save the sheet as CSV (UTF-8) and import that")
        }
        if prefix.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {  // OLE2: .xls, .doc
            return .init(
                name: "an Excel 97–2003 (.xls) workbook", advice: "save the sheet as CSV (UTF-8) and import that")
        }
        let text = String(decoding: prefix.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }, as: UTF8.self)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard let first = lines.first else { return nil }
        if first.hasPrefix("<") && text.contains("<records>") && text.contains("<record>") {
            return .init(
                name: "an EndNote XML library export",
                advice:
                    "in EndNote choose File › Export with the output style \"RefMan (RIS) Export\" and import the .ris file"
            )
        }
        if first.hasPrefix("<rdf:RDF") || (first.hasPrefix("<?xml") && text.contains("<rdf:RDF")) {
            return .init(
                name: "a Zotero RDF export", advice: "in Zotero export the collection as RIS and import the .ris file")
        }
        if first.hasPrefix("%0 ") || lines.prefix(3).contains(where: { $0.hasPrefix("%0 ") }) {
            return .init(
                name: "an EndNote tagged (.enw) export",
                advice: "export as RIS (EndNote: output style \"RefMan (RIS) Export\") and import the .ris file")
        }
        if first.hasPrefix("@") && first.contains("{") {
            return .init(
                name: "a BibTeX file",
                advice: "export the records as RIS (Zotero, JabRef and Mendeley all can) and import that")
        }
        if first.hasPrefix("RT ") || lines.prefix(3).contains(where: { $0.hasPrefix("RT ") && $0.contains("Journal") })
        {
            return .init(
                name: "a RefWorks tagged export", advice: "export from RefWorks as RIS and import the .ris file")
        }
        let ovidNative = lines.prefix(40).contains { line in
            line.hasPrefix("<") && line.hasSuffix(">") && line.dropFirst().dropLast().allSatisfy(\.isNumber)
                && line.count > 2
        }
        if ovidNative
            || (lines.prefix(5).contains { $0.hasPrefix("Database:") && $0.contains("Ovid") }
                && !lines.contains { $0.hasPrefix("TY  -") })
        {
            return .init(
                name: "an Ovid native (display) export",
                advice: "re-export from Ovid with Export › Format \"RIS\" and import the .ris file")
        }
        return nil
    }
}

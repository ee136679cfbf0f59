/// A bibliographic file format tarsier reads.
public enum ImportFormat: String, Sendable, Codable, CaseIterable {
    case ris
    case medline
    case pubmedXML = "pubmed-xml"
    case csv
    case wos
}

/// The bibliographic fields of one citation, as read from an export file or stored in a review.
///
/// Every importer fills what its format carries; every exporter writes what is present.
/// Multi-valued fields keep their source order.
public struct ReferenceFields: Sendable, Codable, Hashable {
    /// RIS reference type (`JOUR`, `BOOK`, …) or the closest equivalent; nil when unknown.
    public var type: String?
    public var title: String
    /// The title in English when `title` is in the original language and the source gives both
    /// (RIS `TT`; EBSCO's `T2` beside a non-English `T1`). Screening shows it (``shown``); exports
    /// and duplicate keys keep `title`.
    public var translatedTitle: String?
    public var abstract: String
    /// Authors as written in the source, usually "Family, Given" or "Family GI".
    public var authors: [String]
    public var journal: String?
    public var year: Int?
    public var volume: String?
    public var issue: String?
    /// Pages as "start-end" or a single article number.
    public var pages: String?
    public var doi: String?
    public var pmid: String?
    /// Author keywords.
    public var keywords: [String]
    /// MeSH or Emtree headings (controlled vocabulary), when the source has them.
    public var meshTerms: [String]
    public var urls: [String]
    public var language: String?

    public init(
        type: String? = nil, title: String = "", abstract: String = "", authors: [String] = [],
        journal: String? = nil, year: Int? = nil, volume: String? = nil, issue: String? = nil,
        pages: String? = nil, doi: String? = nil, pmid: String? = nil, keywords: [String] = [],
        meshTerms: [String] = [], urls: [String] = [], language: String? = nil
    ) {
        self.type = type
        self.title = title
        self.abstract = abstract
        self.authors = authors
        self.journal = journal
        self.year = year
        self.volume = volume
        self.issue = issue
        self.pages = pages
        self.doi = doi
        self.pmid = pmid
        self.keywords = keywords
        self.meshTerms = meshTerms
        self.urls = urls
        self.language = language
    }

    /// True when the record has neither a title nor an abstract (nothing to screen).
    public var isEmpty: Bool {
        title.allSatisfy(\.isWhitespace) && abstract.allSatisfy(\.isWhitespace)
    }
}

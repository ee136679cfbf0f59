import ReviewModel

/// Collects the pieces of one `PubmedArticle`/`PubmedBookArticle` and assembles the fields.
struct PubMedRecordBuilder {
    /// One author's name parts.
    struct AuthorName {
        var lastName = ""
        var foreName = ""
        var initials = ""
        var collectiveName = ""

        /// "Last, Fore" (or "Last, Initials", "Last", or the collective name).
        var display: String? {
            if !collectiveName.isEmpty { return collectiveName }
            guard !lastName.isEmpty else { return nil }
            let given = foreName.isEmpty ? initials : foreName
            return given.isEmpty ? lastName : "\(lastName), \(given)"
        }
    }

    let line: Int
    let isBook: Bool
    var fields = ReferenceFields()
    var title = ""
    var vernacularTitle = ""
    var bookTitle = ""
    var abstractParts: [String] = []
    var authors: [AuthorName] = []
    var journalAbbreviation: String?
    var year: Int?
    var medlinePages: String?
    var startPage: String?
    var endPage: String?
    var articleDOI: String?
    var articlePMID: String?
    var locationDOI: String?
    var publicationTypes: [String] = []

    init(line: Int, isBook: Bool) {
        self.line = line
        self.isBook = isBook
    }

    /// Starts a new author (an `Author` element in the work's `AuthorList`).
    mutating func startAuthor() { authors.append(AuthorName()) }

    /// Sets one name part of the current author.
    mutating func setAuthorPart(_ part: WritableKeyPath<AuthorName, String>, _ value: String) {
        if authors.isEmpty { authors.append(AuthorName()) }
        authors[authors.count - 1][keyPath: part] = value
    }

    /// Adds an `AbstractText` section; labelled sections become "LABEL: text".
    mutating func addAbstract(_ text: String, label: String?) {
        guard !text.isEmpty else { return }
        if let label, !label.isEmpty { abstractParts.append("\(label): \(text)") } else { abstractParts.append(text) }
    }

    /// Records an `ArticleId` of the article itself (doi, pubmed).
    mutating func addArticleID(_ value: String, type: String) {
        switch type {
        case "doi": if articleDOI == nil { articleDOI = FieldNormalisation.doi(value) }
        case "pubmed": if articlePMID == nil { articlePMID = FieldNormalisation.pmid(value) }
        default: break
        }
    }

    /// The finished record.
    func build() -> ImportedRecord {
        var fields = self.fields
        fields.type = isBook ? (title.isEmpty ? "BOOK" : "CHAP") : "JOUR"
        let chosenTitle = [title, vernacularTitle, bookTitle].first { !$0.isEmpty } ?? ""
        fields.title = chosenTitle
        fields.abstract = abstractParts.joined(separator: "\n")
        fields.authors = authors.compactMap(\.display)
        if fields.journal == nil || fields.journal?.isEmpty == true { fields.journal = journalAbbreviation }
        if isBook, fields.journal == nil, !bookTitle.isEmpty, !title.isEmpty { fields.journal = bookTitle }
        fields.year = year
        fields.pages =
            FieldNormalisation.nonEmpty(medlinePages)
            ?? FieldNormalisation.pages(start: startPage, end: endPage)
        fields.doi = articleDOI ?? locationDOI.flatMap { FieldNormalisation.doi($0) }
        fields.pmid = fields.pmid ?? articlePMID
        return ImportedRecord(fields: fields, line: line, sourceID: fields.pmid)
    }
}

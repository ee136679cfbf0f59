import Foundation
import ReviewModel

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The `XMLParserDelegate` behind ``PubMedXMLReader``: a small state machine over the element stack.
final class PubMedXMLHandler: NSObject, XMLParserDelegate {
    /// What the text being collected will become.
    private enum Target {
        case title, vernacularTitle, bookTitle, abstract(label: String?), lastName, foreName, initials
        case collectiveName, journal, journalAbbreviation, volume, issue, year, medlineDate
        case medlinePages, startPage, endPage, articleID(type: String), doiLocation, pmid, mesh, keyword
        case language, publicationType
    }

    let file: String
    private(set) var records: [ImportedRecord] = []
    /// When set, finished records are handed over in chunks of `chunkSize` instead of being kept.
    var chunkHandler: (([ImportedRecord]) -> Void)?
    var chunkSize = 1_000
    /// The line of the last complete record (for messages about a document that stops early).
    private(set) var lastRecordLine: Int?
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var firstError: (line: Int, message: String)?
    private(set) var sawRoot = false

    private var stack: [String] = []
    private var record: PubMedRecordBuilder?
    private var target: Target?
    private var targetDepth = 0
    private var text = ""

    init(file: String) { self.file = file }

    /// Elements still open at the end of input (non-zero for a truncated file).
    var openElements: Int { stack.count }
    /// The innermost open element, for messages.
    var innermostElement: String { stack.last ?? "" }

    private func parent(_ offset: Int = 1) -> String {
        stack.count > offset ? stack[stack.count - 1 - offset] : ""
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes: [String: String] = [:]
    ) {
        stack.append(elementName)
        if stack.count == 1 { sawRoot = true }
        if elementName == "PubmedArticle" || elementName == "PubmedBookArticle" {
            record = PubMedRecordBuilder(line: parser.lineNumber, isBook: elementName == "PubmedBookArticle")
            return
        }
        guard record != nil, target == nil, let next = target(for: elementName, attributes: attributes) else {
            if elementName == "Author", parent() == "AuthorList", isWorkAuthorList() { record?.startAuthor() }
            return
        }
        target = next
        targetDepth = stack.count
        text.removeAll(keepingCapacity: true)
    }

    /// Whether the enclosing `AuthorList` lists the work's authors (not editors, not references).
    private func isWorkAuthorList() -> Bool {
        let owner = parent(2)
        return owner == "Article" || owner == "BookDocument"
    }

    private func target(for name: String, attributes: [String: String]) -> Target? {
        let up = parent()
        switch name {
        case "ArticleTitle" where up == "Article" || up == "BookDocument": return .title
        case "VernacularTitle" where up == "Article" || up == "BookDocument": return .vernacularTitle
        case "BookTitle" where up == "Book": return .bookTitle
        case "AbstractText" where up == "Abstract": return .abstract(label: attributes["Label"])
        case "LastName" where up == "Author" && isAuthorOfWork(): return .lastName
        case "ForeName" where up == "Author" && isAuthorOfWork(): return .foreName
        case "Initials" where up == "Author" && isAuthorOfWork(): return .initials
        case "CollectiveName" where up == "Author" && isAuthorOfWork(): return .collectiveName
        case "Title" where up == "Journal": return .journal
        case "ISOAbbreviation" where up == "Journal": return .journalAbbreviation
        case "Volume" where up == "JournalIssue" || up == "Book": return .volume
        case "Issue" where up == "JournalIssue": return .issue
        case "Year" where up == "PubDate": return .year
        case "MedlineDate" where up == "PubDate": return .medlineDate
        case "MedlinePgn" where up == "Pagination": return .medlinePages
        case "StartPage" where up == "Pagination": return .startPage
        case "EndPage" where up == "Pagination": return .endPage
        case "ArticleId" where up == "ArticleIdList" && (parent(2) == "PubmedData" || parent(2) == "PubmedBookData"):
            return .articleID(type: attributes["IdType"] ?? "")
        case "ELocationID" where attributes["EIdType"] == "doi" && (up == "Article" || up == "BookDocument"):
            return .doiLocation
        case "PMID" where up == "MedlineCitation" || up == "BookDocument": return .pmid
        case "DescriptorName" where up == "MeshHeading": return .mesh
        case "Keyword" where up == "KeywordList": return .keyword
        case "Language" where up == "Article" || up == "BookDocument": return .language
        case "PublicationType" where up == "PublicationTypeList": return .publicationType
        default: return nil
        }
    }

    /// True inside Article/AuthorList/Author or BookDocument/AuthorList/Author (stack ends at Author).
    private func isAuthorOfWork() -> Bool {
        parent(1) == "Author" && parent(2) == "AuthorList"
            && {
                let owner = parent(3)
                return owner == "Article" || owner == "BookDocument"
            }()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if target != nil { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if target != nil { text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        if let current = target, stack.count == targetDepth {
            store(current)
            target = nil
        }
        stack.removeLast()
        if elementName == "PubmedArticle" || elementName == "PubmedBookArticle", let finished = record {
            let imported = finished.build()
            if imported.fields.isEmpty {
                diagnostics.append(.warning("record has no title and no abstract", file: file, line: imported.line))
            }
            lastRecordLine = imported.line
            records.append(imported)
            if let chunkHandler, records.count >= chunkSize {
                chunkHandler(records)
                records.removeAll(keepingCapacity: true)
            }
            record = nil
        }
    }

    /// Moves the collected text into the record being built.
    private func store(_ current: Target) {
        guard var built = record else { return }
        record = nil  // keep the builder uniquely referenced while it changes
        defer { record = built }
        let value = FieldNormalisation.trimmed(text)
        switch current {
        case .title: built.title = value
        case .vernacularTitle: built.vernacularTitle = value
        case .bookTitle: built.bookTitle = value
        case .abstract(let label): built.addAbstract(value, label: label)
        case .lastName: built.setAuthorPart(\.lastName, value)
        case .foreName: built.setAuthorPart(\.foreName, value)
        case .initials: built.setAuthorPart(\.initials, value)
        case .collectiveName: built.setAuthorPart(\.collectiveName, value)
        case .journal: built.fields.journal = value
        case .journalAbbreviation: built.journalAbbreviation = value
        case .volume: built.fields.volume = value
        case .issue: built.fields.issue = value
        case .year: built.year = Int(value)
        case .medlineDate: built.year = built.year ?? FieldNormalisation.year(in: value)
        case .medlinePages: built.medlinePages = value
        case .startPage: built.startPage = value
        case .endPage: built.endPage = value
        case .articleID(let type): built.addArticleID(value, type: type)
        case .doiLocation: built.locationDOI = value
        case .pmid: built.fields.pmid = built.fields.pmid ?? FieldNormalisation.pmid(value)
        case .mesh: built.fields.meshTerms.append(value)
        case .keyword: if !value.isEmpty { built.fields.keywords.append(value) }
        case .language: built.fields.language = built.fields.language ?? value
        case .publicationType: built.publicationTypes.append(value)
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if firstError == nil {
            let message = (parseError as NSError).localizedDescription
            firstError = (parser.lineNumber, message)
        }
    }
}

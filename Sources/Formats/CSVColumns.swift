/// Column names the CSV reader accepts, lowercased (ASReview's `COLUMN_DEFINITIONS` aliases plus
/// common export spellings).
enum CSVColumns {
    static let title: Set<String> = [
        "title", "primary_title", "primary title", "ti", "article title", "document title", "t1",
    ]
    static let abstract: Set<String> = ["abstract", "abstract_note", "abstract note", "ab", "n2", "abstracts"]
    static let authors: Set<String> = ["authors", "author", "au", "author names", "first_authors"]
    static let year: Set<String> = ["year", "publication_year", "publication year", "py", "pubyear"]
    static let doi: Set<String> = ["doi", "do"]
    static let pmid: Set<String> = ["pmid", "pubmedid", "pubmed_id", "pubmed id"]
    static let recordID: Set<String> = ["record_id", "id", "record id"]
    static let keywords: Set<String> = ["keywords", "keyword", "kw", "author keywords"]
    static let label: Set<String> = [
        "label_included", "included", "label", "final_included", "label_abstract_screening",
    ]
    static let decision: Set<String> = ["decision", "tarsier_decision"]
    static let journal: Set<String> = [
        "journal", "secondary_title", "source title", "source_title", "journal_name", "t2",
    ]
    static let volume: Set<String> = ["volume", "vl"]
    static let issue: Set<String> = ["issue", "number", "is"]
    static let pages: Set<String> = ["pages", "page", "sp"]
    static let urls: Set<String> = ["urls", "url", "link"]
    static let language: Set<String> = ["language", "la"]
    static let type: Set<String> = ["type", "ty", "type_of_reference"]
    static let mesh: Set<String> = ["mesh", "mesh_terms", "mesh terms", "mh"]
}

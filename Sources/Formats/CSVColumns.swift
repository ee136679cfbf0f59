/// Column names the CSV reader accepts, lowercased (ASReview's `COLUMN_DEFINITIONS` aliases plus
/// common export spellings).
enum CSVColumns {
    static let title: Set<String> = [
        "title", "primary_title", "primary title", "ti", "article title", "document title", "t1",
    ]
    static let abstract: Set<String> = ["abstract", "abstract_note", "abstract note", "ab", "n2", "abstracts"]
    static let authors: Set<String> = ["authors", "author", "au", "author names", "first_authors", "author(s)"]
    static let year: Set<String> = ["year", "publication_year", "publication year", "py", "pubyear"]
    static let doi: Set<String> = ["doi", "do"]
    static let pmid: Set<String> = ["pmid", "pubmedid", "pubmed_id", "pubmed id"]
    static let recordID: Set<String> = ["record_id", "id", "record id", "eid", "accession number", "an"]
    static let keywords: Set<String> = ["keywords", "keyword", "kw", "author keywords"]
    /// Controlled index terms (Scopus "Index Keywords", Emtree and similar), kept as MeSH-like terms.
    static let indexTerms: Set<String> = ["index keywords", "indexed keywords", "subject headings", "emtree terms"]
    static let label: Set<String> = [
        "label_included", "included", "label", "final_included", "label_abstract_screening",
    ]
    static let decision: Set<String> = ["decision", "tarsier_decision"]
    static let journal: Set<String> = [
        "journal", "secondary_title", "source title", "source_title", "journal_name", "t2", "journal/book",
        "journal title", "publication title",
    ]
    /// A date column whose year stands in when there is no year column (PubMed's "Create Date").
    static let date: Set<String> = ["create date", "publication date", "date", "pubdate"]
    static let pageStart: Set<String> = ["page start", "start page", "bp"]
    static let pageEnd: Set<String> = ["page end", "end page", "ep"]
    static let volume: Set<String> = ["volume", "vl"]
    static let issue: Set<String> = ["issue", "number", "is"]
    static let pages: Set<String> = ["pages", "page", "sp"]
    static let urls: Set<String> = ["urls", "url", "link"]
    static let language: Set<String> = ["language", "la", "language of original document"]
    static let type: Set<String> = ["type", "ty", "type_of_reference", "document type", "publication type"]
    static let mesh: Set<String> = ["mesh", "mesh_terms", "mesh terms", "mh"]

    /// Columns a database writes that carry nothing tarsier stores (counts, affiliations, funding,
    /// identifiers of other systems): read and left out without a warning.
    static let known: Set<String> = [
        "cited by", "times cited", "page count", "art. no.", "affiliations", "authors with affiliations",
        "correspondence address", "editors", "publisher", "issn", "isbn", "coden", "abbreviated source title",
        "source", "author(s) id", "author full names", "publication stage", "open access", "funding details",
        "funding texts", "references", "sponsors", "molecular sequence numbers", "chemicals/cas", "tradenames",
        "manufacturers", "conference name", "conference date", "conference location", "conference code",
        "citation", "first author", "pmcid", "nihms id", "label_abstract_screening", "duplicate_record_id",
        "notes", "pdf link", "abs", "pubmedid", "label_included", "url",
    ]
}

/// Column names the CSV reader accepts, lowercased (ASReview's `COLUMN_DEFINITIONS` aliases plus
/// the spellings of the databases' own exports: Scopus, PubMed, CINAHL, Cochrane, Embase, OpenAlex).
enum CSVColumns {
    static let title: Set<String> = [
        "title", "primary_title", "primary title", "ti", "article title", "document title", "t1", "display_name",
    ]
    static let abstract: Set<String> = ["abstract", "abstract_note", "abstract note", "ab", "n2", "abstracts"]
    static let authors: Set<String> = [
        "authors", "author", "au", "author names", "first_authors", "author(s)", "authorships.author.display_name",
    ]
    static let year: Set<String> = ["year", "publication_year", "publication year", "py", "pubyear"]
    static let doi: Set<String> = ["doi", "do", "ids.doi"]
    static let pmid: Set<String> = ["pmid", "pubmedid", "pubmed_id", "pubmed id", "medline pmid", "ids.pmid"]
    static let recordID: Set<String> = [
        "record_id", "id", "record id", "eid", "accession number", "an", "embase accession id",
    ]
    static let keywords: Set<String> = ["keywords", "keyword", "kw", "author keywords", "keywords.display_name"]
    /// Controlled index terms (Scopus "Index Keywords", Emtree and similar), kept as MeSH-like terms.
    static let indexTerms: Set<String> = [
        "index keywords", "indexed keywords", "subject headings", "emtree terms", "emtree drug index terms",
        "emtree medical index terms", "emtree drug index terms (major focus)",
        "emtree medical index terms (major focus)",
    ]
    static let label: Set<String> = [
        "label_included", "included", "label", "final_included", "label_abstract_screening",
    ]
    static let decision: Set<String> = ["decision", "tarsier_decision"]
    static let journal: Set<String> = [
        "journal", "secondary_title", "source title", "source_title", "journal_name", "t2", "journal/book",
        "journal title", "publication title", "primary_location.source.display_name", "host_venue.display_name",
    ]
    /// A date column whose year stands in when there is no year column (PubMed's "Create Date").
    static let date: Set<String> = ["create date", "publication date", "date", "pubdate"]
    static let pageStart: Set<String> = ["page start", "start page", "bp", "first page", "biblio.first_page"]
    static let pageEnd: Set<String> = ["page end", "end page", "ep", "last page", "biblio.last_page"]
    static let volume: Set<String> = ["volume", "vl", "biblio.volume"]
    static let issue: Set<String> = ["issue", "number", "is", "biblio.issue"]
    static let pages: Set<String> = ["pages", "page", "sp"]
    static let urls: Set<String> = ["urls", "url", "link"]
    static let language: Set<String> = ["language", "la", "language of original document", "article language"]
    static let type: Set<String> = ["type", "ty", "type_of_reference", "document type", "publication type"]
    static let mesh: Set<String> = ["mesh", "mesh_terms", "mesh terms", "mh", "mesh.descriptor_name"]
    /// OpenAlex's abstract as `{"word": [positions]}` (its only abstract in most exports).
    static let invertedAbstract: Set<String> = ["abstract_inverted_index"]
    /// OpenAlex's authorships as JSON objects (`[{"author": {"display_name": …}}]`).
    static let authorships: Set<String> = ["authorships"]

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
        // Embase: addresses, dates, trade names and links.
        "author addresses", "aip/ip entry date", "full record entry date", "date of publication",
        "conference editors", "book publisher", "drug tradenames", "drug manufacturer", "device tradenames",
        "device manufacturer", "cas registry numbers", "embase classification", "summary language", "pui",
        "full text link", "embase link", "open url link", "copyright",
    ]

    /// Web of Science field tags used as column names (tab-delimited export, Zoological Record CSV),
    /// lowercased. They are read with their own meanings (`SP` is a conference sponsor, `ID` the
    /// Keywords Plus, `DA` the export date), not through the aliases above.
    enum WebOfScience {
        /// Tags that carry nothing tarsier stores: silent (Clarivate, "Web of Science Core
        /// Collection Field Tags").
        static let known: Set<String> = [
            "fn", "vr", "ba", "be", "gp", "bf", "ca", "se", "bs", "dt", "ct", "cy", "cl", "sp", "ho", "c1", "c3",
            "rp", "em", "ri", "oi", "fu", "fp", "fx", "cr", "nr", "tc", "z9", "u1", "u2", "pu", "pi", "pa", "sn",
            "ei", "bn", "j9", "ji", "pd", "pn", "su", "si", "ma", "dl", "d2", "ea", "pg", "wc", "we", "sc", "ga",
            "oa", "hc", "hp", "da", "er", "ef",
        ]
    }

    /// OpenAlex work fields (CSV export) that carry nothing tarsier stores: top-level names, and
    /// every column under these dotted prefixes that no field reads.
    enum OpenAlex {
        static let known: Set<String> = [
            "publication_date", "cited_by_count", "is_retracted", "is_paratext", "fwci", "updated_date",
            "created_date", "referenced_works", "related_works", "referenced_works_count", "countries_distinct_count",
            "institutions_distinct_count", "indexed_in", "type_crossref", "corresponding_author_ids",
            "corresponding_institution_ids", "has_fulltext", "fulltext_origin", "cited_by_api_url", "locations_count",
            "language", "title", "display_name", "doi", "id",
        ]
        static let knownPrefixes = [
            "ids.", "primary_location.", "best_oa_location.", "open_access.", "authorships.", "biblio.",
            "concepts.", "topics.", "primary_topic.", "locations.", "sustainable_development_goals.", "grants.",
            "apc_list.", "apc_paid.", "counts_by_year.", "cited_by_percentile_year.",
            "citation_normalized_percentile.", "keywords.", "mesh.", "host_venue.", "alternate_host_venues.",
            "summary_stats.", "institutions.", "funders.", "datasets.", "versions.",
        ]
    }
}

/// The tag vocabulary the RIS reader understands.
///
/// Source: the RIS format specification (Research Information Systems / Thomson Reuters,
/// "RIS Format Specifications", 2011) plus tags common in vendor exports (Zotero, EndNote,
/// Embase, Ovid, Scopus) that the specification omits.
enum RISTags {
    /// Title tags, in order of preference (T1/TI primary title; CT caption/title in old exports;
    /// BT book title as a last resort).
    static let title = ["TI", "T1", "CT", "BT"]
    /// The English title beside an original-language one: RIS `TT` (translated title).
    static let translatedTitle = ["TT"]
    /// Abstract tags, in order of preference (AB, or N2 used by Ovid/EndNote).
    static let abstract = ["AB", "N2"]
    /// Primary author tags (A2–A4 are editors and series authors and are not authors of the work).
    static let authors: Set<String> = ["AU", "A1"]
    /// Year tags, in order of preference.
    static let year = ["PY", "Y1", "DA"]
    /// Journal tags, full name before abbreviation (JF full, JO/T2 full in most exports, JA/J2/J1 abbreviations).
    static let journal = ["JF", "T2", "JO", "JA", "J2", "J1"]
    /// Tags whose continuation lines are new values rather than part of the previous value
    /// (Rayyan writes one `KW  -` followed by untagged keywords, asreview issue 992).
    static let listTags: Set<String> = ["KW", "AU", "A1", "A2", "A3", "A4", "UR", "L1", "L2", "L4", "ID"]
    /// Tags whose continuation lines keep their line breaks (long free text).
    static let paragraphTags: Set<String> = ["AB", "N2", "N1"]
    /// Tags ``RISRecordMapper`` reads; values of other known tags are not kept.
    static let mapped: Set<String> = [
        "TI", "T1", "CT", "BT", "AB", "N2", "AU", "A1", "PY", "Y1", "DA", "JF", "T2", "JO", "JA", "J2", "J1", "VL",
        "IS", "SP", "EP", "UR", "L2", "DO", "DB", "DP", "AN", "C2", "N1", "M1", "KW", "LA", "ID", "C3", "C5", "PS",
        "TT",
    ]
    /// Every tag the reader recognises; others get one warning per file.
    static let known: Set<String> = [
        "TY", "ER", "A1", "A2", "A3", "A4", "AU", "AB", "AD", "AN", "AV", "BT", "C1", "C2", "C3", "C4",
        "C5", "C6", "C7", "C8", "CA", "CN", "CP", "CT", "CY", "DA", "DB", "DO", "DP", "ED", "EP", "ET",
        "ID", "IS", "J1", "J2", "JA", "JF", "JO", "KW", "L1", "L2", "L3", "L4", "LA", "LB", "LK", "M1",
        "M2", "M3", "M4", "N1", "N2", "NV", "OP", "PB", "PP", "PY", "RI", "RN", "RP", "SE", "SN", "SP",
        "ST", "T1", "T2", "T3", "TA", "TI", "TT", "U1", "U2", "U3", "U4", "U5", "UR", "VL", "VO", "Y1",
        "Y2", "AI", "PS",
        // Vendor tags that carry nothing tarsier stores, known so that they stay silent: Web of
        // Science RIS (funding, publisher and its city/address, ISO and 29-character source
        // abbreviations, edition, meeting abstract, counts and categories), Ovid (publication type,
        // and the journal name it writes after ER), Cochrane CENTRAL (CC, its register codes).
        "FU", "FX", "PU", "PI", "PA", "J9", "JI", "WE", "MA", "NR", "TC", "Z9", "SC", "WC", "GA", "OA", "EI",
        "PT", "NL", "CC",
    ]
    /// Known tags written between records (Ovid's `NL  -` journal line after `ER`): skipped silently.
    static let betweenRecords: Set<String> = ["NL"]
}

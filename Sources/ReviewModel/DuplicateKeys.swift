import Foundation

extension ReferenceFields {
    /// Keys under which two citations count as the same study at import: the same DOI, the same
    /// PMID, or the same normalised title and year — the last only when their DOIs and PMIDs do
    /// not contradict it (`WorkIdentifiers`); such a pair is a *possible* duplicate instead.
    ///
    /// - DOI: lowercased, without a `https://doi.org/` or `doi:` prefix → `doi:10.1000/xyz`.
    /// - PMID: its digits → `pmid:12345`.
    /// - Title: compatibility-decomposed, diacritics dropped, lowercased, letters and digits only,
    ///   at least 20 characters, with the year (or `?`) → `title:prevalenceof…|2006`.
    public var duplicateKeys: [String] {
        var keys: [String] = []
        if let doi = Self.normalisedDOI(doi) { keys.append("doi:" + doi) }
        if let pmid = Self.normalisedPMID(pmid) { keys.append("pmid:" + pmid) }
        let normalisedTitle = Self.normalisedTitle(PlainText.of(title))
        if normalisedTitle.count >= 20 {
            keys.append("title:\(normalisedTitle)|\(year.map(String.init) ?? "?")")
        }
        return keys
    }

    /// A DOI without resolver prefixes, lowercased; nil when it does not look like a DOI.
    public static func normalisedDOI(_ doi: String?) -> String? {
        guard var value = doi?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() else { return nil }
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
        where value.hasPrefix(prefix) {
            value.removeFirst(prefix.count)
        }
        value = value.trimmingCharacters(in: .whitespaces)
        return value.hasPrefix("10.") && value.contains("/") ? value : nil
    }

    /// A title reduced to lowercase letters and digits, with diacritics removed.
    public static func normalisedTitle(_ title: String) -> String {
        // ASCII titles (most of them) take a byte loop with the same result: decomposition is the
        // identity there, and the letters and digits are exactly the kept scalars.
        var ascii = [UInt8]()
        ascii.reserveCapacity(title.utf8.count)
        var allASCII = true
        for byte in title.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): ascii.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): ascii.append(byte | 0x20)
            case 0x80...: allASCII = false
            default: continue
            }
            if !allASCII { break }
        }
        if allASCII { return String(decoding: ascii, as: UTF8.self) }
        return unicodeNormalisedTitle(title)
    }

    /// The general path of `normalisedTitle`, for any Unicode title.
    static func unicodeNormalisedTitle(_ title: String) -> String {
        let folded = title.decomposedStringWithCompatibilityMapping.lowercased()
        return String(
            String.UnicodeScalarView(
                folded.unicodeScalars.filter {
                    $0.properties.isAlphabetic && $0.properties.generalCategory != .nonspacingMark
                        || $0.properties.numericType == .decimal
                }))
    }
}

extension Character {
    /// True for the ASCII digits 0–9.
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// The identifiers that tell two works apart even when their titles and years match: a title +
/// year match never joins records whose DOIs differ or whose PMIDs differ (a DOI that differs only
/// by a version or sub-object suffix, such as a peer-review report's `…-rc1`, names another work).
public struct WorkIdentifiers: Sendable, Hashable {
    public var dois: Set<String>
    public var pmids: Set<String>

    public init(dois: Set<String> = [], pmids: Set<String> = []) {
        self.dois = dois
        self.pmids = pmids
    }

    /// The normalised DOI and PMID of a record.
    public init(_ fields: ReferenceFields) {
        dois = ReferenceFields.normalisedDOI(fields.doi).map { [$0] } ?? []
        pmids = ReferenceFields.normalisedPMID(fields.pmid).map { [$0] } ?? []
    }

    /// True when both sides have a DOI and no DOI in common, or both have a PMID and no PMID in
    /// common: two distinct works whatever their titles say.
    public func contradicts(_ other: WorkIdentifiers) -> Bool {
        (!dois.isEmpty && !other.dois.isEmpty && dois.isDisjoint(with: other.dois))
            || (!pmids.isEmpty && !other.pmids.isEmpty && pmids.isDisjoint(with: other.pmids))
    }

    /// Both sets together (a duplicate group's identifiers).
    public func union(_ other: WorkIdentifiers) -> WorkIdentifiers {
        WorkIdentifiers(dois: dois.union(other.dois), pmids: pmids.union(other.pmids))
    }
}

extension ReferenceFields {
    /// A PMID's digits without leading zeros; nil when it has none.
    public static func normalisedPMID(_ pmid: String?) -> String? {
        guard let pmid, case let digits = pmid.filter(\.isASCIIDigit), !digits.isEmpty,
            let value = Int(digits.prefix(18))
        else { return nil }
        return "\(value)"
    }
}

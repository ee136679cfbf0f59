import Foundation
import ReviewModel

/// Keys under which two citations count as the same work, for deduplication.
///
/// Follows the usual hierarchy of systematic-review deduplicators (e.g. ASySD, Hair et al. 2023,
/// and Rathbone et al. 2015): a shared DOI or PubMed id is a duplicate; otherwise a normalised
/// title with the same year. Two records are duplicates when any of their keys are equal.
public enum DuplicateKey {
    /// `doi:…` (lowercased, resolver prefix removed), `pmid:…` (digits), `ty:title|year`.
    public static func keys(_ fields: ReferenceFields) -> [String] {
        var keys: [String] = []
        if let doi = fields.doi.flatMap({ FieldNormalisation.doi($0) }) { keys.append("doi:" + doi.lowercased()) }
        if let pmid = fields.pmid {
            let digits = pmid.filter(\.isASCII).filter(\.isNumber).drop { $0 == "0" }
            if !digits.isEmpty { keys.append("pmid:" + digits) }
        }
        let title = normalisedTitle(fields.title)
        if !title.isEmpty { keys.append("ty:" + title + "|" + (fields.year.map(String.init) ?? "")) }
        return keys
    }

    /// The title in compatibility decomposition (NFKD) without diacritics, lowercased, letters and
    /// digits only: "Café-Naïve  Study." → "cafenaivestudy".
    public static func normalisedTitle(_ title: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in title.decomposedStringWithCompatibilityMapping.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark { continue }
            guard properties.isAlphabetic || properties.numericType != nil else { continue }
            result.append(contentsOf: String(scalar).lowercased().unicodeScalars)
        }
        return String(result)
    }
}

/// The duplicate keys of `fields` (see ``DuplicateKey/keys(_:)``).
public func duplicateKeys(_ fields: ReferenceFields) -> [String] { DuplicateKey.keys(fields) }

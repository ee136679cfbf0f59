import Foundation

/// Turns free text into index terms: Unicode normalisation, case folding, diacritics removal,
/// tokenisation that keeps biomedical compounds whole, and stop-word removal.
///
/// Normalisation is NFKD (compatibility decomposition, so ligatures, full-width forms and
/// superscripts become plain letters), then every non-spacing mark is dropped (diacritics:
/// "Sjögren" → "sjogren") and letters are lower-cased with ß → ss (Unicode default case folding
/// for the scripts that occur in bibliographic data).
///
/// Tokens are maximal runs of letters and digits. A hyphen between two letters/digits joins
/// ("covid-19", "il-6", "5-ht3", "t-cell"); a full stop between two digits joins ("2.5");
/// an apostrophe inside a word is dropped ("o'brien" → "obrien") and a possessive "'s" is
/// removed ("alzheimer's" → "alzheimer"). Tokens of one character are dropped, as in
/// scikit-learn's default token pattern.
public struct Analyzer: Sendable, Hashable {
    /// Words removed after tokenisation (see `StopWords.english`).
    public var stopWords: Set<String>

    /// An analyzer with the given stop words (the documented English list by default).
    public init(stopWords: Set<String> = StopWords.english) {
        self.stopWords = stopWords
    }

    /// Normalises text: NFKD, diacritics removed, case-folded.
    public func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            Self.appendFolded(scalar, to: &out)
        }
        return String(out)
    }

    /// The index terms of `text` in order, stop words removed.
    public func terms(_ text: String) -> [String] {
        tokens(text).filter { !stopWords.contains($0) }
    }

    /// The tokens of `text` in order, stop words kept.
    public func tokens(_ text: String) -> [String] {
        let scalars = Array(normalize(text).unicodeScalars)
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var index = 0
        func flush() {
            if current.count > 1 { result.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if Self.isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty, index + 1 < scalars.count, Self.isWordScalar(scalars[index + 1]) {
                let previous = scalars[index - 1]
                let next = scalars[index + 1]
                switch scalar {
                case "-", "\u{2010}", "\u{2011}":
                    current.append("-")
                case "." where Self.isDigit(previous) && Self.isDigit(next):
                    current.append(".")
                case "'", "\u{2019}":
                    let followedByS =
                        next == "s"
                        && (index + 2 >= scalars.count || !Self.isWordScalar(scalars[index + 2]))
                    if followedByS { index += 1 }  // possessive: skip the "s" too
                default:
                    flush()
                }
            } else {
                flush()
            }
            index += 1
        }
        flush()
        return result
    }

    // MARK: - Scalars

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .decimalNumber
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    static func appendFolded(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        if scalar.isASCII {
            let v = scalar.value
            if v >= 0x41 && v <= 0x5A, let lower = Unicode.Scalar(v + 32) {
                out.append(lower)
            } else {
                out.append(scalar)
            }
            return
        }
        let category = scalar.properties.generalCategory
        if category == .nonspacingMark || category == .enclosingMark { return }
        if scalar == "ß" || scalar == "\u{1E9E}" {
            out.append("s")
            out.append("s")
            return
        }
        out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
    }
}

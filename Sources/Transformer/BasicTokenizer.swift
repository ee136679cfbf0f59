import Foundation

/// BERT's uncased basic tokenizer: clean the text, isolate CJK ideographs, lowercase, strip
/// accents, then split on whitespace and punctuation. Follows Google's `tokenization.py`
/// (`BasicTokenizer`, do_lower_case=True) as pinned by `shared/golden/tools/ref_numpy.py`;
/// operates on Unicode scalars (Python code points), never on Swift grapheme clusters.
public struct BasicTokenizer: Sendable {
    /// A tokenizer with BERT's uncased behaviour.
    public init() {}

    /// The words and punctuation marks of `text`, lowercased and without accents.
    public func tokenize(_ text: String) -> [String] {
        // Clean: drop NUL, U+FFFD and control/format characters; whitespace becomes a space;
        // CJK ideographs get a space on each side.
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xFFFD || Self.isControl(scalar) { continue }
            if Self.isWhitespace(scalar) {
                cleaned.append(" ")
            } else if Self.isCJK(scalar.value) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        var tokens: [String] = []
        for word in Self.splitOnPythonWhitespace(cleaned) {
            // Lowercase, then NFD and drop nonspacing marks (accent stripping).
            let lowered = String(String.UnicodeScalarView(word)).lowercased()
            let decomposed = lowered.decomposedStringWithCanonicalMapping
            var current = String.UnicodeScalarView()
            for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
                if Self.isPunctuation(scalar) {
                    if !current.isEmpty { tokens.append(String(current)); current = String.UnicodeScalarView() }
                    tokens.append(String(scalar))
                } else {
                    current.append(scalar)
                }
            }
            if !current.isEmpty { tokens.append(String(current)) }
        }
        return tokens
    }

    // MARK: - Character classes (Python `unicodedata` categories)

    /// Space, tab, LF, CR and category Zs.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D: return true
        default: return scalar.properties.generalCategory == .spaceSeparator
        }
    }

    /// Category C* (Cc, Cf, Cs, Co, Cn) except tab, LF and CR.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .surrogate, .privateUse, .unassigned: return true
            default: return false
            }
        }
    }

    /// ASCII non-alphanumeric printable characters, and category P*.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value)
            || (123...126).contains(value)
        {
            return true
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// The CJK Unified Ideographs blocks BERT isolates (not Hangul, Hiragana or Katakana).
    static func isCJK(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
            || (0x20000...0x2A6DF).contains(value) || (0x2A700...0x2B73F).contains(value)
            || (0x2B740...0x2B81F).contains(value) || (0x2B820...0x2CEAF).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0x2F800...0x2FA1F).contains(value)
    }

    /// Python's `str.split()` on the cleaned text: besides the space every other whitespace is
    /// already a space, but U+2028 and U+2029 (categories Zl/Zp) still split there.
    private static func splitOnPythonWhitespace(_ text: String.UnicodeScalarView) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in text {
            switch scalar.value {
            case 0x20, 0x2028, 0x2029:
                if !current.isEmpty { words.append(current); current = [] }
            default:
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

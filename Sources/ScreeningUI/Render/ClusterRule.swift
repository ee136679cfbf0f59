/// How one extended grapheme cluster (a Swift `Character`, UAX #29) is drawn so that every
/// terminal advances the cursor by the width we count.
///
/// Terminals disagree on clusters: those that measure each code point with `wcwidth` (xterm,
/// tmux, GNU screen, and ncurses' own cursor accounting) draw 👩‍👩‍👧 as 6 cells and ❤️ as 1,
/// grapheme-aware ones (kitty, WezTerm, foot) as 2 and 2. The rule below emits only text on which
/// both kinds agree:
///
/// - Emoji joiners and selectors are dropped: ZERO WIDTH JOINER, variation selectors (VS1–VS16 and
///   the supplement), emoji modifiers (skin tones, UTS #51 §2.4) after a base, and tag characters
///   (UTS #51 §2.3). So 👩‍👩‍👧 is drawn as its visible parts 👩👩👧 (6 cells), 👍🏽 as 👍, ❤️ as ❤.
/// - Bidirectional controls (Unicode property Bidi_Control) and other format characters are dropped,
///   except prepended concatenation marks.
/// - At most `maxCombiningMarks` nonspacing or enclosing marks stay on one base (zalgo text is
///   capped, so marks cannot spill into the rows above and below).
/// - What is left is split into parts, one per spacing scalar with the marks that follow it, each
///   drawn in its own 1- or 2-cell glyph. The cluster's width is then the sum of per-scalar widths:
///   what `wcwidth` terminals and curses count, and what grapheme-aware terminals draw once the
///   joiners are gone. Parts do not depend on where the text around them was cut, so a line that
///   starts in the middle of a cluster draws the same cells as the whole text would.
enum ClusterRule {
    /// Combining marks kept per base character: enough for Vietnamese (two stacked diacritics).
    static let maxCombiningMarks = 2

    /// One drawable part of a cluster: its text, its width in cells (0, 1 or 2), and the UTF-8
    /// offset in the cluster where its scalars start (dropped scalars belong to the part before).
    struct Part: Equatable {
        var character: Character
        var width: Int
        var offset: Int
    }

    /// Whether a scalar is never drawn.
    static func isDropped(_ scalar: Unicode.Scalar, afterBase: Bool) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0xE0000...0xE007F: return true
        case 0x1F3FB...0x1F3FF: return afterBase
        default: break
        }
        let properties = scalar.properties
        if properties.isBidiControl { return true }
        return properties.generalCategory == .format && !isPrependedConcatenationMark(scalar.value)
    }

    /// The Prepended_Concatenation_Mark property (PropList.txt, Unicode 15): Arabic, Syriac and
    /// Kaithi number signs that are drawn over the digits after them.
    static func isPrependedConcatenationMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x110BD, 0x110CD: true
        default: false
        }
    }

    /// The parts of a cluster, in order. Empty when nothing in it is drawn.
    static func parts(of character: Character) -> [Part] {
        if let ascii = character.asciiValue {
            return [Part(character: character, width: ascii >= 0x20 && ascii < 0x7F ? 1 : 0, offset: 0)]
        }
        // Kept scalars with their UTF-8 offsets in the cluster, grouped into parts.
        var parts: [(scalars: [(Unicode.Scalar, Int)], width: Int)] = []
        var current: [(Unicode.Scalar, Int)] = []
        var currentWidth = 0, marks = 0, offset = 0
        for scalar in character.unicodeScalars {
            defer { offset += scalar.utf8.count }
            if isDropped(scalar, afterBase: !current.isEmpty || !parts.isEmpty) { continue }
            let width = DisplayWidth.of(scalar)
            if width == 0 {
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .enclosingMark:
                    guard marks < maxCombiningMarks, currentWidth > 0 || !parts.isEmpty else { continue }
                    marks += 1
                default:
                    break
                }
                current.append((scalar, offset))
                continue
            }
            if currentWidth > 0 {
                parts.append((current, currentWidth))
                current = []
                currentWidth = 0
                marks = 0
            }
            current.append((scalar, offset))
            currentWidth += width
        }
        if !current.isEmpty { parts.append((current, currentWidth)) }
        guard !parts.isEmpty else { return [] }
        return parts.flatMap { part in
            single(part.scalars, width: part.width, offset: part.scalars[0].1).map { [$0] } ?? graphemes(part.scalars)
        }
    }

    /// The scalars as one part when they form exactly one grapheme.
    private static func single(_ scalars: [(Unicode.Scalar, Int)], width: Int, offset: Int) -> Part? {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.map(\.0))
        let string = String(view)
        guard string.count == 1, let character = string.first else { return nil }
        return Part(character: character, width: width, offset: offset)
    }

    /// One part per grapheme of the scalars (a rare fallback that never traps), each at most 2 cells.
    private static func graphemes(_ scalars: [(Unicode.Scalar, Int)]) -> [Part] {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.map(\.0))
        var result: [Part] = []
        var index = 0
        for character in String(view) {
            let count = character.unicodeScalars.count
            let cells = min(2, character.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) })
            result.append(Part(character: character, width: cells, offset: scalars[min(index, scalars.count - 1)].1))
            index += count
        }
        return result
    }
}

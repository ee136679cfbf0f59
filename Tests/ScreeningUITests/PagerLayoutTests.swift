import Foundation
import ReviewModel
import ScreeningUI
import Testing

/// The lazy pager layout breaks lines exactly where the glyph wrapper does, and the byte-level
/// sanitizer removes exactly what the scalar grammar says.
@Suite("Pager layout")
struct PagerLayoutTests {
    /// A small deterministic generator (SplitMix64, Steele et al. 2014) for property tests.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// Pieces that exercise every path: ASCII words, spaces, line breaks, accents (precomposed and
    /// combining), CJK, emoji sequences, zalgo, controls and escape sequences, a long word.
    static let pieces = [
        "a", "to", "word", "proton", "beam", " ", " ", " ", "  ", "\n", "\r\n", "\t", "é", "e\u{301}", "café", "naïve",
        "日", "本語", "陽子線治療", "😀", "👩\u{200D}👩\u{200D}👧", "👍🏽", "❤\u{FE0F}", "🇫🇷", "Z\u{301}\u{302}\u{303}\u{304}",
        "\u{200B}", "\u{202E}", "\u{200F}", "\u{1B}[31m", "\u{1B}]0;x\u{07}", "\u{85}", "-", ",",
        "supercalifragilisticexpialidocious",
        "ｆｕｌｌ", "ก\u{E49}", "क\u{94D}ष\u{93F}", "\u{301}",
    ]

    static func text(seed: UInt64, pieces count: Int) -> String {
        var generator = Generator(state: seed)
        return (0..<count).map { _ in pieces[generator.next(pieces.count)] }.joined()
    }

    static func render(_ lines: [[Glyph]]) -> [String] {
        lines.map { line in line.map { "\($0.character)/\($0.width)" }.joined(separator: " ") }
    }

    @Test("lines break exactly as TextWrapper wraps the same glyphs", arguments: 1...60)
    func matchesTextWrapper(seed: Int) {
        let text = Self.text(seed: UInt64(seed), pieces: 20 + seed * 7)
        for width in [1, 2, 3, 5, 8, 13, 21, 40, 78] {
            let expected = TextWrapper.wrap(Glyph.make(text, keepNewlines: true), width: width)
            let layout = PagerLayout([.init(text, keepNewlines: true)], width: width)
            let actual = layout.lines(0..<layout.lineCount, highlighter: Highlighter(terms: HighlightTerms()))
            #expect(
                Self.render(actual) == Self.render(expected), "seed \(seed) width \(width): \(text.debugDescription)")
            #expect(layout.lineCount == expected.count)
        }
    }

    @Test("highlighting a window of a long paragraph styles the same glyphs as highlighting it whole")
    func windowedHighlighting() {
        let sentence = "Proton beam therapy for prostate cancer was compared with radiotherapy. "
        let text = String(repeating: sentence, count: 400)  // one paragraph of about 370 lines at 78
        let terms = HighlightTerms(
            topic: ["proton beam", "radiotherap*"], include: ["prostate cancer"], exclude: ["compared"])
        let highlighter = Highlighter(terms: terms)
        var glyphs = Glyph.make(text)
        highlighter.apply(to: &glyphs)
        let whole = TextWrapper.wrap(glyphs, width: 78)
        let layout = PagerLayout([.init(text, highlight: true)], width: 78)
        #expect(layout.lineCount == whole.count)
        for start in [0, 1, 150, whole.count - 20] {
            let window = layout.lines(start..<(start + 20), highlighter: highlighter)
            #expect(window == Array(whole[start..<min(whole.count, start + 20)]), "window at \(start)")
        }
    }

    @Test("lines outside the layout are clamped, never trapped on")
    func clamping() {
        let layout = PagerLayout([.init("one two three", keepNewlines: true)], width: 5)
        let highlighter = Highlighter(terms: HighlightTerms())
        #expect(layout.lineCount == 3)
        #expect(layout.lines(2..<10, highlighter: highlighter).count == 1)
        #expect(layout.lines(5..<9, highlighter: highlighter).isEmpty)
        #expect(layout.lines(-3..<1, highlighter: highlighter).count == 1)
    }

    @Test("the byte-level sanitizer removes exactly what the scalar grammar removes", arguments: 1...30)
    func sanitizerMatchesReference(seed: Int) {
        var generator = Generator(state: UInt64(seed) &* 7919)
        let hostile = [
            "\u{1B}", "[", "]", "P", "X", "^", "_", "\\", "\u{07}", "\u{9C}", "\u{9B}", "\u{90}", "\u{85}", "\r", "\n",
            "\u{2028}", "\u{2029}", "\u{202A}", "\u{2067}", "\t", "\u{7F}", "\u{00}", "(", "!", "0", "m", ";", "é", "日",
            "😀", " ", "a", "\u{A0}", "\u{E2}", "\u{2030}", "\u{2065}",
        ]
        let text = (0..<200).map { _ in hostile[generator.next(hostile.count)] }.joined()
        for keepNewlines in [false, true] {
            #expect(
                TextSanitizer.clean(text, keepNewlines: keepNewlines)
                    == ReferenceSanitizer.clean(text, keepNewlines: keepNewlines),
                "\(text.debugDescription)")
        }
    }
}

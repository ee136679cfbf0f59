import Foundation
import ReviewModel
import ScreeningUI
import Testing

/// Emoji sequences, skin tones, variation selectors and stacked marks are drawn so that every row is
/// exactly the screen width on `wcwidth` terminals and grapheme-aware ones alike (see `ClusterRule`).
@Suite("Grapheme clusters")
struct GraphemeClusterTests {
    static func cells(_ text: String) -> [String] {
        Glyph.make(text).map { "\($0.character)/\($0.width)" }
    }

    /// Scalars that must never reach a cell: joiners, selectors, modifiers, tags, bidi controls.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0xE0000...0xE007F, 0x061C, 0x200E, 0x200F,
            0x202A...0x202E, 0x2066...0x2069, 0x200B:
            true
        case 0..<0x20, 0x7F..<0xA0: true
        default: false
        }
    }

    @Test("a ZWJ family is drawn as its visible members, 2 cells each, without the joiners")
    func zwjSequence() {
        #expect(Self.cells("👩\u{200D}👩\u{200D}👧") == ["👩/2", "👩/2", "👧/2"])
        #expect(DisplayWidth.of("👩\u{200D}👩\u{200D}👧") == 6)
        #expect(Self.cells("🧑\u{200D}⚕\u{FE0F}") == ["🧑/2", "⚕/1"])
    }

    @Test("skin-tone modifiers and variation selectors are dropped after a base")
    func modifiersAndSelectors() {
        #expect(Self.cells("👍🏽") == ["👍/2"])
        #expect(Self.cells("❤\u{FE0F}") == ["❤/1"])
        #expect(Self.cells("❤\u{FE0E}") == ["❤/1"])
        #expect(Self.cells("1\u{FE0F}\u{20E3}") == ["1\u{20E3}/1"])
        #expect(Self.cells("🏽") == ["🏽/2"])  // a lone modifier is a visible swatch
        #expect(Self.cells("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}") == ["🏴/2"])
    }

    @Test("stacked combining marks are capped at two per base; two are kept (Vietnamese)")
    func zalgo() {
        let zalgo = "Z" + String(String.UnicodeScalarView((0x300...0x320).compactMap(Unicode.Scalar.init)))
        let glyphs = Glyph.make(zalgo)
        #expect(glyphs.count == 1)
        #expect(glyphs[0].character.unicodeScalars.count == 1 + 2)
        #expect(glyphs[0].width == 1)
        #expect(Self.cells("e\u{323}\u{302}") == ["e\u{323}\u{302}/1"])
        #expect(Self.cells("\u{301}abc") == ["a/1", "b/1", "c/1"])  // a mark with no base is dropped
    }

    @Test("flags, CJK, Hangul jamo and Devanagari keep their terminal widths")
    func otherScripts() {
        #expect(Self.cells("🇫🇷") == ["🇫/1", "🇷/1"])
        #expect(Self.cells("日本") == ["日/2", "本/2"])
        #expect(Self.cells("\u{1100}\u{1161}\u{11A8}") == ["\u{1100}\u{1161}\u{11A8}/2"])
        #expect(Self.cells("कि") == ["क/1", "ि/1"])
        #expect(Self.cells("a\u{200B}b\u{200F}c") == ["a/1", "b/1", "c/1"])
    }

    @Test("a record full of emoji sequences and zalgo fills every row exactly and is pinned")
    func goldenScreen() {
        let title =
            "Family 👩\u{200D}👩\u{200D}👧 thumbs 👍🏽👍🏿 hearts ❤\u{FE0F}❤ flag 🇯🇵 Z\u{301}\u{302}\u{303}\u{304}\u{305}a\u{306}\u{307}\u{308}\u{309}lgo"
        let abstract =
            String(
                repeating:
                    "Zalgo Z\u{301}\u{302}\u{303}\u{304}\u{305}\u{316}\u{317}\u{318} text 👨\u{200D}👩\u{200D}👧\u{200D}👦 family, ",
                count: 6)
            + "\nkeycap 1\u{FE0F}\u{20E3} tag 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} health 🧑🏽\u{200D}⚕\u{FE0F} end"
        let session = InMemoryScreeningSession(
            title: "Emoji", assessor: "a",
            items: [
                .init(id: 1, fields: ReferenceFields(title: title, abstract: abstract, year: 2024), score: 0.9),
                .init(id: 2, fields: ReferenceFields(title: "Plain", abstract: "Plain.", year: 2021), score: 0.5),
            ])
        let loop = EventLoop(session: session, size: Size(columns: 50, rows: 16))
        loop.start()
        let queue = loop.render()
        loop.send(.togglePager)
        let pager = loop.render()
        for screen in [queue, pager] {
            for row in 0..<screen.size.rows {
                let cells = (0..<screen.size.columns).map { screen[row, $0] }
                #expect(cells.filter { !$0.isContinuation }.reduce(0) { $0 + DisplayWidth.of($1.character) } == 50)
                #expect(DisplayWidth.of(screen.line(row)) == 50, "row \(row): \(screen.line(row))")
            }
            for cell in screen.cells {
                #expect(
                    !cell.character.unicodeScalars.contains(where: Self.isForbidden),
                    "\(cell.character.unicodeScalars.map { String($0.value, radix: 16) })")
                #expect(
                    cell.character.unicodeScalars.filter { $0.properties.generalCategory == .nonspacingMark }.count <= 2
                )
            }
        }
        assertSnapshot(queue.text, named: "emojiQueue50x16")
        assertSnapshot(pager.text, named: "emojiPager50x16")
    }
}

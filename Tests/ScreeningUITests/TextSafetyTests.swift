import Foundation
import ReviewModel
import ScreeningUI
import Testing

/// Untrusted text never reaches the screen raw; widths of wide and combining characters are right.
@Suite("Text safety and width")
struct TextSafetyTests {
    @Test(
        "escape sequences and control characters are removed",
        arguments: [
            ("red \u{1B}[31mtitle\u{1B}[0m", "red title"),
            ("title\u{1B}]0;pwned\u{07} end", "title end"),
            ("osc \u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\", "osc link"),
            ("c1 \u{9B}2Jcsi", "c1 csi"),
            ("bell\u{07}\u{08} null\u{00}", "bell null"),
            ("tab\there", "tab here"),
            ("bidi \u{202E}txet", "bidi txet"),
            ("line\r\nbreak", "line break"),
        ])
    func sanitizes(input: String, expected: String) {
        #expect(TextSanitizer.clean(input) == expected)
    }

    @Test("control characters in a title are neutralised on the screen")
    func controlCharactersInTitles() throws {
        let hostile = "Evil\u{1B}[2J\u{1B}[H title\u{07} with \u{1B}]52;c;ZXZpbA==\u{07}clipboard"
        let session = InMemoryScreeningSession(
            title: "t", assessor: "a",
            items: [
                .init(id: 1, fields: ReferenceFields(title: hostile, abstract: "a\u{1B}[8mhidden\r\nb"), score: 0.5)
            ])
        let loop = EventLoop(session: session, size: Size(columns: 80, rows: 24))
        loop.start()
        let screen = loop.render()
        for cell in screen.cells {
            #expect(!cell.character.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        }
        #expect(screen.text.contains("Evil title with clipboard"))
        #expect(screen.text.contains(" ahidden"))
    }

    @Test("display widths: CJK 2, combining marks 0, ASCII 1")
    func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("Ｆｕｌｌ") == 8)
        #expect(DisplayWidth.of("\u{200B}") == 0)
        #expect(DisplayWidth.of("—✓") == 2)
    }

    @Test("CJK and mixed text wraps within the width, breaking between wide characters")
    func cjkWrapping() {
        let text = "陽子線治療は前立腺癌に対する放射線療法の一つである。 Proton therapy 治療成績を比較した。"
        let lines = TextWrapper.wrap(Glyph.make(text), width: 20)
        #expect(lines.allSatisfy { $0.reduce(0) { $0 + $1.width } <= 20 })
        #expect(
            lines.map { String($0.map(\.character)) }.joined().replacingOccurrences(of: " ", with: "")
                == text.replacingOccurrences(of: " ", with: ""))
        assertSnapshot(lines.map { String($0.map(\.character)) }.joined(separator: "\n") + "\n", named: "cjkWrap20")
    }

    @Test("a CJK title is truncated on cell boundaries in the queue")
    func cjkOnScreen() {
        let session = InMemoryScreeningSession(
            title: "t", assessor: "a",
            items: [
                .init(
                    id: 1,
                    fields: ReferenceFields(
                        title: String(repeating: "陽子線治療", count: 10), abstract: "Café naïve résumé"), score: 0.5)
            ])
        let loop = EventLoop(session: session, size: Size(columns: 40, rows: 12))
        loop.start()
        let screen = loop.render()
        let row = screen.line(2)
        #expect(row.hasSuffix("…") || row.hasSuffix("… "))
        assertSnapshot(screen.text, named: "cjkScreen40x12")
    }

    @Test("a wide glyph never straddles the right edge")
    func wideAtEdge() {
        var buffer = ScreenBuffer(size: Size(columns: 5, rows: 1))
        let end = buffer.put("ab日本", row: 0, column: 0)
        #expect(end == 5)
        #expect(buffer.line(0) == "ab日 ")
        #expect(buffer[0, 3].isContinuation)
    }
}

/// Golden screens of a record full of hostile text, in the queue and in the full-screen pager.
@Suite("Hostile text screens")
struct HostileTextScreenTests {
    static func loop() -> EventLoop {
        let title =
            "Red \u{1B}[31mtitle\u{1B}[0m \u{1B}]0;pwned\u{07}RTL \u{202E}gnirts\u{202C} שלום عربي zero\u{200B}width Z\u{301}\u{302}\u{303}\u{304}\u{305}\u{306} 陽子線😀"
        let abstract =
            "Cursor \u{1B}[2J\u{1B}[H moves\u{1B}[10;10H here.\r\nbell \u{07} bs \u{08} del \u{7F} c1 \u{9B}2J nel\u{85}end\n"
            + "النص العربي \u{202D}LRO\u{202C} \u{2066}iso\u{2069} עברית\n" + "全角テキストＦｕｌｌ 陽子線治療は前立腺癌に対する放射線療法の一つである。"
        let session = InMemoryScreeningSession(
            title: "Hostile \u{1B}[5mreview", assessor: "a",
            items: [
                .init(
                    id: 1,
                    fields: ReferenceFields(
                        title: title, abstract: abstract, authors: ["Smith\u{1B}[8m J"], year: 2020), score: 0.9),
                .init(
                    id: 2, fields: ReferenceFields(title: "A plain record", abstract: "Plain.", year: 2021), score: 0.5),
            ])
        let loop = EventLoop(session: session, size: Size(columns: 60, rows: 16))
        loop.start()
        return loop
    }

    static func expectInert(_ screen: ScreenBuffer) {
        for row in 0..<screen.size.rows {
            #expect(
                DisplayWidth.of(screen.line(row)) == screen.size.columns, "row \(row) is not exactly the screen width")
        }
        for cell in screen.cells {
            #expect(
                !cell.character.unicodeScalars.contains { scalar in
                    scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
                        || (0x202A...0x202E).contains(scalar.value)
                        || (0x2066...0x2069).contains(scalar.value)
                })
        }
    }

    @Test("hostile text in the queue and pager is inert, fits each row, and is pinned")
    func queueAndPager() {
        let loop = Self.loop()
        let queue = loop.render()
        Self.expectInert(queue)
        assertSnapshot(queue.text, named: "hostileQueue60x16")
        loop.send(.togglePager)
        let pager = loop.render()
        Self.expectInert(pager)
        assertSnapshot(pager.text, named: "hostilePager60x16")
    }
}

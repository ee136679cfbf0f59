import Foundation
import ReviewModel
import ScreeningUI
import Testing

/// Untrusted text never reaches the screen raw; widths of wide and combining characters are right.
@Suite("Text safety and width")
struct TextSafetyTests {
    @Test("escape sequences and control characters are removed", arguments: [
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
            items: [.init(id: 1, fields: ReferenceFields(title: hostile, abstract: "a\u{1B}[8mhidden\r\nb"), score: 0.5)])
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
        #expect(lines.map { String($0.map(\.character)) }.joined().replacingOccurrences(of: " ", with: "")
            == text.replacingOccurrences(of: " ", with: ""))
        assertSnapshot(lines.map { String($0.map(\.character)) }.joined(separator: "\n") + "\n", named: "cjkWrap20")
    }

    @Test("a CJK title is truncated on cell boundaries in the queue")
    func cjkOnScreen() {
        let session = InMemoryScreeningSession(
            title: "t", assessor: "a",
            items: [.init(id: 1, fields: ReferenceFields(title: String(repeating: "陽子線治療", count: 10), abstract: "Café naïve résumé"), score: 0.5)])
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

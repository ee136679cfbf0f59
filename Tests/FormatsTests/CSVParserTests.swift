import Foundation
import Testing

@testable import Formats

@Suite("CSV parser")
struct CSVParserTests {
    @Test("quoted fields keep embedded commas, doubled quotes and newlines")
    func quotedFields() throws {
        // Given a CSV with a BOM, CRLF line ends and a multi-line quoted field
        let text = "\u{FEFF}title,abstract\r\n\"A, b\",\"say \"\"hi\"\"\r\nsecond line\"\r\nplain,x\n"
        // When parsed
        let table = try CSVParser.parse(text)
        // Then fields are unescaped and rows know their starting line
        #expect(table.header == ["title", "abstract"])
        #expect(table.rows == [["A, b", "say \"hi\"\r\nsecond line"], ["plain", "x"]])
        #expect(table.rowLines == [2, 4])
    }

    @Test("empty fields, missing trailing newline and blank lines")
    func emptyFields() throws {
        let table = try CSVParser.parse("a,b,c\n,,\n\n1,\"\",3")
        #expect(table.rows == [["", "", ""], ["1", "", "3"]])
        #expect(table.rowLines == [2, 4])
    }

    @Test("an unterminated quote is an error naming the line where it opened")
    func unterminatedQuote() {
        #expect(throws: FormatsError.unterminatedQuote(file: "<string>", line: 3)) {
            try CSVParser.parse("a,b\n1,2\n3,\"open\nmore\n")
        }
    }

    @Test("UTF-8 text survives byte-level parsing")
    func unicode() throws {
        let table = try CSVParser.parse("title\n\"Ünïcødé — 日本語\"\nnaïve\n")
        #expect(table.rows == [["Ünïcødé — 日本語"], ["naïve"]])
    }
}

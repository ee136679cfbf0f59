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

@Suite("CSV records")
struct CSVRecordReaderTests {
    @Test("ASReview aliases, case-insensitive columns and label values")
    func aliases() throws {
        // Given an ASReview export with aliased, capitalised columns
        let text = """
            Primary_Title,Abstract_Note,Authors,Year,DOI,PubMedID,included
            A,first,"Smith, J; Doe, K",2019,https://doi.org/10.1/X,123,1
            B,second,,n.d.,,,0
            C,third,,,,,-1
            D,fourth,,,,,
            E,fifth,,,,,perhaps
            """
        // When read
        let result = try CSVRecordReader().read(bytes: Array(text.utf8), file: "a.csv")
        // Then fields and labels are mapped; -1 and empty mean undecided; odd values warn
        #expect(result.records.map(\.fields.title) == ["A", "B", "C", "D", "E"])
        #expect(result.records.map(\.label) == [.include, .exclude, nil, nil, nil])
        #expect(result.records[0].fields.authors == ["Smith, J", "Doe, K"])
        #expect(result.records[0].fields.doi == "10.1/X" && result.records[0].fields.pmid == "123")
        #expect(result.records[0].fields.year == 2019 && result.records[1].fields.year == nil)
        #expect(result.diagnostics.map(\.line) == [3, 6])
    }

    @Test("a CSV without a title or abstract column is an error at line 1")
    func noTitleColumn() {
        #expect {
            try CSVRecordReader().read(bytes: Array("name,value\nx,1\n".utf8), file: "b.csv")
        } throws: { ($0 as? FormatsError)?.line == 1 && "\($0)".hasPrefix("b.csv:1: error:") }
    }
}

import Testing

@testable import Evaluation

@Suite("Labels file")
struct LabelFileTests {
    @Test("PMIDs join with their label; unknown records have none")
    func pmids() throws {
        let file = try LabelFile(
            header: ["pmid", "label_included"], rows: [["123", "1"], [" 456 ", "0"]], rowLines: [2, 3], file: "l.csv")
        #expect(file.key == .pmid)
        #expect(file.label(pmid: "123", doi: nil, recordID: nil) == true)
        #expect(file.label(pmid: "456", doi: "10.1/x", recordID: "9") == false)
        #expect(file.label(pmid: "789", doi: nil, recordID: nil) == nil)
        #expect(file.label(pmid: nil, doi: nil, recordID: "123") == nil)
    }

    @Test("DOIs match case-insensitively; include/exclude words are labels")
    func dois() throws {
        let file = try LabelFile(
            header: ["DOI", "Label"], rows: [["10.1000/ABC", "include"], ["10.1000/def", "exclude"]], rowLines: [2, 3],
            file: "l.csv")
        #expect(file.label(pmid: "1", doi: "10.1000/abc", recordID: nil) == true)
        #expect(file.label(pmid: nil, doi: "10.1000/DEF", recordID: nil) == false)
    }

    @Test(
        "bad files name the file and line",
        arguments: [
            (["title", "label_included"], [["t", "1"]], "l.csv:1: error: no identifier column"),
            (["pmid", "title"], [["1", "t"]], "l.csv:1: error: no label column"),
            (["pmid", "label_included"], [["1", "maybe"]], "l.csv:7: error: label 'maybe'"),
            (["pmid", "label_included"], [["", "1"]], "l.csv:7: error: empty pmid"),
            (["pmid", "label_included"], [["1", "1"], ["1", "0"]], "l.csv:8: error: pmid 1 is labelled both ways"),
        ])
    func errors(header: [String], rows: [[String]], message: String) {
        #expect {
            try LabelFile(header: header, rows: rows, rowLines: [7, 8], file: "l.csv")
        } throws: { error in
            (error as? EvaluationError)?.localizedDescription.hasPrefix(message) == true
        }
    }
}

import Foundation
import Testing

@testable import Formats

@Suite("A forced format that finds no records")
struct ForcedFormatTests {
    @Test("is an error at line 1 that names the format and says what the file looks like, escapes shown inertly")
    func noRecords() throws {
        let text = "Some notes\u{1B}[31m about papers\nsecond line\n"
        #expect {
            try Importer.read(data: Data(text.utf8), fileName: "notes.txt", format: .ris)
        } throws: { error in
            let message = "\(error)"
            return message.hasPrefix("notes.txt:1: error:") && message.contains("no RIS records found")
                && message.contains("the file starts “Some notes?[31m about papers”") && !message.contains("\u{1B}")
        }
        // A file with records in the forced format still imports.
        let ris = "TY  - JOUR\nTI  - A title\nER  - \n"
        #expect(try Importer.read(data: Data(ris.utf8), fileName: "one.ris", format: .ris).records.count == 1)
    }
}

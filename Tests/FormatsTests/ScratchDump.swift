import Foundation
import Testing
@testable import Formats

@Test func scratchDump() throws {
    let dir = SampleFiles.url("ris")
    let files = FileManager.default.enumerator(atPath: dir.path)!.compactMap { $0 as? String }.filter { $0.contains(".") }.sorted()
    for f in files {
        let r = try RISReader().read(url: dir.appendingPathComponent(f))
        print("== \(f): \(r.records.count) records, \(r.diagnostics.count) diags")
        for d in r.diagnostics.prefix(6) { print("   ", d) }
        if let x = r.records.first {
            let fl = x.fields
            print("   t=\(fl.title.prefix(60)) | a=\(fl.authors.prefix(2)) | y=\(String(describing: fl.year)) | j=\(fl.journal ?? "-") | doi=\(fl.doi ?? "-") | pmid=\(fl.pmid ?? "-") | kw=\(fl.keywords.prefix(3)) | pages=\(fl.pages ?? "-") | abs=\(fl.abstract.count) | id=\(x.sourceID ?? "-") | type=\(fl.type ?? "-") line=\(x.line)")
        }
    }
}

import Foundation
import Testing
@testable import Formats

@Test func scratchDump() throws {
    let files = ["medline/rayyan-formats-plugins/example1.nbib", "medline/biopython/pubmed_result1.txt", "medline/biopython/pubmed_result2.txt", "medline/biopython/pubmed_result3.txt", "wos-tagged/rispy-tests/example_wos.ris"]
    for f in files {
        let u = SampleFiles.url(f)
        let r = f.hasPrefix("wos") ? try WebOfScienceReader().read(url: u) : try MedlineReader().read(url: u)
        print("== \(f): \(r.records.count) records, \(r.diagnostics.count) diags")
        for d in r.diagnostics.prefix(6) { print("   ", d) }
        for x in r.records.prefix(2) {
            let fl = x.fields
            print("   t=\(fl.title.prefix(60)) | a=\(fl.authors.prefix(2)) | y=\(String(describing: fl.year)) | j=\(fl.journal ?? "-") | doi=\(fl.doi ?? "-") | pmid=\(fl.pmid ?? "-") | kw=\(fl.keywords.prefix(3)) mesh=\(fl.meshTerms.prefix(2)) | pages=\(fl.pages ?? "-") | abs=\(fl.abstract.prefix(80)) | id=\(x.sourceID ?? "-") | type=\(fl.type ?? "-") line=\(x.line) vol=\(fl.volume ?? "-") lang=\(fl.language ?? "-")")
        }
    }
}

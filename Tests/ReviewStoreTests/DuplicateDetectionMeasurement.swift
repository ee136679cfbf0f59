import Formats
import Foundation
import ReviewModel
import TestSupport
import Testing

@testable import ReviewStore

/// Precision and recall of duplicate detection on real exports of the same search from several
/// databases (dataset test: `TARSIER_DATASET_TESTS=1`, reads `$TARSIER_DATASETS/import-samples`).
/// Truth is by identifier: two records are the same work when they share a normalised DOI. A
/// merged pair is verifiable when both records carry a DOI. Numbers: Documentation/Duplicates.md.
@Suite(
    "Duplicate detection on multi-database exports",
    .enabled(if: TestData.datasetTestsEnabled, Comment(rawValue: TestData.datasetSkipReason)))
struct DuplicateDetectionMeasurement {
    static let sets: [(String, [String])] = [
        (
            "restoration (Scopus RIS + WoS tagged + PubMed)",
            [
                "multi-database/revtools/restoration_scopus.ris", "multi-database/revtools/restoration_WoS.ciw",
                "multi-database/revtools/restoration_pubmed.nbib",
            ]
        ),
        ("Dimensions + Lens RIS", ["dimensions/CiteSource/RAWDIM.ris", "lens/CiteSource/RAWLENS.ris"]),
    ]

    @Test("no merged pair has two different DOIs; recall of same-DOI pairs; possible duplicates")
    func measure() throws {
        try TestData.requireDatasets()
        print(
            "| set | records | merged pairs | verifiable | wrong | true pairs (same DOI) | found | recall | possible duplicates | of them same DOI |"
        )
        for (name, files) in Self.sets {
            let db = try ReviewDatabase.inMemory()
            for (index, file) in files.enumerated() {
                let url = TestData.dataset("import-samples/\(file)")
                let result = try Importer.read(url: url)
                _ = try db.importBatch(
                    ImportBatchInput(
                        fileName: url.lastPathComponent, format: result.format, sha256: "sha-\(index)",
                        records: result.records,
                        warnings: []))
            }
            let all = try db.records() + db.records(.duplicates)
            let group = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0.duplicateGroupID ?? -$0.id) })
            let doi = Dictionary(
                uniqueKeysWithValues: all.map { ($0.id, ReferenceFields.normalisedDOI($0.fields.doi)) })
            var merged = 0, verifiable = 0, wrong = 0, truePairs = 0, found = 0
            let ids = all.map(\.id).sorted()
            for (i, a) in ids.enumerated() {
                for b in ids[(i + 1)...] {
                    let sameGroup = group[a] == group[b]
                    let sameDOI = doi[a]! != nil && doi[a]! == doi[b]!
                    if sameGroup {
                        merged += 1
                        if let x = doi[a]!, let y = doi[b]! {
                            verifiable += 1
                            if x != y { wrong += 1 }
                        }
                    }
                    if sameDOI {
                        truePairs += 1
                        if sameGroup { found += 1 }
                    }
                }
            }
            let possible = try db.possibleDuplicates()
            let possibleSame = possible.filter {
                doi[$0.recordID]! != nil && doi[$0.recordID]! == doi[$0.otherRecordID]!
            }.count
            print(
                "| \(name) | \(all.count) | \(merged) | \(verifiable) | \(wrong) | \(truePairs) | \(found) | "
                    + String(format: "%.3f", truePairs == 0 ? 1 : Double(found) / Double(truePairs))
                    + " | \(possible.count) | \(possibleSame) |")
            #expect(wrong == 0, "\(name): \(wrong) merged pairs with different DOIs")
            #expect(possibleSame == 0)
            #expect(found == truePairs, "\(name): same-DOI pairs not merged")
        }
    }
}

import Foundation
import ReviewModel
import Testing

@testable import ReviewStore

@Suite("Recent decisions")
struct RecentDecisionsTests {
    @Test("the newest events, newest first, are the tail of the whole log for every limit")
    func tailOfLog() throws {
        let database = try ReviewDatabase.inMemory()
        _ = try database.importBatch(input(sampleRecords()))
        let ids = try database.records().map(\.id)
        for (step, id) in (ids + ids).enumerated() {
            try database.decide(
                id, step.isMultiple(of: 3) ? .include : .exclude, assessor: step.isMultiple(of: 2) ? "ann" : "bob")
            if step == 2 { try database.undo(assessor: "ann") }
        }
        let log = try database.decisionLog()
        for limit in [0, 1, 3, log.count, log.count + 5] {
            #expect(try database.recentDecisions(limit: limit) == Array(log.suffix(limit).reversed()))
        }
    }

    @Test("randomly picked records are those whose latest decide event was a random pick")
    func randomPicks() throws {
        let database = try ReviewDatabase.inMemory()
        _ = try database.importBatch(input(sampleRecords()))
        let ids = try database.records().map(\.id)
        try database.decide(ids[0], .exclude, assessor: "ann", provenance: DecisionProvenance(pickedBy: .random))
        try database.decide(ids[1], .exclude, assessor: "ann", provenance: DecisionProvenance(pickedBy: .random))
        try database.decide(ids[1], .include, assessor: "ann", provenance: DecisionProvenance(pickedBy: .rank))
        try database.undo(assessor: "ann")  // an undo is not a decide: ids[1]'s latest decide is still by rank
        #expect(try database.randomlyPickedRecords() == [ids[0]])
    }
}

import Foundation
import ReviewModel
import ReviewStore
import ScreeningUI

extension ReviewScreeningSession {
    /// A lead's list of records whose votes disagree, with every vote's label, reason and note
    /// (nothing for a session that is not a lead's: assessors stay blind).
    public func conflicts() throws -> [ConflictEntry] {
        guard isLead else { return [] }
        return try database.teamSummary().conflicts.map { conflict in
            let fields = try database.record(conflict.recordID).fields.shown
            return ConflictEntry(
                id: conflict.recordID, title: fields.title, abstract: fields.abstract,
                votes: conflict.votes.map {
                    ConflictEntry.Vote(assessor: $0.assessor, label: $0.label, reason: $0.reason, note: $0.note)
                })
        }
    }

    /// Records the lead's final decision as a `resolve` event (refused for a record not in
    /// conflict); durable when this returns.
    public func resolve(_ id: Int64, _ label: Label) throws {
        guard isLead else { throw NotALeadSession() }
        try database.resolve(id, label, assessor: assessor)
        worker.requestRetrain()
    }
}

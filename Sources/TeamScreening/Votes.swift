import Foundation
import ReviewModel

/// One event of the decision log as the team rules see it.
public struct VoteEvent: Sendable, Equatable {
    public enum Kind: String, Sendable { case decide, undo, redo, resolve }
    public var id: Int64
    public var recordID: Int64
    public var kind: Kind
    public var label: Label?
    public var assessor: String
    /// For undo and redo: the event undone or re-applied.
    public var target: Int64?
    public var reason: String?
    public var note: String?
    public var at: Date

    public init(
        id: Int64, recordID: Int64, kind: Kind, label: Label?, assessor: String, target: Int64? = nil,
        reason: String? = nil, note: String? = nil, at: Date
    ) {
        self.id = id
        self.recordID = recordID
        self.kind = kind
        self.label = label
        self.assessor = assessor
        self.target = target
        self.reason = reason
        self.note = note
        self.at = at
    }
}

/// An assessor's standing vote on a record.
public struct Vote: Sendable, Equatable, Codable {
    public var assessor: String
    public var label: Label
    public var reason: String?
    public var note: String?
    public var at: Date
    /// The log event that cast it.
    public var eventID: Int64
}

/// A lead's final decision on a record in conflict.
public struct Resolution: Sendable, Equatable, Codable {
    public var assessor: String
    public var label: Label
    public var reason: String?
    public var at: Date
    public var eventID: Int64
}

/// Every assessor's standing vote on every record, replayed from the append-only log: a
/// `decide` casts a vote (replacing that assessor's earlier one), an `undo` withdraws the vote its
/// target cast (the assessor's previous vote on the record stands again), a `redo` restores it;
/// a `resolve` is a lead's final decision and is kept apart from the votes.
public struct VoteBook: Sendable, Equatable {
    /// Votes by record, then by assessor.
    public private(set) var votes: [Int64: [String: Vote]] = [:]
    /// The latest resolution of each resolved record.
    public private(set) var resolutions: [Int64: Resolution] = [:]

    public init(events: [VoteEvent]) {
        // Per (record, assessor): the stack of that assessor's effective vote events on it.
        var stacks: [Int64: [String: [VoteEvent]]] = [:]
        var byID: [Int64: VoteEvent] = [:]
        for event in events.sorted(by: { $0.id < $1.id }) {
            byID[event.id] = event
            switch event.kind {
            case .decide:
                if event.label != nil {
                    stacks[event.recordID, default: [:]][event.assessor, default: []].append(event)
                }
            case .undo:
                guard let target = event.target, let undone = byID[target] else { continue }
                stacks[undone.recordID]?[undone.assessor]?.removeAll { $0.id == target }
                if let resolved = resolutions[undone.recordID], resolved.eventID == target {
                    resolutions[undone.recordID] = nil
                }
            case .redo:
                // The re-applied vote or resolution, as if cast again by this event (a later undo
                // names the redo event as its target).
                guard let target = event.target, var restored = byID[target] else { continue }
                restored.id = event.id
                restored.at = event.at
                byID[event.id] = restored
                if restored.kind == .resolve, let label = restored.label {
                    resolutions[restored.recordID] = Resolution(
                        assessor: restored.assessor, label: label, reason: restored.reason, at: event.at,
                        eventID: event.id)
                } else if restored.label != nil {
                    stacks[restored.recordID, default: [:]][restored.assessor, default: []].append(restored)
                }
            case .resolve:
                if let label = event.label {
                    resolutions[event.recordID] = Resolution(
                        assessor: event.assessor, label: label, reason: event.reason, at: event.at, eventID: event.id)
                }
            }
        }
        for (record, byAssessor) in stacks {
            for (assessor, stack) in byAssessor {
                guard let last = stack.last, let label = last.label else { continue }
                votes[record, default: [:]][assessor] = Vote(
                    assessor: assessor, label: label, reason: last.reason, note: last.note, at: last.at,
                    eventID: last.id)
            }
        }
        votes = votes.filter { !$0.value.isEmpty }
    }

    /// The assessors who have voted on anything, sorted.
    public var assessors: [String] { Set(votes.values.flatMap(\.keys)).sorted() }
}

import ReviewModel

extension InMemoryScreeningSession {
    /// Records a decision, appends it to the log and clears the redo stack.
    public func decide(_ id: Int64, _ label: Label, reason: String?, note: String?) throws {
        guard position[id] != nil else { throw ScreeningUIError.unknownRecord(id) }
        let sequence = Int64(log.count + 1)
        let applied = Decision(label: label, reason: label == .exclude ? reason : nil, sequence: sequence)
        append(id: id, kind: .decision, applied: applied, sequence: sequence)
        undoStack.append(log.count - 1)
        redoStack.removeAll()
        if let note { try setNote(id, note) }
    }

    /// Reverts the latest decision as a new `undo` log event.
    public func undo() throws -> Int64? {
        guard let entryIndex = undoStack.popLast() else { return nil }
        let entry = log[entryIndex]
        let sequence = Int64(log.count + 1)
        let restored = entry.previous.map { Decision(label: $0.label, reason: $0.reason, sequence: sequence) }
        append(id: entry.event.recordID, kind: .undo, applied: restored, sequence: sequence)
        redoStack.append(entryIndex)
        return entry.event.recordID
    }

    /// Re-applies the latest undone decision as a new `redo` log event.
    public func redo() throws -> Int64? {
        guard let entryIndex = redoStack.popLast() else { return nil }
        let entry = log[entryIndex]
        let sequence = Int64(log.count + 1)
        let again = entry.applied.map { Decision(label: $0.label, reason: $0.reason, sequence: sequence) }
        append(id: entry.event.recordID, kind: .redo, applied: again, sequence: sequence)
        undoStack.append(entryIndex)
        return entry.event.recordID
    }

    /// The newest log events first.
    public func history(limit: Int) throws -> [DecisionEvent] {
        Array(log.suffix(max(0, limit)).reversed().map(\.event))
    }

    /// Current decisions in the order they were made, as include flags.
    public func screeningCurve() throws -> [Bool] {
        decisions.values.sorted { $0.sequence < $1.sequence }.map { $0.label == .include }
    }

    /// Appends a log entry that sets (or clears) a record's decision and keeps the queue in step.
    func append(id: Int64, kind: DecisionEvent.Kind, applied: Decision?, sequence: Int64) {
        let previous = decisions[id]
        let title = position[id].map { items[$0].fields.title } ?? ""
        let event = DecisionEvent(
            sequence: sequence, recordID: id, title: title, kind: kind, label: applied?.label,
            reason: applied?.reason, assessor: assessor)
        log.append(LogEntry(event: event, previous: previous, applied: applied))
        decisions[id] = applied
        guard let rankPosition = position[id] else { return }
        let slot = lowerBound(undecided, rankPosition)
        let listed = slot < undecided.count && undecided[slot] == rankPosition
        if applied == nil, !listed { undecided.insert(rankPosition, at: slot) }
        if applied != nil, listed { undecided.remove(at: slot) }
        filterCache = [:]
    }
}

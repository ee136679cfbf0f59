import ReviewModel
import ScreeningUI

/// An ordered log of session and terminal calls.
final class CallLog {
    var entries: [String] = []
}

struct DiskFull: Error, CustomStringConvertible {
    var description: String { "disk full" }
}

/// Forwards to an in-memory session and logs decisions (optionally failing them).
final class LoggingSession: ScreeningSession {
    let base: InMemoryScreeningSession
    let log: CallLog
    var failDecisions = false

    init(_ base: InMemoryScreeningSession, log: CallLog) {
        self.base = base
        self.log = log
    }

    func overview() throws -> SessionOverview { try base.overview() }
    func queue(_ filter: QueueFilter, offset: Int, limit: Int) throws -> QueuePage {
        try base.queue(filter, offset: offset, limit: limit)
    }
    func position(of id: Int64, in filter: QueueFilter) throws -> Int? { try base.position(of: id, in: filter) }
    func record(_ id: Int64) throws -> RecordDetail { try base.record(id) }
    func decide(_ id: Int64, _ label: Label, reason: String?, note: String?) throws {
        if failDecisions { throw DiskFull() }
        try base.decide(id, label, reason: reason, note: note)
        log.entries.append("decide \(id)")
    }
    func setNote(_ id: Int64, _ note: String?) throws { try base.setNote(id, note) }
    func undo() throws -> Int64? { try base.undo() }
    func redo() throws -> Int64? { try base.redo() }
    func history(limit: Int) throws -> [DecisionEvent] { try base.history(limit: limit) }
    func screeningCurve() throws -> [Bool] { try base.screeningCurve() }
    func search(_ text: String) throws -> [Int64] { try base.search(text) }
    func exclusionReasons() throws -> [String] { try base.exclusionReasons() }
    func setExclusionReasons(_ reasons: [String]) throws { try base.setExclusionReasons(reasons) }
    func highlightTerms() throws -> HighlightTerms { try base.highlightTerms() }
    func setHighlightTerms(_ terms: HighlightTerms) throws { try base.setHighlightTerms(terms) }
    func refresh() throws { try base.refresh() }
    func beginPick(adopting ranking: RankingUpdate?) throws { try base.beginPick(adopting: ranking) }
    func setChangeHandler(_ handler: @escaping @Sendable (SessionChange) -> Void) { base.setChangeHandler(handler) }
}

/// A terminal that logs draws and replays keys.
final class LoggingTerminal: Terminal {
    let size: Size
    let log: CallLog
    var keys: [Key] = []

    init(size: Size, log: CallLog) {
        self.size = size
        self.log = log
    }

    func readKey(timeoutMilliseconds: Int) -> TerminalInput {
        keys.isEmpty ? .closed : .key(keys.removeFirst())
    }

    func draw(_ buffer: ScreenBuffer) { log.entries.append("draw") }
}

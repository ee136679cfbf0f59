import Foundation

/// Owns the state, runs `update`, executes effects against the session and draws frames.
///
/// Threading: every method runs on the caller's (UI) thread; only the session's change handler
/// may be called from elsewhere, and it just queues a notification that the loop drains between
/// key presses. A decision effect returns only after `session.decide` returned, and the next frame
/// is drawn after that, so what is on screen is always committed.
public final class EventLoop {
    /// The current state.
    public private(set) var state: AppState
    let session: any ScreeningSession
    let inbox = ChangeInbox()
    private var started = false
    private var dirty = true

    /// A loop over a session at a terminal size with a key map.
    public init(session: any ScreeningSession, size: Size, keyMap: KeyMap = .standard) {
        self.session = session
        state = AppState(size: size, keyMap: keyMap)
        state.isLead = session.isLead
    }

    /// Installs the session's change handler and loads the first screen (once).
    public func start() {
        guard !started else { return }
        started = true
        let inbox = inbox
        session.setChangeHandler { change in inbox.post(change) }
        execute([.loadSettings, .reload(ReloadRequest(filter: state.filter, position: 0))])
    }

    /// Applies an event and runs the effects it causes (and their results) to completion.
    public func send(_ event: Event) {
        start()
        dirty = true
        execute(update(&state, event))
    }

    /// Applies a named action.
    public func send(_ action: Action) {
        send(.action(action))
    }

    /// Turns pending background notifications into events (the newest ranking with its payload,
    /// and one reload for the rest); returns whether there were any.
    @discardableResult
    public func drainNotifications() -> Bool {
        let changes = inbox.takeAll()
        guard !changes.isEmpty else { return false }
        let rankings = changes.compactMap { change -> RankingUpdate? in
            if case .ranking(let ranking) = change { return ranking }
            return nil
        }
        if let newest = rankings.max(by: { $0.version < $1.version }) { send(.rankingArrived(newest)) }
        if rankings.count < changes.count { send(.sessionChanged) }
        return true
    }

    /// The frame for the current state.
    public func render() -> ScreenBuffer {
        Screen.render(state)
    }

    /// Runs until the user quits or input ends: draw, wait for a key (polling background
    /// notifications every `pollMilliseconds`), update, repeat.
    public func run(on terminal: any Terminal, pollMilliseconds: Int = 100) {
        start()
        if terminal.size != state.size { send(.resize(terminal.size)) }
        while !state.isFinished {
            drainNotifications()
            if dirty {
                terminal.draw(render())
                dirty = false
            }
            switch terminal.readKey(timeoutMilliseconds: pollMilliseconds) {
            case .key(.named(.resize)): send(.resize(terminal.size))
            case .key(let key): send(.key(key))
            case .timeout: continue
            case .closed: return
            }
        }
    }

    func execute(_ effects: [Effect]) {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            for event in perform(effect) {
                queue.append(contentsOf: update(&state, event))
            }
        }
    }

    /// Runs one effect against the session; failures become `.failed` events, never crashes.
    func perform(_ effect: Effect) -> [Event] {
        do {
            switch effect {
            case .decide(let id, let label, let reason):
                try session.decide(id, label, reason: reason, note: nil)
                return [.committed(.decision(id: id, label: label))]
            case .saveNote(let id, let text):
                try session.setNote(id, text.isEmpty ? nil : text)
                return [.committed(.note(id: id))]
            case .undo:
                return [.committed(.undo(id: try session.undo()))]
            case .redo:
                return [.committed(.redo(id: try session.redo()))]
            case .reload(var request):
                if request.pick && request.adoptsNewest {
                    // A pick follows the newest ranking posted by now (a retrain that finished
                    // with the decision just made is followed at once).
                    for change in inbox.takeRankings() {
                        if case .ranking(let ranking) = change { state.noteArrived(ranking) }
                    }
                    request.adopt = state.nextRanking
                }
                return [.reloaded(try reload(request))]
            case .loadRecord(let id):
                return [.recordLoaded(try session.record(id))]
            case .loadHistory:
                return [.historyLoaded(try session.history(limit: 1000))]
            case .loadConflicts:
                return [.conflictsLoaded(try session.conflicts())]
            case .resolve(let id, let label):
                try session.resolve(id, label)
                return [.conflictsLoaded(try session.conflicts()), .sessionChanged]
            case .loadCurve:
                return [.curveLoaded(try session.screeningCurve())]
            case .loadSettings:
                return [.settingsLoaded(try session.highlightTerms(), try session.exclusionReasons())]
            case .search(let query):
                return [.searchFinished(query: query, matches: try session.search(query))]
            case .locate(let id):
                return [.located(id: id, position: try session.position(of: id, in: state.filter))]
            case .saveTerms(let terms):
                try session.setHighlightTerms(terms)
                return []
            case .saveReasons(let reasons):
                try session.setExclusionReasons(reasons)
                return []
            case .refreshSession:
                try session.refresh()
                return []
            case .quit:
                return []
            }
        } catch {
            return [.failed((error as? LocalizedError)?.errorDescription ?? String(describing: error))]
        }
    }

    func reload(_ request: ReloadRequest) throws -> Reload {
        if request.pick { try session.beginPick(adopting: request.adopt) }
        var position = max(0, request.position)
        if let keep = request.keep, let found = try session.position(of: keep, in: request.filter) {
            position = found
        } else if let past = request.advancePast, let found = try session.position(of: past, in: request.filter) {
            position = found + 1
        }
        let half = request.pageSize / 2
        var page = try session.queue(request.filter, offset: max(0, position - half), limit: request.pageSize)
        position = page.total == 0 ? 0 : min(position, page.total - 1)
        if page.total > 0, page.entry(at: position) == nil {
            page = try session.queue(request.filter, offset: max(0, position - half), limit: request.pageSize)
        }
        var detail: RecordDetail?
        if let holding = request.holding {
            // The pager keeps its record (its marks refreshed); nothing replaces it without a key.
            detail = try? session.record(holding)
        } else if request.loadDetail, let entry = page.entry(at: position) {
            detail = try session.record(entry.id)
        }
        return Reload(
            overview: try session.overview(), page: page, position: position, detail: detail,
            adopted: request.adopt?.version)
    }
}

/// A thread-safe mailbox for session change notifications.
final class ChangeInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var changes: [SessionChange] = []

    func post(_ change: SessionChange) {
        lock.lock()
        changes.append(change)
        lock.unlock()
    }

    /// Takes the posted rankings out, leaving the other changes.
    func takeRankings() -> [SessionChange] {
        lock.lock()
        defer { lock.unlock() }
        let rankings = changes.filter { if case .ranking = $0 { true } else { false } }
        changes.removeAll { if case .ranking = $0 { true } else { false } }
        return rankings
    }

    func takeAll() -> [SessionChange] {
        lock.lock()
        defer { lock.unlock() }
        let taken = changes
        changes.removeAll()
        return taken
    }
}

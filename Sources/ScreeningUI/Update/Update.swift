import ReviewModel

/// Applies an action to the state and returns the work the event loop must do. Pure.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    update(&state, .action(action))
}

/// Applies an event (input, terminal change or effect result) to the state and returns the work
/// the event loop must do. Pure: no I/O, no clock.
public func update(_ state: inout AppState, _ event: Event) -> [Effect] {
    switch event {
    case .action(let action):
        return Updater.perform(action, &state)
    case .key(let key):
        return Updater.handle(key, &state)
    case .text(let text):
        guard case .prompt(var prompt) = state.mode else { return [] }
        prompt.text += TextSanitizer.clean(text)
        state.mode = .prompt(prompt)
        return []
    case .resize(let size):
        state.size = size
        Updater.keepSelectionVisible(&state)
        return Updater.pageCoversWindow(state)
            ? [] : [Updater.reload(state, keep: state.selectedEntry?.id, holding: state.current?.id)]
    case .sessionChanged:
        // Progress, or another assessor's decisions: the counts and marks are refreshed, the
        // record in the pager and the list around it stay until the next key press.
        return Updater.reloadAll(
            state, keep: state.view == .queue ? state.selectedEntry?.id : nil, holding: state.current?.id)
    case .rankingArrived(let ranking):
        // A new ranking never swaps the record under the reader: it is kept and followed from the
        // next pick (after a decision, the newest ranking's top unless the assessor moved by
        // hand). Only when nothing is on screen yet (a review never ranked before) is its top
        // shown at once.
        state.noteArrived(ranking)
        if state.current == nil, state.view == .queue, state.filter.isDefault, state.mode == .normal {
            state.followsRanking = true
            return [Updater.pick(&state, position: 0)]
        }
        return Updater.reloadAll(
            state, keep: state.view == .queue ? state.selectedEntry?.id : nil, holding: state.current?.id)
    case .committed(let commit):
        return Updater.committed(commit, &state)
    case .reloaded(let reload):
        if let adopted = reload.adopted, (state.nextRanking?.version ?? Int.max) <= adopted { state.nextRanking = nil }
        Updater.apply(reload, &state)
        return []
    case .recordLoaded(let detail):
        Updater.show(detail, &state)
        return []
    case .historyLoaded(let events):
        // The selected event stays selected when newer events arrive above it.
        if let selected = state.selectedEvent,
            let index = events.firstIndex(where: { $0.sequence == selected.sequence })
        {
            state.historyCursor.position = index
        }
        state.history = events
        state.historyCursor.position = min(state.historyCursor.position, max(0, events.count - 1))
        Updater.keepSelectionVisible(&state)
        guard state.view == .history, let event = state.selectedEvent else { return [] }
        return [.loadRecord(event.recordID)]
    case .conflictsLoaded(let conflicts):
        // The selected conflict stays selected while others are resolved.
        let selected = state.selectedConflict?.id
        state.conflicts = conflicts
        state.conflictsCursor.position =
            selected.flatMap { id in conflicts.firstIndex { $0.id == id } }
            ?? min(state.conflictsCursor.position, max(0, conflicts.count - 1))
        return []
    case .curveLoaded(let curve):
        state.curve = curve
        return []
    case .settingsLoaded(let terms, let reasons):
        state.terms = terms
        state.reasons = reasons
        return []
    case .searchFinished(let query, let matches):
        state.search = SearchState(query: query, matches: matches, index: 0)
        guard let first = matches.first else {
            state.message = StatusMessage("no match for “\(query)”")
            return []
        }
        return [.locate(first)]
    case .located(let id, let position):
        return Updater.located(id, position, &state)
    case .failed(let message):
        state.message = StatusMessage(message, isError: true)
        return []
    }
}

/// Whether an action can run now; the help screen dims disabled actions and `update` refuses them.
public func isEnabled(_ action: Action, _ state: AppState) -> Bool {
    disabledReason(action, state) == nil
}

/// Why an action cannot run now, or nil when it can.
public func disabledReason(_ action: Action, _ state: AppState) -> String? {
    switch action {
    case .include, .exclude, .maybe:
        if state.view == .conflicts { return state.selectedConflict == nil ? "no conflict waiting" : nil }
        return state.current == nil ? "no record selected" : nil
    case .note:
        if state.view == .conflicts { return "no notes in the Conflicts view" }
        return state.current == nil ? "no record selected" : nil
    case .excludeWithReason:
        if state.current == nil { return "no record selected" }
        return state.reasons.isEmpty ? "no exclusion reasons yet (edit them first)" : nil
    case .undo:
        return state.overview.canUndo ? nil : "nothing to undo"
    case .redo:
        return state.overview.canRedo ? nil : "nothing to redo"
    case .searchNext, .searchPrevious:
        guard let search = state.search else { return "no search yet" }
        return search.matches.isEmpty ? "no match for “\(search.query)”" : nil
    case .clearFilter:
        return state.filter.isDefault ? "no filter set" : nil
    case .togglePager, .scrollPagerDown, .scrollPagerUp, .open:
        return state.view == .stats || state.view == .conflicts ? "no record in this view" : nil
    case .showConflicts:
        return state.isLead ? nil : "only a lead resolves conflicts (screen --lead)"
    default:
        return nil
    }
}

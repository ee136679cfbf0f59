import ReviewModel

extension Updater {
    // MARK: - Selection

    static func listPageRows(_ state: AppState) -> Int {
        let layout = Layout(state)
        return layout.listRows > 0 ? layout.listRows : max(1, layout.pagerRows)
    }

    static func move(by delta: Int, _ state: inout AppState) -> [Effect] {
        let position =
            switch state.view {
            case .history: state.historyCursor.position
            case .conflicts: state.conflictsCursor.position
            default: state.queueCursor.position
            }
        let target = delta > 0 && position > Int.max - delta ? Int.max : position + delta
        return move(to: target, &state)
    }

    static func move(to target: Int, _ state: inout AppState) -> [Effect] {
        switch state.view {
        case .stats:
            return []
        case .conflicts:
            guard !state.conflicts.isEmpty else { return [] }
            state.conflictsCursor.position = max(0, min(target, state.conflicts.count - 1))
            return []
        case .history:
            guard !state.history.isEmpty else { return [] }
            state.historyCursor.position = max(0, min(target, state.history.count - 1))
            keepSelectionVisible(&state)
            return state.selectedEvent.map { [.loadRecord($0.recordID)] } ?? []
        case .queue:
            guard state.page.total > 0 else { return [] }
            state.queueCursor.position = max(0, min(target, state.page.total - 1))
            keepSelectionVisible(&state)
            if pageCoversWindow(state), let entry = state.selectedEntry { return [.loadRecord(entry.id)] }
            return [reload(state, position: state.queueCursor.position)]
        }
    }

    static func keepSelectionVisible(_ state: inout AppState) {
        let rows = Layout(state).listRows
        state.queueCursor.top = state.queueCursor.visibleTop(rows: rows, count: state.page.total)
        state.historyCursor.top = state.historyCursor.visibleTop(rows: rows, count: state.history.count)
    }

    /// Whether the loaded page holds every visible queue row and the selection.
    static func pageCoversWindow(_ state: AppState) -> Bool {
        let page = state.page
        guard page.total > 0 else { return true }
        let rows = max(1, Layout(state).listRows)
        let first = state.queueCursor.top
        let last = min(page.total, first + rows) - 1
        let cursor = state.queueCursor.position
        let end = page.offset + page.entries.count
        return first >= page.offset && last < end && cursor >= page.offset && cursor < end
    }

    static func scrollPager(by delta: Int, _ state: inout AppState) {
        let maximum = PagerView.maximumScroll(state, layout: Layout(state))
        let target = delta > 0 && state.pagerScroll > Int.max - delta ? Int.max : state.pagerScroll + delta
        state.pagerScroll = max(0, min(target, maximum))
    }

    // MARK: - Loading

    /// A reload of the list as the session serves it now; `holding` keeps that record in the
    /// pager (a reload no key asked for).
    static func reload(
        _ state: AppState, keep: Int64? = nil, position: Int? = nil, advancePast: Int64? = nil, holding: Int64? = nil
    ) -> Effect {
        .reload(
            ReloadRequest(
                filter: state.filter, position: position ?? state.queueCursor.position, keep: keep,
                advancePast: advancePast, pageSize: max(200, state.size.rows * 3),
                loadDetail: state.view != .history, holding: holding))
    }

    /// A reload that is a pick: the list takes in other assessors' decisions and, unless
    /// `adopting` is false, follows the newest ranking posted by the time it runs.
    static func pick(
        _ state: inout AppState, keep: Int64? = nil, position: Int? = nil, advancePast: Int64? = nil,
        adopting: Bool = true
    ) -> Effect {
        .reload(
            ReloadRequest(
                filter: state.filter, position: position ?? state.queueCursor.position, keep: keep,
                advancePast: advancePast, pageSize: max(200, state.size.rows * 3),
                loadDetail: state.view != .history, pick: true, adoptsNewest: adopting))
    }

    static func reloadAll(
        _ state: AppState, keep: Int64?, position: Int? = nil, advancePast: Int64? = nil, holding: Int64? = nil
    ) -> [Effect] {
        let effects = [reload(state, keep: keep, position: position, advancePast: advancePast, holding: holding)]
        return effects + followers(state)
    }

    /// The loads the view shown needs after its list changed.
    static func followers(_ state: AppState) -> [Effect] {
        var effects: [Effect] = []
        if state.view == .history { effects.append(.loadHistory) }
        if state.view == .stats { effects.append(.loadCurve) }
        return effects
    }

    static func apply(_ reload: Reload, _ state: inout AppState) {
        state.overview = reload.overview
        state.page = reload.page
        state.queueCursor.position = reload.position
        keepSelectionVisible(&state)
        if state.view != .history {
            if let detail = reload.detail {
                show(detail, &state)
            } else if reload.page.total == 0 {
                state.current = nil
            }
        }
    }

    static func show(_ detail: RecordDetail, _ state: inout AppState) {
        if state.current?.id != detail.id { state.pagerScroll = 0 }
        state.current = detail
    }

    static func committed(_ commit: Commit, _ state: inout AppState) -> [Effect] {
        if state.view == .history, commit.addsLogEvent {
            state.historyCursor.position += 1
        }
        switch commit {
        case .decision(let id, let label):
            // Following the ranking, the next pick is the newest ranking's top (a ranking that
            // arrived while the record was read takes effect here); moved by hand, the next record
            // is the one after the decided one.
            let pickFromTop = state.followsRanking && state.filter.isDefault
            state.followsRanking = true
            // A prefix is plenty for the status line (which shows at most 2/5 of the width).
            var title = ""
            if let current = state.current, current.id == id {
                title = String(current.fields.title.unicodeScalars.prefix(1024))
            }
            state.message = StatusMessage("\(label.pastTense) · \(title)")
            let next =
                pickFromTop
                ? pick(&state, position: 0) : pick(&state, advancePast: id, adopting: false)
            return [next] + followers(state)
        case .undo(let id):
            guard let id else { state.message = StatusMessage("nothing to undo"); return [] }
            state.message = StatusMessage("undone · record back to its earlier state")
            return [pick(&state, keep: id)] + followers(state) + (state.view == .queue ? [] : [.loadRecord(id)])
        case .redo(let id):
            guard let id else { state.message = StatusMessage("nothing to redo"); return [] }
            state.message = StatusMessage("redone")
            return [pick(&state, keep: id)] + followers(state) + (state.view == .queue ? [] : [.loadRecord(id)])
        case .note(let id):
            state.message = StatusMessage("note saved")
            return [.loadRecord(id)]
        }
    }

    static func located(_ id: Int64, _ position: Int?, _ state: inout AppState) -> [Effect] {
        let counter = state.search.map { "match \($0.index + 1)/\($0.matches.count)" } ?? "match"
        state.view = .queue
        guard let position else {
            state.message = StatusMessage("\(counter) · not in this list; shown in the pager")
            return [.loadRecord(id)]
        }
        state.message = StatusMessage(counter)
        state.queueCursor.position = position
        keepSelectionVisible(&state)
        if pageCoversWindow(state) { return [.loadRecord(id)] }
        return [reload(state, keep: id, position: position)]
    }
}

extension Commit {
    /// Whether the commit appended an event to the decision log.
    var addsLogEvent: Bool {
        switch self {
        case .decision: true
        case .undo(let id), .redo(let id): id != nil
        case .note: false
        }
    }
}

extension Label {
    /// "Included", "Excluded", "Maybe".
    var pastTense: String {
        switch self {
        case .include: "included"
        case .exclude: "excluded"
        case .maybe: "marked maybe"
        }
    }
}

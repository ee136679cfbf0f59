import ReviewModel

/// The pieces of `update`, grouped by what they handle.
enum Updater {
    // MARK: - Keys

    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch state.mode {
        case .prompt(var prompt):
            switch key {
            case .named(.enter): return submit(prompt, &state)
            case .named(.escape): state.mode = .normal; return []
            case .named(.backspace): if !prompt.text.isEmpty { prompt.text.removeLast() }
            case .control("u"): prompt.text = ""
            case .character(let character): prompt.text.append(character)
            default: return []
            }
            state.mode = .prompt(prompt)
            return []
        case .reasonPicker:
            if case .character(let character) = key, let digit = character.wholeNumberValue,
                digit >= 1, digit <= min(9, state.reasons.count)
            {
                return chooseReason(digit - 1, &state)
            }
        case .normal, .help:
            break
        }
        guard let action = state.keyMap.action(for: key) else {
            if case .normal = state.mode {
                state.message = StatusMessage("\(key.name) is not bound · ? lists the keys")
            }
            return []
        }
        return perform(action, &state)
    }

    // MARK: - Actions

    static func perform(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch state.mode {
        case .help(let scroll):
            return helpAction(action, scroll: scroll, &state)
        case .prompt(let prompt):
            if action == .open { return submit(prompt, &state) }
            if action == .cancel { state.mode = .normal }
            return []
        case .reasonPicker(let selected):
            return pickerAction(action, selected: selected, &state)
        case .normal:
            break
        }
        state.message = nil
        if let reason = disabledReason(action, state) {
            state.message = StatusMessage(reason)
            return []
        }
        // In the full-screen pager (no list on screen), top and bottom go to the record's start and end.
        if state.pagerFullScreen, state.view != .stats, state.view != .conflicts, action == .first || action == .last {
            scrollPager(by: action == .first ? Int.min / 2 : Int.max, &state)
            return []
        }
        switch action {
        case .moveDown, .moveUp, .pageDown, .pageUp, .last, .searchNext, .searchPrevious, .search, .filter:
            state.followsRanking = false
        case .first, .clearFilter:
            state.followsRanking = true
        default:
            break
        }
        // Back to the top with a newer ranking waiting: the jump is a pick that follows it.
        if action == .first, state.nextRanking != nil, state.view == .queue, !state.pagerFullScreen {
            return [pick(&state, position: 0)]
        }
        if state.view == .conflicts, let effects = conflictsAction(action, &state) { return effects }
        switch action {
        case .include: return decide(.include, reason: nil, state)
        case .exclude: return decide(.exclude, reason: nil, state)
        case .maybe: return decide(.maybe, reason: nil, state)
        case .excludeWithReason: state.mode = .reasonPicker(selected: 0); return []
        case .note:
            if let current = state.current { state.mode = .prompt(Prompt(.note(current.id), text: current.note ?? "")) }
            return []
        case .undo: return [.undo]
        case .redo: return [.redo]
        case .moveDown: return move(by: 1, &state)
        case .moveUp: return move(by: -1, &state)
        case .pageDown: return move(by: max(1, listPageRows(state) - 1), &state)
        case .pageUp: return move(by: -max(1, listPageRows(state) - 1), &state)
        case .first: return move(to: 0, &state)
        case .last: return move(to: Int.max, &state)
        case .scrollPagerDown: scrollPager(by: max(1, Layout(state).pagerRows - 2), &state); return []
        case .scrollPagerUp: scrollPager(by: -max(1, Layout(state).pagerRows - 2), &state); return []
        case .togglePager, .open:
            state.pagerFullScreen.toggle()
            keepSelectionVisible(&state)
            return pageCoversWindow(state) ? [] : [reload(state, keep: state.selectedEntry?.id)]
        case .search: state.mode = .prompt(Prompt(.search, text: state.search?.query ?? "")); return []
        case .searchNext: return stepSearch(by: 1, &state)
        case .searchPrevious: return stepSearch(by: -1, &state)
        case .filter: state.mode = .prompt(Prompt(.filter, text: state.filter.description)); return []
        case .clearFilter:
            state.filter = .undecided
            return [pick(&state, keep: state.current?.id, position: 0)]
        case .nextView: return show(cycle(state.view, by: 1, in: state.views), &state)
        case .previousView: return show(cycle(state.view, by: -1, in: state.views), &state)
        case .showQueue: return show(.queue, &state)
        case .showHistory: return show(.history, &state)
        case .showStats: return show(.stats, &state)
        case .showConflicts: return show(.conflicts, &state)
        case .editIncludeTerms:
            state.mode = .prompt(Prompt(.includeTerms, text: state.terms.include.joined(separator: ", ")))
            return []
        case .editExcludeTerms:
            state.mode = .prompt(Prompt(.excludeTerms, text: state.terms.exclude.joined(separator: ", ")))
            return []
        case .editReasons:
            state.mode = .prompt(Prompt(.reasons, text: state.reasons.joined(separator: "; ")))
            return []
        case .refresh: return [.refreshSession, pick(&state, keep: state.current?.id)]
        case .help: state.mode = .help(scroll: 0); return []
        case .cancel: state.search = nil; return []
        case .quit: state.isFinished = true; return [.quit]
        }
    }

    static func decide(_ label: Label, reason: String?, _ state: AppState) -> [Effect] {
        guard let current = state.current else { return [] }
        return [.decide(id: current.id, label: label, reason: reason)]
    }

    static func helpAction(_ action: Action, scroll: Int, _ state: inout AppState) -> [Effect] {
        // The overlay's inner height: the body between header and status line, minus the frame.
        let page = max(1, state.size.rows - 5)
        let maximum = max(0, HelpView.lines(state).count - page)
        func scrolled(_ value: Int) -> Mode { .help(scroll: max(0, min(maximum, value))) }
        switch action {
        case .moveDown, .scrollPagerDown: state.mode = scrolled(scroll + 1)
        case .moveUp, .scrollPagerUp: state.mode = scrolled(scroll - 1)
        case .pageDown: state.mode = scrolled(scroll + page)
        case .pageUp: state.mode = scrolled(scroll - page)
        case .first: state.mode = .help(scroll: 0)
        case .last: state.mode = scrolled(maximum)
        case .help, .cancel, .quit, .open: state.mode = .normal
        default: break
        }
        return []
    }

    static func pickerAction(_ action: Action, selected: Int, _ state: inout AppState) -> [Effect] {
        let count = state.reasons.count
        switch action {
        case .moveDown: state.mode = .reasonPicker(selected: min(count - 1, selected + 1))
        case .moveUp: state.mode = .reasonPicker(selected: max(0, selected - 1))
        case .open, .exclude, .excludeWithReason: return chooseReason(selected, &state)
        case .cancel, .quit: state.mode = .normal
        default: break
        }
        return []
    }

    static func chooseReason(_ index: Int, _ state: inout AppState) -> [Effect] {
        state.mode = .normal
        guard state.reasons.indices.contains(index) else { return [] }
        return decide(.exclude, reason: state.reasons[index], state)
    }

    static func submit(_ prompt: Prompt, _ state: inout AppState) -> [Effect] {
        state.mode = .normal
        let text = prompt.text.trimmed
        switch prompt.purpose {
        case .search:
            guard !text.isEmpty else { state.search = nil; return [] }
            return [.search(text)]
        case .filter:
            state.filter = QueueFilter.parse(text)
            state.view = .queue
            state.queueCursor = ListCursor()
            return [pick(&state, position: 0)]
        case .includeTerms:
            state.terms.include = HighlightTerms.parseList(text)
            return [.saveTerms(state.terms)]
        case .excludeTerms:
            state.terms.exclude = HighlightTerms.parseList(text)
            return [.saveTerms(state.terms)]
        case .reasons:
            state.reasons = HighlightTerms.parseList(text, separator: ";")
            return [.saveReasons(state.reasons)]
        case .note(let id):
            return [.saveNote(id: id, text: text)]
        }
    }

    static func cycle(_ view: ViewKind, by step: Int, in all: [ViewKind] = ViewKind.allCases) -> ViewKind {
        let index = all.firstIndex(of: view) ?? 0
        return all[(index + step + all.count) % all.count]
    }

    static func show(_ view: ViewKind, _ state: inout AppState) -> [Effect] {
        state.view = view
        keepSelectionVisible(&state)
        switch view {
        case .queue: return [reload(state, keep: state.selectedEntry?.id)]
        case .history: return [.loadHistory]
        case .stats: return [.loadCurve]
        case .conflicts: return [.loadConflicts]
        }
    }

    static func stepSearch(by step: Int, _ state: inout AppState) -> [Effect] {
        guard var search = state.search, !search.matches.isEmpty else { return [] }
        search.index = (search.index + step + search.matches.count) % search.matches.count
        state.search = search
        return [.locate(search.matches[search.index])]
    }
}

extension Updater {
    /// Keys in a lead's Conflicts view: include, exclude and maybe record the final decision on
    /// the selected conflict; nil for the actions that work as in any view.
    static func conflictsAction(_ action: Action, _ state: inout AppState) -> [Effect]? {
        let label: Label
        switch action {
        case .include: label = .include
        case .exclude, .excludeWithReason: label = .exclude
        case .maybe: label = .maybe
        case .undo, .redo, .search, .searchNext, .searchPrevious, .filter:
            state.message = StatusMessage("not in the Conflicts view: a resolution is final (see `tarsier conflicts`)")
            return []
        default: return nil
        }
        guard let conflict = state.selectedConflict else { return [] }
        state.message = StatusMessage("#\(conflict.id) resolved as \(label.rawValue)")
        return [.resolve(id: conflict.id, label: label)]
    }
}

/// Everything the user can ask for, by name. The names are what key-map configs, scripts and tests
/// use; `Action.table` describes each one and gives its default keys.
public enum Action: String, CaseIterable, Sendable, Hashable {
    case include, exclude, maybe
    case excludeWithReason = "exclude-with-reason"
    case note
    case undo, redo
    case moveDown = "move-down", moveUp = "move-up"
    case pageDown = "page-down", pageUp = "page-up"
    case first, last
    case scrollPagerDown = "scroll-pager-down", scrollPagerUp = "scroll-pager-up"
    case togglePager = "toggle-pager"
    case open
    case search
    case searchNext = "search-next", searchPrevious = "search-previous"
    case filter
    case clearFilter = "clear-filter"
    case nextView = "next-view", previousView = "previous-view"
    case showQueue = "show-queue", showHistory = "show-history", showStats = "show-stats"
    case showConflicts = "show-conflicts"
    case editIncludeTerms = "edit-include-terms", editExcludeTerms = "edit-exclude-terms"
    case editReasons = "edit-reasons"
    case refresh
    case help
    case cancel
    case quit
}

/// Groups that order the help screen and the key-binding document.
public enum ActionGroup: String, CaseIterable, Sendable {
    case decide = "Deciding"
    case move = "Moving"
    case find = "Finding"
    case views = "Views"
    case terms = "Terms and reasons"
    case general = "General"
}

/// One row of the action table: the single source of the help screen, the hint bar,
/// Documentation/Keybindings.md and the key-map config names.
public struct ActionInfo: Sendable {
    /// The action.
    public var action: Action
    /// Where it appears in help.
    public var group: ActionGroup
    /// A short label for the hint bar.
    public var hint: String
    /// A one-line description for help and docs.
    public var description: String
    /// Key names bound by default.
    public var defaultKeys: [String]
}

extension Action {
    /// The config/script name of the action.
    public var id: String { rawValue }

    /// This action's row in the table.
    public var info: ActionInfo {
        Action.infoByAction[self]
            ?? ActionInfo(
                action: self, group: .general, hint: rawValue, description: rawValue, defaultKeys: [])
    }

    private static let infoByAction: [Action: ActionInfo] =
        Dictionary(uniqueKeysWithValues: table.map { ($0.action, $0) })

    /// The action table, in help order.
    public static let table: [ActionInfo] = [
        row(.include, .decide, "include", "Include the shown record", ["i"]),
        row(.exclude, .decide, "exclude", "Exclude the shown record", ["e"]),
        row(.maybe, .decide, "maybe", "Mark the shown record maybe", ["m"]),
        row(.excludeWithReason, .decide, "reason", "Exclude with a reason from the review's list", ["x"]),
        row(.note, .decide, "note", "Write a note on the shown record", ["c"]),
        row(.undo, .decide, "undo", "Undo your latest decision", ["u"]),
        row(.redo, .decide, "redo", "Redo the latest undone decision", ["U", "C-r"]),
        row(.moveDown, .move, "down", "Select the next row", ["j", "Down"]),
        row(.moveUp, .move, "up", "Select the previous row", ["k", "Up"]),
        row(.pageDown, .move, "page", "Move down one page", ["PgDn", "C-f"]),
        row(.pageUp, .move, "page up", "Move up one page", ["PgUp", "C-b"]),
        row(.first, .move, "top", "Go to the first row (the text's start in the full pager)", ["g", "Home"]),
        row(.last, .move, "bottom", "Go to the last row (the text's end in the full pager)", ["G", "End"]),
        row(.scrollPagerDown, .move, "scroll", "Scroll the record text down", ["Space", "J"]),
        row(.scrollPagerUp, .move, "scroll up", "Scroll the record text up", ["b", "K"]),
        row(.search, .find, "search", "Search titles and abstracts", ["/"]),
        row(.searchNext, .find, "next match", "Go to the next search match", ["n"]),
        row(.searchPrevious, .find, "prev match", "Go to the previous search match", ["N"]),
        row(.filter, .find, "filter", "Limit the list (undecided, decided, include, exclude, maybe, words)", ["l"]),
        row(.clearFilter, .find, "unfilter", "Show the plain screening queue again", ["L"]),
        row(.togglePager, .views, "full", "Give the record pager the whole screen", ["f"]),
        row(.open, .views, "open", "Open the selected row; confirm a prompt or choice", ["Enter"]),
        row(.nextView, .views, "views", "Switch to the next view (queue, history, stats)", ["Tab"]),
        row(.previousView, .views, "prev view", "Switch to the previous view", ["BackTab"]),
        row(.showQueue, .views, "queue", "Show the screening queue", ["1"]),
        row(.showHistory, .views, "history", "Show the decision history", ["2"]),
        row(.showStats, .views, "stats", "Show counts and the includes-found curve", ["3"]),
        row(
            .showConflicts, .views, "conflicts",
            "Lead: show the records whose votes disagree; i, e or m records the final decision", ["4"]),
        row(.editIncludeTerms, .terms, "+terms", "Edit the include-term highlight list", ["+"]),
        row(.editExcludeTerms, .terms, "-terms", "Edit the exclude-term highlight list", ["-"]),
        row(.editReasons, .terms, "reasons", "Edit the exclusion reasons", ["R"]),
        row(.refresh, .general, "refresh", "Reload decisions and ranking from the review", ["r", "C-l"]),
        row(.help, .general, "help", "Show all key bindings", ["?", "F1"]),
        row(.cancel, .general, "back", "Close help, a prompt or a choice", ["Esc"]),
        row(.quit, .general, "quit", "Quit (every decision is already saved)", ["q"]),
    ]

    private static func row(
        _ action: Action, _ group: ActionGroup, _ hint: String, _ description: String, _ keys: [String]
    ) -> ActionInfo {
        ActionInfo(action: action, group: group, hint: hint, description: description, defaultKeys: keys)
    }
}

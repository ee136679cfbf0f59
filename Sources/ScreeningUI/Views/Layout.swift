/// Where each part of the screen goes for a size, view and pager mode. Shared by `update`
/// (page sizes, keeping the selection visible) and the views.
///
/// Rows: header, rule, body, rule, status line, hint bar. The body holds a list (queue or history)
/// above the pager, or the pager alone (full-screen), or the stats view.
public struct Layout: Equatable, Sendable {
    /// The terminal size.
    public var size: Size
    /// Rows of the queue or history list (empty when not shown).
    public var list: Range<Int>
    /// Rows of the record pager (empty when not shown).
    public var pager: Range<Int>
    /// Rows of the stats view (empty when not shown).
    public var stats: Range<Int>
    /// Separator rows.
    public var rules: [Int]
    /// The status line row.
    public var status: Int
    /// The key hint (or prompt) row.
    public var hints: Int
    /// True when the terminal is too small to draw anything useful.
    public var isTooSmall: Bool

    /// Smallest size that gets a full layout.
    public static let minimum = Size(columns: 30, rows: 10)

    /// The layout for a state's size, view and pager mode.
    public init(_ state: AppState) {
        self.init(size: state.size, view: state.view, pagerFullScreen: state.pagerFullScreen)
    }

    /// The layout for a size, view and pager mode.
    public init(size: Size, view: ViewKind, pagerFullScreen: Bool) {
        self.size = size
        isTooSmall = size.columns < Layout.minimum.columns || size.rows < Layout.minimum.rows
        status = max(0, size.rows - 2)
        hints = max(0, size.rows - 1)
        list = 0..<0
        pager = 0..<0
        stats = 0..<0
        rules = []
        guard !isTooSmall else { return }
        let bodyStart = 2, bodyEnd = size.rows - 3
        rules = [1, bodyEnd]
        if view == .stats || view == .conflicts {
            stats = bodyStart..<bodyEnd
        } else if pagerFullScreen {
            pager = bodyStart..<bodyEnd
        } else {
            // About a third of the body for the list, 3…12 rows; the pager gets the rest.
            let listRows = min(12, max(3, (bodyEnd - bodyStart - 1) / 3))
            list = bodyStart..<(bodyStart + listRows)
            rules.insert(bodyStart + listRows, at: 1)
            pager = (bodyStart + listRows + 1)..<bodyEnd
        }
    }

    /// Number of list rows.
    public var listRows: Int { list.count }
    /// Number of pager rows.
    public var pagerRows: Int { pager.count }
}

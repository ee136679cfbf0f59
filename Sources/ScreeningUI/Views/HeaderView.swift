/// The top line: program and review title on the left, the view tabs on the right.
enum HeaderView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        let width = buffer.size.columns
        var tabs: [Glyph] = []
        for view in state.views {
            let style = view == state.view ? Style([.bold, .reverse], role: .accent) : Style.muted
            tabs += Glyph.make(" \(view.title) ", style: style)
        }
        let tabsStart = width - tabs.displayWidth
        var title = Glyph.make(" tarsier", style: Style(.bold, role: .accent))
        if !state.overview.title.isEmpty {
            title += Glyph.make(" · " + state.overview.title, style: .bold, atMost: width)
        }
        if !state.overview.assessor.isEmpty {
            title += Glyph.make(" · " + state.overview.assessor, style: .muted, atMost: width)
        }
        buffer.put(title.truncated(to: max(0, tabsStart - 1)), row: 0, column: 0)
        if tabsStart > 10 { buffer.put(tabs, row: 0, column: tabsStart) }
    }
}

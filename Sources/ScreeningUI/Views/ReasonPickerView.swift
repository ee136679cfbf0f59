/// The exclusion-reason chooser: numbered reasons in a box over the pager.
enum ReasonPickerView {
    static func draw(_ state: AppState, selected: Int, into buffer: inout ScreenBuffer) {
        let size = buffer.size
        let reasons = state.reasons
        let longest = reasons.map { DisplayWidth.of(TextSanitizer.clean($0)) }.max() ?? 0
        let width = min(size.columns - 4, max(30, longest + 10))
        let height = min(size.rows - 4, reasons.count + 2)
        let box = Box(
            top: max(1, (size.rows - height) / 2), left: (size.columns - width) / 2, height: height, width: width)
        box.draw(title: "Exclude because…", into: &buffer)
        let rows = box.innerRows
        let first = max(0, min(selected - rows.count + 1, reasons.count - rows.count))
        for (offset, row) in rows.enumerated() where first + offset < reasons.count {
            let index = first + offset
            let number = index < 9 ? "\(index + 1) " : "  "
            buffer.put(number + reasons[index], row: row, column: box.innerLeft, limit: box.innerRight)
            if index == selected {
                buffer.restyle(row: row, from: box.innerLeft - 1, to: box.innerRight + 1, .selected)
            }
        }
    }
}

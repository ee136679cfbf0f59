/// The stats view: counts, then a braille plot of includes found against records screened, with
/// the line random-order screening would be expected to follow.
///
/// Random-order line: if the `F` includes found so far were all the review holds, screening the
/// `N` records in random order finds `n·F/N` of them after `n` records (the reference line of
/// ASReview's recall plots, with the unknown total of relevant records replaced by `F`).
enum StatsView {
    static func draw(_ state: AppState, rows: Range<Int>, into buffer: inout ScreenBuffer) {
        guard !rows.isEmpty else { return }
        let overview = state.overview
        let percent = overview.total > 0 ? Double(overview.screened) * 100 / Double(overview.total) : 0
        let summary = [
            "Screened \(overview.screened) of \(overview.total) (\(formatPercent(percent)))",
            "Included \(overview.includes) · Excluded \(overview.excludes) · Maybe \(overview.maybes)",
            "Since the last include: \(overview.sinceLastInclude)",
        ]
        var row = rows.lowerBound
        for line in summary where row < rows.upperBound {
            buffer.put(line, row: row, column: 2)
            row += 1
        }
        let plotTop = row + 1
        let plotRows = rows.upperBound - plotTop - 2
        guard plotRows >= 3, buffer.size.columns >= 30 else { return }
        drawPlot(state, top: plotTop, rows: plotRows, into: &buffer)
    }

    static func formatPercent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func drawPlot(_ state: AppState, top: Int, rows: Int, into buffer: inout ScreenBuffer) {
        let curve = state.curve
        let found = curve.filter { $0 }.count
        let total = max(state.overview.total, curve.count, 1)
        let yMax = max(found, 1)
        let label = String(yMax)
        let axisColumn = 2 + label.count + 1
        let columns = buffer.size.columns - axisColumn - 3
        var canvas = BrailleCanvas(columns: columns, rows: rows)
        let screened = curve.count
        if screened > 0 {
            let xScale = Double(canvas.dotWidth - 1) / Double(max(screened, 1))
            let yScale = Double(canvas.dotHeight - 1) / Double(yMax)
            var cumulative = 0
            var previous = (x: 0, y: 0)
            for (index, isInclude) in curve.enumerated() {
                if isInclude { cumulative += 1 }
                let point = (x: Int((Double(index + 1) * xScale).rounded()), y: Int((Double(cumulative) * yScale).rounded()))
                canvas.line(from: previous, to: point, role: .include)
                previous = point
            }
            let randomEnd = Double(screened) * Double(found) / Double(total)
            canvas.line(from: (0, 0), to: (canvas.dotWidth - 1, Int((randomEnd * yScale).rounded())), role: .muted)
        }
        buffer.put("Includes found vs records screened", row: top - 1, column: 2, style: .bold)
        for (offset, glyphs) in canvas.glyphRows().enumerated() {
            buffer.put("│", row: top + offset, column: axisColumn - 1, style: .muted)
            buffer.put(glyphs, row: top + offset, column: axisColumn)
        }
        buffer.put(label, row: top, column: 2, style: .muted)
        buffer.put("0", row: top + rows - 1, column: axisColumn - 2, style: .muted)
        buffer.put("└" + String(repeating: "─", count: columns), row: top + rows, column: axisColumn - 1, style: .muted)
        let xLabel = "\(screened) screened"
        buffer.put(xLabel, row: top + rows + 1, column: max(axisColumn, axisColumn + columns - xLabel.count), style: .muted)
        var legend = Glyph.make("⣿ found", style: Style(.bold, role: .include))
        legend += Glyph.make("  ⠉ random order", style: .muted)
        buffer.put(legend, row: top + rows + 1, column: axisColumn)
    }
}

/// The stats view: counts and the estimated recall, then a braille plot of includes found against
/// records screened, with the line random-order screening would be expected to follow and the
/// stopping rule's upper bound on the total, as the exported curve draws them.
///
/// Random-order line: with `R` includes in the review, screening the `N` records in random order
/// finds `n·R/N` of them after `n` records; `R` is the hypergeometric rule's 95 % upper bound when
/// there is one, else the `F` includes found so far (all the review holds, as far as is known).
enum StatsView {
    static func draw(_ state: AppState, rows: Range<Int>, into buffer: inout ScreenBuffer) {
        guard !rows.isEmpty else { return }
        let overview = state.overview
        let percent = overview.total > 0 ? Double(overview.screened) * 100 / Double(overview.total) : 0
        let summary =
            [
                "Screened \(overview.screened) of \(overview.total) (\(formatPercent(percent)))",
                "Included \(overview.includes) · Excluded \(overview.excludes) · Maybe \(overview.maybes)",
                "Since the last include: \(overview.sinceLastInclude)",
            ]
            + (overview.totalUpperBound.map { bound in
                [
                    "Estimated recall ≥ \(formatPercent(Double(overview.includes) * 100 / Double(max(bound, 1)))) "
                        + "(\(overview.includes) found, at most \(bound) in all, 95% confidence)"
                ]
            } ?? [])
            + teamLines(overview.team)
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

    /// The team's lines: mode and conflicts, then one line per assessor.
    static func teamLines(_ team: TeamOverview?) -> [String] {
        guard let team else { return [] }
        return ["Team: \(team.mode) · conflicts waiting \(team.conflictsWaiting)"]
            + team.assessors.map { a in
                "  \(a.name): \(a.decided) decided"
                    + (a.labels.map { " (\($0.include) include, \($0.exclude) exclude, \($0.maybe) maybe)" } ?? "")
                    + " · \(a.lastHour) in the last hour"
                    + (a.perHour.map { String(format: " · %.0f/h overall", $0) } ?? "")
            }
    }

    static func formatPercent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func drawPlot(_ state: AppState, top: Int, rows: Int, into buffer: inout ScreenBuffer) {
        let curve = state.curve
        let screened = curve.count
        buffer.put("Includes found vs records screened", row: top - 1, column: 2, style: .bold)
        guard screened > 0 else {
            buffer.put("The plot starts with the first decision.", row: top, column: 2, style: .muted)
            return
        }
        let found = curve.filter { $0 }.count
        let pool = max(state.overview.total, screened, 1)
        // The total the random line assumes, and the bound drawn when it fits the plot.
        let bound = state.overview.totalUpperBound.flatMap { $0 >= found ? $0 : nil }
        let assumed = bound ?? found
        let yMax = max(found, bound.map { min($0, 2 * found + 5) } ?? 0, 1)
        // A short history still spans at least 10 records, so one or two decisions are not stretched.
        let xMax = max(screened, min(10, pool))
        let label = String(yMax)
        let axisColumn = 2 + label.count + 1
        let columns = buffer.size.columns - axisColumn - 3
        var canvas = BrailleCanvas(columns: columns, rows: rows)
        let xScale = Double(canvas.dotWidth - 1) / Double(xMax)
        let yScale = Double(canvas.dotHeight - 1) / Double(yMax)
        func dot(_ x: Double, _ y: Double) -> (x: Int, y: Int) {
            (Int((x * xScale).rounded()), Int((min(y, Double(yMax)) * yScale).rounded()))
        }
        if let bound, bound <= yMax {
            canvas.line(from: dot(0, Double(bound)), to: dot(Double(xMax), Double(bound)), role: .muted)
        }
        // Random order: a straight line from the origin to the right edge of the plot.
        canvas.line(from: dot(0, 0), to: dot(Double(xMax), Double(xMax) * Double(assumed) / Double(pool)), role: .muted)
        // Stopping rules' first "stop": a dotted vertical line each, named below the plot.
        let markers = state.overview.stopMarkers.filter { $0.screened <= xMax }
        for marker in markers {
            let x = Double(marker.screened)
            canvas.line(from: dot(x, 0), to: dot(x, Double(yMax)), role: .muted)
        }
        var cumulative = 0
        var previous = dot(0, 0)
        for (index, isInclude) in curve.enumerated() {
            if isInclude { cumulative += 1 }
            let point = dot(Double(index + 1), Double(cumulative))
            canvas.line(from: previous, to: point, role: .include)
            previous = point
        }
        for (offset, glyphs) in canvas.glyphRows().enumerated() {
            buffer.put("│", row: top + offset, column: axisColumn - 1, style: .muted)
            buffer.put(glyphs, row: top + offset, column: axisColumn)
        }
        buffer.put(label, row: top, column: 2, style: .muted)
        buffer.put("0", row: top + rows - 1, column: axisColumn - 2, style: .muted)
        buffer.put("└" + String(repeating: "─", count: columns), row: top + rows, column: axisColumn - 1, style: .muted)
        let xLabel = "\(xMax) screened"
        buffer.put("0", row: top + rows + 1, column: axisColumn - 1, style: .muted)
        buffer.put(
            xLabel, row: top + rows + 1, column: max(axisColumn, axisColumn + columns - xLabel.count), style: .muted)
        var legend = Glyph.make("⣿ found", style: Style(.bold, role: .include))
        legend += Glyph.make(
            "  ⠉ random if \(assumed) in all" + (bound.map { $0 <= yMax ? ", flat: ≤ \($0)" : "" } ?? ""), style: .muted
        )
        buffer.put(legend, row: top + rows + 1, column: axisColumn + 2)
        if !markers.isEmpty, top >= 2 {
            let names = "said stop: " + markers.map { "│\($0.rule) \($0.screened)" }.joined(separator: " ")
            buffer.put(names, row: top - 1, column: min(buffer.size.columns - 1, 38), style: .muted)
        }
    }
}

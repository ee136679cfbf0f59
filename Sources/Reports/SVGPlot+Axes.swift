import Foundation

extension SVGPlot {
    /// Grid lines, axis lines, tick labels and axis titles.
    func drawAxes(_ xAxis: AxisScale, _ yAxis: AxisScale) -> String {
        let left = marginLeft
        let right = marginLeft + plotWidth
        let top = marginTop
        let bottom = marginTop + plotHeight
        let n = TextEscaping.number
        var svg = "  <g font-size=\"12\" fill=\"#444444\">\n"
        for tick in xAxis.ticks {
            let x = n(left + xAxis.fraction(tick) * plotWidth, 2)
            svg += "    <line x1=\"\(x)\" y1=\"\(n(top, 2))\" x2=\"\(x)\" y2=\"\(n(bottom, 2))\" stroke=\"#e6e6e6\"/>\n"
            svg +=
                "    <line x1=\"\(x)\" y1=\"\(n(bottom, 2))\" x2=\"\(x)\" y2=\"\(n(bottom + 5, 2))\" stroke=\"#444444\"/>\n"
            svg +=
                "    <text x=\"\(x)\" y=\"\(n(bottom + 19, 2))\" text-anchor=\"middle\">"
                + "\(TextEscaping.xml(xAxis.label(tick)))</text>\n"
            if let total = xPercentOf, total > 0, tick <= total {
                svg +=
                    "    <text x=\"\(x)\" y=\"\(n(bottom + 33, 2))\" text-anchor=\"middle\" font-size=\"10\" fill=\"#777777\">"
                    + "\(TextEscaping.number(tick / total * 100, digits: 0))%</text>\n"
            }
        }
        for tick in yAxis.ticks {
            let y = n(top + (1 - yAxis.fraction(tick)) * plotHeight, 2)
            svg += "    <line x1=\"\(n(left, 2))\" y1=\"\(y)\" x2=\"\(n(right, 2))\" y2=\"\(y)\" stroke=\"#e6e6e6\"/>\n"
            svg +=
                "    <line x1=\"\(n(left - 5, 2))\" y1=\"\(y)\" x2=\"\(n(left, 2))\" y2=\"\(y)\" stroke=\"#444444\"/>\n"
            svg +=
                "    <text x=\"\(n(left - 9, 2))\" y=\"\(y)\" dy=\"4\" text-anchor=\"end\">"
                + "\(TextEscaping.xml(yAxis.label(tick)))</text>\n"
        }
        svg +=
            "    <rect x=\"\(n(left, 2))\" y=\"\(n(top, 2))\" width=\"\(n(plotWidth, 2))\" height=\"\(n(plotHeight, 2))\" "
            + "fill=\"none\" stroke=\"#444444\"/>\n"
        svg +=
            "    <text x=\"\(n(left + plotWidth / 2, 2))\" y=\"\(n(height - 14, 2))\" text-anchor=\"middle\" "
            + "font-size=\"13\" fill=\"#222222\">\(TextEscaping.xml(xLabel))</text>\n"
        let middle = n(top + plotHeight / 2, 2)
        svg +=
            "    <text x=\"18\" y=\"\(middle)\" text-anchor=\"middle\" font-size=\"13\" fill=\"#222222\" "
            + "transform=\"rotate(-90 18 \(middle))\">\(TextEscaping.xml(yLabel))</text>\n"
        svg += "  </g>\n"
        return svg
    }

    /// The legend, boxed, in the lower-right corner of the plot area (where recall curves leave room).
    func drawLegend() -> String {
        var entries: [(name: String, kind: String, color: String, dashed: Bool, opacity: Double)] = []
        entries += series.filter { !$0.name.isEmpty }.map { ($0.name, "line", $0.color, $0.dashed, 1) }
        entries += bands.filter { !$0.name.isEmpty }.map { ($0.name, "band", $0.color, false, $0.opacity) }
        entries += markers.filter { !$0.name.isEmpty }.map { ($0.name, "marker", $0.color, false, 1) }
        guard !entries.isEmpty else { return "" }
        let n = TextEscaping.number
        let rowHeight = 19.0
        let textWidth = entries.map { FontMetrics.width($0.name, size: 12) }.max() ?? 0
        let boxWidth = min(plotWidth - 20, 54 + textWidth)
        let boxHeight = Double(entries.count) * rowHeight + 10
        let x0 = marginLeft + plotWidth - boxWidth - 10
        let y0 = marginTop + plotHeight - boxHeight - 10
        var svg = "  <g font-size=\"12\" fill=\"#222222\">\n"
        svg +=
            "    <rect x=\"\(n(x0, 2))\" y=\"\(n(y0, 2))\" width=\"\(n(boxWidth, 2))\" height=\"\(n(boxHeight, 2))\" "
            + "fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"#bbbbbb\" rx=\"4\"/>\n"
        for (index, entry) in entries.enumerated() {
            let y = y0 + 5 + rowHeight * (Double(index) + 0.5)
            let keyX = x0 + 10
            switch entry.kind {
            case "line":
                let dash = entry.dashed ? " stroke-dasharray=\"6 4\"" : ""
                svg +=
                    "    <line x1=\"\(n(keyX, 2))\" y1=\"\(n(y, 2))\" x2=\"\(n(keyX + 24, 2))\" y2=\"\(n(y, 2))\" "
                    + "stroke=\"\(entry.color)\" stroke-width=\"2\"\(dash)/>\n"
            case "band":
                svg +=
                    "    <rect x=\"\(n(keyX, 2))\" y=\"\(n(y - 6, 2))\" width=\"24\" height=\"12\" fill=\"\(entry.color)\" "
                    + "fill-opacity=\"\(n(max(entry.opacity, 0.25), 2))\"/>\n"
            default:
                svg += "    <circle cx=\"\(n(keyX + 12, 2))\" cy=\"\(n(y, 2))\" r=\"5\" fill=\"\(entry.color)\"/>\n"
            }
            svg +=
                "    <text x=\"\(n(keyX + 32, 2))\" y=\"\(n(y, 2))\" dy=\"4\">\(TextEscaping.xml(entry.name))</text>\n"
        }
        svg += "  </g>\n"
        return svg
    }
}

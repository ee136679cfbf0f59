import Foundation

/// Renders a recall curve as CSV (`screened,found,recall`) or as a self-contained SVG plot:
/// the curve, the random-order diagonal, the 95 % recall line and the WSS@95 point, with axes,
/// tick labels and a legend, readable in any browser.
public struct RecallCurvePlot: Sendable {
    /// The metrics of the order to plot.
    public let metrics: ScreeningMetrics
    /// The plot title (e.g. dataset and ranker).
    public let title: String

    /// A plot of `metrics` titled `title`.
    public init(metrics: ScreeningMetrics, title: String) {
        self.metrics = metrics
        self.title = title
    }

    /// One line per screened count 0...N: `screened,found,recall`.
    public func csv() -> String {
        var lines = ["screened,found,recall"]
        for (screened, found) in metrics.foundCurve.enumerated() {
            lines.append("\(screened),\(found),\(Self.format(Double(found) / Double(metrics.includeCount), 6))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The SVG document.
    public func svg() -> String {
        let (width, height) = (640.0, 480.0)
        let (left, right, top, bottom) = (70.0, 20.0, 40.0, 60.0)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let n = Double(max(metrics.recordCount, 1))
        func x(_ screened: Double) -> Double { left + plotWidth * screened / n }
        func y(_ recall: Double) -> Double { top + plotHeight * (1 - recall) }
        func point(_ a: Double, _ b: Double) -> String { "\(Self.format(a, 1)),\(Self.format(b, 1))" }

        var svg: [String] = []
        svg.append(
            ##"<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480" font-family="sans-serif" font-size="12">"##
        )
        svg.append(##"<rect width="640" height="480" fill="white"/>"##)
        svg.append(##"<text x="320" y="22" text-anchor="middle" font-size="15">\##(Self.escape(title))</text>"##)
        for tick in 0...10 {
            let fraction = Double(tick) / 10
            let gx = x(fraction * n)
            let gy = y(fraction)
            svg.append(
                ##"<line x1="\##(Self.format(gx, 1))" y1="\##(top)" x2="\##(Self.format(gx, 1))" y2="\##(top + plotHeight)" stroke="#eee"/>"##
            )
            svg.append(
                ##"<line x1="\##(left)" y1="\##(Self.format(gy, 1))" x2="\##(left + plotWidth)" y2="\##(Self.format(gy, 1))" stroke="#eee"/>"##
            )
            svg.append(
                ##"<text x="\##(Self.format(gx, 1))" y="\##(top + plotHeight + 16)" text-anchor="middle">\##(Int((fraction * n).rounded()))</text>"##
            )
            svg.append(
                ##"<text x="\##(left - 6)" y="\##(Self.format(gy + 4, 1))" text-anchor="end">\##(Self.format(fraction, 1))</text>"##
            )
        }
        svg.append(
            ##"<rect x="\##(left)" y="\##(top)" width="\##(plotWidth)" height="\##(plotHeight)" fill="none" stroke="black"/>"##
        )
        svg.append(
            ##"<text x="\##(left + plotWidth / 2)" y="\##(height - 18)" text-anchor="middle">records screened (of \##(metrics.recordCount))</text>"##
        )
        svg.append(
            ##"<text x="18" y="\##(top + plotHeight / 2)" text-anchor="middle" transform="rotate(-90 18 \##(top + plotHeight / 2))">recall (\##(metrics.includeCount) includes)</text>"##
        )
        // Random order and the 95 % recall line.
        svg.append(
            ##"<line x1="\##(point(x(0), y(0)).replacingOccurrences(of: ",", with: "\" y1=\""))" x2="\##(point(x(n), y(1)).replacingOccurrences(of: ",", with: "\" y2=\""))" stroke="#999" stroke-dasharray="6 4"/>"##
        )
        svg.append(
            ##"<line x1="\##(left)" y1="\##(Self.format(y(0.95), 1))" x2="\##(left + plotWidth)" y2="\##(Self.format(y(0.95), 1))" stroke="#d62728" stroke-dasharray="2 3"/>"##
        )
        // The curve, as a step line through each include.
        let curve = metrics.foundCurve
        var path = [point(x(0), y(0))]
        var previous = 0
        for (screened, found) in curve.enumerated() where found != previous || screened == curve.count - 1 {
            path.append(point(x(Double(screened)), y(Double(previous) / Double(metrics.includeCount))))
            path.append(point(x(Double(screened)), y(Double(found) / Double(metrics.includeCount))))
            previous = found
        }
        svg.append(
            ##"<polyline fill="none" stroke="#1f77b4" stroke-width="2" points="\##(path.joined(separator: " "))"/>"##)
        // WSS@95 point.
        let n95 = Double(metrics.rankAtRecall(0.95))
        let recall95 = Double(curve[Int(n95)]) / Double(metrics.includeCount)
        svg.append(
            ##"<circle cx="\##(Self.format(x(n95), 1))" cy="\##(Self.format(y(recall95), 1))" r="5" fill="#d62728"/>"##)
        svg.append(
            ##"<text x="\##(Self.format(x(n95) + 8, 1))" y="\##(Self.format(y(recall95) + 16, 1))">WSS@95 = \##(Self.format(metrics.wss95, 3)) (n = \##(Int(n95)))</text>"##
        )
        // Legend.
        let legendX = left + plotWidth - 190
        let legendY = top + plotHeight - 70
        svg.append(##"<rect x="\##(legendX)" y="\##(legendY)" width="180" height="60" fill="white" stroke="#ccc"/>"##)
        svg.append(
            ##"<line x1="\##(legendX + 8)" y1="\##(legendY + 15)" x2="\##(legendX + 32)" y2="\##(legendY + 15)" stroke="#1f77b4" stroke-width="2"/>"##
        )
        svg.append(##"<text x="\##(legendX + 38)" y="\##(legendY + 19)">screening order</text>"##)
        svg.append(
            ##"<line x1="\##(legendX + 8)" y1="\##(legendY + 32)" x2="\##(legendX + 32)" y2="\##(legendY + 32)" stroke="#999" stroke-dasharray="6 4"/>"##
        )
        svg.append(##"<text x="\##(legendX + 38)" y="\##(legendY + 36)">random order</text>"##)
        svg.append(
            ##"<line x1="\##(legendX + 8)" y1="\##(legendY + 49)" x2="\##(legendX + 32)" y2="\##(legendY + 49)" stroke="#d62728" stroke-dasharray="2 3"/>"##
        )
        svg.append(##"<text x="\##(legendX + 38)" y="\##(legendY + 53)">95 % recall</text>"##)
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    static func format(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

import Foundation

/// A small, dependency-free line plot written as SVG: line series, filled bands, point markers,
/// axes with nice ticks, a legend and a title. Shared by the live recall curve, the simulation
/// comparison of rankers and anything else that needs a clean labelled chart (e.g. Evaluation).
///
/// Output is deterministic (fixed decimals, no timestamps), so it can be pinned by golden files.
public struct SVGPlot: Sendable {
    /// A point in data coordinates.
    public struct Point: Sendable, Hashable {
        /// Horizontal data coordinate.
        public var x: Double
        /// Vertical data coordinate.
        public var y: Double
        /// A point.
        public init(_ x: Double, _ y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// A polyline.
    public struct Series: Sendable {
        /// Display name (source, series, band or marker).
        public var name: String
        /// Vertices in drawing order.
        public var points: [Point]
        /// CSS colour, e.g. `#0072B2`.
        public var color: String
        /// Drawn dashed (for reference lines).
        public var dashed: Bool
        /// Stroke width in pixels.
        public var lineWidth: Double
        /// A line series.
        public init(name: String, points: [Point], color: String, dashed: Bool = false, lineWidth: Double = 2) {
            self.name = name
            self.points = points
            self.color = color
            self.dashed = dashed
            self.lineWidth = lineWidth
        }
    }

    /// A filled area between a lower and an upper value at each x.
    public struct Band: Sendable {
        /// Display name (source, series, band or marker).
        public var name: String
        /// (x, lower, upper) triples in x order.
        public var values: [(x: Double, lower: Double, upper: Double)]
        /// CSS colour, e.g. `#0072B2`.
        public var color: String
        /// Fill opacity, 0–1.
        public var opacity: Double
        /// A band.
        public init(
            name: String, values: [(x: Double, lower: Double, upper: Double)], color: String, opacity: Double = 0.2
        ) {
            self.name = name
            self.values = values
            self.color = color
            self.opacity = opacity
        }
    }

    /// A marked point with a dashed guide line down to the x axis.
    public struct Marker: Sendable {
        /// Display name (source, series, band or marker).
        public var name: String
        /// Where the marker sits.
        public var point: Point
        /// CSS colour, e.g. `#0072B2`.
        public var color: String
        /// A marker.
        public init(name: String, point: Point, color: String) {
            self.name = name
            self.point = point
            self.color = color
        }
    }

    /// The Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008), black last.
    public static let palette = [
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000",
    ]

    /// Title shown above the figure.
    public var title: String
    /// Horizontal axis title.
    public var xLabel: String
    /// Vertical axis title.
    public var yLabel: String
    /// Image width in pixels.
    public var width: Double = 760
    /// Image height in pixels.
    public var height: Double = 460
    /// Horizontal range; nil fits the data from 0.
    public var xRange: ClosedRange<Double>?
    /// Vertical range; nil fits the data from 0.
    public var yRange: ClosedRange<Double>?
    /// Horizontal tick label style.
    public var xStyle: AxisScale.LabelStyle = .number
    /// Vertical tick label style.
    public var yStyle: AxisScale.LabelStyle = .number
    /// Lines, drawn in order over the bands.
    public var series: [Series] = []
    /// Filled areas, drawn first.
    public var bands: [Band] = []
    /// Marked points, drawn last.
    public var markers: [Marker] = []
    /// When set, each x tick also shows its share of this total as a percentage, on a second line
    /// (records screened as a share of the pool).
    public var xPercentOf: Double?
    /// A note drawn in the plot's upper-left corner (e.g. the estimated recall).
    public var note: String?

    /// An empty plot with its title and axis labels.
    public init(title: String, xLabel: String, yLabel: String) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    // MARK: - Layout

    let marginLeft = 72.0
    let marginRight = 24.0
    static let titleSize = 17.0
    static let titleLineHeight = 21.0
    /// The title in at most two lines that fit the canvas, the last shortened with "…".
    var titleLines: [String] {
        FontMetrics.wrap(title, size: Self.titleSize, weight: .bold, maxWidth: width - 24, maxLines: 2)
    }
    var marginTop: Double { 48 + Double(max(0, titleLines.count - 1)) * Self.titleLineHeight }
    var marginBottom: Double { xPercentOf == nil ? 58 : 72 }
    var plotWidth: Double { width - marginLeft - marginRight }
    var plotHeight: Double { height - marginTop - marginBottom }

    /// The x and y axes the data will be drawn on.
    public func axes() -> (x: AxisScale, y: AxisScale) {
        let xs = series.flatMap { $0.points.map(\.x) } + bands.flatMap { $0.values.map(\.x) } + markers.map(\.point.x)
        let ys =
            series.flatMap { $0.points.map(\.y) } + bands.flatMap { $0.values.flatMap { [$0.lower, $0.upper] } }
            + markers.map(\.point.y)
        let x = xRange ?? 0...max(xs.max() ?? 1, 1e-9)
        let y = yRange ?? 0...max(ys.max() ?? 1, 1e-9)
        return (
            AxisScale(lower: x.lowerBound, upper: x.upperBound, targetTicks: 7, style: xStyle),
            AxisScale(lower: y.lowerBound, upper: y.upperBound, targetTicks: 6, style: yStyle)
        )
    }

    /// The SVG document; throws when there is nothing to draw.
    public func render() throws -> String {
        guard !(series.allSatisfy(\.points.isEmpty) && bands.allSatisfy(\.values.isEmpty) && markers.isEmpty) else {
            throw ReportsError.emptyPlot(title: title)
        }
        let (xAxis, yAxis) = axes()
        func px(_ x: Double) -> String { TextEscaping.number(marginLeft + xAxis.fraction(x) * plotWidth) }
        func py(_ y: Double) -> String { TextEscaping.number(marginTop + (1 - yAxis.fraction(y)) * plotHeight) }
        var svg = header()
        svg += drawAxes(xAxis, yAxis)
        svg += "  <g clip-path=\"url(#plot-area)\">\n"
        for band in bands where !band.values.isEmpty {
            let upper = band.values.map { "\(px($0.x)),\(py($0.upper))" }
            let lower = band.values.reversed().map { "\(px($0.x)),\(py($0.lower))" }
            svg +=
                "    <polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(band.color)\" "
                + "fill-opacity=\"\(TextEscaping.number(band.opacity))\" stroke=\"none\"/>\n"
        }
        for line in series where !line.points.isEmpty {
            let points = line.points.map { "\(px($0.x)),\(py($0.y))" }.joined(separator: " ")
            let dash = line.dashed ? " stroke-dasharray=\"6 4\"" : ""
            svg +=
                "    <polyline points=\"\(points)\" fill=\"none\" stroke=\"\(line.color)\" "
                + "stroke-width=\"\(TextEscaping.number(line.lineWidth))\" stroke-linejoin=\"round\"\(dash)/>\n"
        }
        for marker in markers {
            let x = px(marker.point.x)
            let y = py(marker.point.y)
            svg +=
                "    <line x1=\"\(x)\" y1=\"\(y)\" x2=\"\(x)\" y2=\"\(py(yAxis.lower))\" stroke=\"\(marker.color)\" "
                + "stroke-width=\"1\" stroke-dasharray=\"3 3\"/>\n"
            svg +=
                "    <circle cx=\"\(x)\" cy=\"\(y)\" r=\"5\" fill=\"\(marker.color)\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n"
        }
        svg += "  </g>\n"
        if let note {
            svg +=
                "  <text x=\"\(TextEscaping.number(marginLeft + 10))\" y=\"\(TextEscaping.number(marginTop + 20))\" "
                + "font-size=\"12\" fill=\"#222222\">\(TextEscaping.xml(note))</text>\n"
        }
        svg += drawLegend()
        svg += "</svg>\n"
        return svg
    }

    private func header() -> String {
        let w = TextEscaping.number(width)
        let h = TextEscaping.number(height)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
            font-family="DejaVu Sans, Helvetica, Arial, sans-serif">
              <title>\(TextEscaping.xml(title))</title>
              <defs><clipPath id="plot-area"><rect x="\(TextEscaping.number(marginLeft))" \
            y="\(TextEscaping.number(marginTop - 6))" width="\(TextEscaping.number(plotWidth + 6))" \
            height="\(TextEscaping.number(plotHeight + 6))"/></clipPath></defs>
              <rect width="100%" height="100%" fill="#ffffff"/>

            """
                + titleLines.enumerated().map { index, line in
                    "  <text x=\"\(TextEscaping.number(width / 2))\" y=\"\(TextEscaping.number(28 + Double(index) * Self.titleLineHeight))\" "
                        + "text-anchor=\"middle\" font-size=\"\(TextEscaping.number(Self.titleSize))\" font-weight=\"bold\" "
                        + "fill=\"#222222\">\(TextEscaping.xml(line))</text>\n"
                }.joined()
    }
}

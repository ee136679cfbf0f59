import Foundation

/// The PRISMA 2020 flow diagram for the title/abstract stage as SVG: phase labels on the left,
/// the main flow in the middle column, removals and exclusions to the right, arrows between.
public struct PrismaFlowDiagram: Sendable {
    /// A box: bold first line, then detail lines.
    struct Box {
        var x: Double
        var y: Double
        var width: Double
        var lines: [String]
        var height: Double { Double(lines.count) * PrismaFlowDiagram.lineHeight + 2 * PrismaFlowDiagram.padding }
    }

    /// The counts drawn.
    public var counts: PrismaCounts
    /// Title shown above the figure.
    public var title: String

    static let lineHeight = 17.0
    static let padding = 10.0
    static let fontSize = 13.0

    /// A diagram of `counts`.
    public init(counts: PrismaCounts, title: String = "PRISMA 2020 flow diagram: title/abstract screening") {
        self.counts = counts
        self.title = title
    }

    /// The SVG document.
    public func svg() -> String {
        let width = 820.0
        let labelX = 20.0
        let mainX = 70.0
        let mainWidth = 330.0
        let sideX = 460.0
        let sideWidth = 340.0
        let c = counts
        var identified = ["Records identified (n = \(c.identified))"]
        identified += c.sources.flatMap { wrap("\($0.name) (n = \($0.count))", width: mainWidth, indent: "  ") }
        var excluded = ["Records excluded (n = \(c.excluded))"]
        excluded += c.exclusionReasons.flatMap {
            wrap("\($0.reason) (n = \($0.count))", width: sideWidth, indent: "  ")
        }
        if c.excludedWithoutReason > 0, !c.exclusionReasons.isEmpty {
            excluded.append("  No reason recorded (n = \(c.excludedWithoutReason))")
        }
        var top = 64.0
        let identification = Box(x: mainX, y: top, width: mainWidth, lines: identified)
        let duplicates = Box(
            x: sideX, y: top, width: sideWidth,
            lines: ["Records removed before screening", "  Duplicate records (n = \(c.duplicatesRemoved))"])
        // The rotated phase label must fit its side bar: the row is at least as tall as the label.
        let identificationBottom =
            top
            + max(
                identification.height, duplicates.height, Self.phaseLabelLength("Identification") + 16)
        // Records not yet screened were identified but not screened: they branch off the arrow
        // between identification and screening (not off the records screened).
        let waiting = Box(
            x: sideX, y: identificationBottom + 20, width: sideWidth,
            lines: ["Records not yet screened (n = \(c.notYetScreened))"])
        top = waiting.y + waiting.height + 20
        let screened = Box(
            x: mainX, y: top, width: mainWidth,
            lines: ["Records screened (n = \(c.screened))"]
                + (c.dualScreening.map { dual in
                    [
                        "  by two reviewers independently (n = \(dual.screenedByTwo))",
                        "  conflicts resolved by a third (n = \(dual.conflictsResolved))",
                    ]
                } ?? []))
        let exclusions = Box(x: sideX, y: top, width: sideWidth, lines: excluded)
        let maybe = Box(
            x: sideX, y: top + exclusions.height + 16, width: sideWidth,
            lines: ["Records marked maybe (n = \(c.maybe))", "  awaiting a decision"])
        top = max(maybe.y + maybe.height, screened.y + screened.height) + 40
        let included = Box(
            x: mainX, y: top, width: mainWidth,
            lines: ["Included for full-text assessment", "  (n = \(c.included))"])
        let height = included.y + included.height + 24

        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" \
            viewBox="0 0 \(n(width)) \(n(height))" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" \
            font-size="\(n(Self.fontSize))">
              <title>\(TextEscaping.xml(title))</title>
              <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" \
            orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#333333"/></marker></defs>
              <rect width="100%" height="100%" fill="#ffffff"/>
              <text x="\(n(width / 2))" y="32" text-anchor="middle" font-size="17" font-weight="bold" \
            fill="#222222">\(TextEscaping.xml(title))</text>

            """
        svg += phase("Identification", x: labelX, top: identification.y, bottom: identificationBottom)
        svg += phase("Screening", x: labelX, top: screened.y, bottom: included.y + included.height)
        for box in [identification, duplicates, screened, exclusions, waiting, maybe, included] { svg += draw(box) }
        let mainCenter = mainX + mainWidth / 2
        svg += arrow(from: (mainCenter, identification.y + identification.height), to: (mainCenter, screened.y))
        svg += arrow(from: (mainCenter, screened.y + screened.height), to: (mainCenter, included.y))
        svg += arrow(from: (mainX + mainWidth, duplicates.y + 22), to: (sideX, duplicates.y + 22))
        svg += arrow(from: (mainCenter, waiting.y + waiting.height / 2), to: (sideX, waiting.y + waiting.height / 2))
        // Excluded and maybe records were screened: they branch off the records screened box.
        let branchX = (mainX + mainWidth + sideX) / 2
        let screenedMiddle = screened.y + min(screened.height, exclusions.height) / 2
        svg += line(from: (mainX + mainWidth, screenedMiddle), to: (branchX, screenedMiddle))
        svg += arrow(from: (branchX, screenedMiddle), to: (sideX, screenedMiddle))
        svg += line(from: (branchX, screenedMiddle), to: (branchX, maybe.y + maybe.height / 2))
        svg += arrow(from: (branchX, maybe.y + maybe.height / 2), to: (sideX, maybe.y + maybe.height / 2))
        svg += "</svg>\n"
        return svg
    }

    // MARK: - Drawing

    private func n(_ value: Double) -> String { TextEscaping.number(value) }

    private func draw(_ box: Box) -> String {
        var svg =
            "  <rect x=\"\(n(box.x))\" y=\"\(n(box.y))\" width=\"\(n(box.width))\" height=\"\(n(box.height))\" "
            + "fill=\"#ffffff\" stroke=\"#333333\" stroke-width=\"1.2\"/>\n"
        for (index, line) in box.lines.enumerated() {
            let y = box.y + Self.padding + Self.lineHeight * (Double(index) + 0.75)
            let weight = index == 0 ? " font-weight=\"bold\"" : ""
            let indent = line.hasPrefix("  ") ? 12.0 : 0
            let text = line.trimmingCharacters(in: .whitespaces)
            svg +=
                "  <text x=\"\(n(box.x + Self.padding + indent))\" y=\"\(n(y))\"\(weight) fill=\"#222222\">"
                + "\(TextEscaping.xml(text))</text>\n"
        }
        return svg
    }

    /// The length of a rotated phase label (bold, at the diagram's font size).
    static func phaseLabelLength(_ name: String) -> Double { FontMetrics.width(name, size: fontSize, weight: .bold) }

    private func phase(_ name: String, x: Double, top: Double, bottom: Double) -> String {
        let middle = (top + bottom) / 2
        let centerX = x + 14
        return "  <rect x=\"\(n(x))\" y=\"\(n(top))\" width=\"28\" height=\"\(n(bottom - top))\" rx=\"6\" "
            + "fill=\"#cfe2f3\" stroke=\"#6f9fd8\"/>\n"
            + "  <text x=\"\(n(centerX))\" y=\"\(n(middle))\" dy=\"5\" text-anchor=\"middle\" font-weight=\"bold\" "
            + "fill=\"#1f3d66\" transform=\"rotate(-90 \(n(centerX)) \(n(middle)))\">\(TextEscaping.xml(name))</text>\n"
    }

    private func arrow(from start: (Double, Double), to end: (Double, Double)) -> String {
        "  <line x1=\"\(n(start.0))\" y1=\"\(n(start.1))\" x2=\"\(n(end.0))\" y2=\"\(n(end.1))\" stroke=\"#333333\" "
            + "stroke-width=\"1.4\" marker-end=\"url(#arrow)\"/>\n"
    }

    private func line(from start: (Double, Double), to end: (Double, Double)) -> String {
        "  <line x1=\"\(n(start.0))\" y1=\"\(n(start.1))\" x2=\"\(n(end.0))\" y2=\"\(n(end.1))\" stroke=\"#333333\" "
            + "stroke-width=\"1.4\"/>\n"
    }

    /// Word-wraps `text` to the box width (measured in DejaVu Sans); continuation lines keep the
    /// indent.
    private func wrap(_ text: String, width: Double, indent: String) -> [String] {
        let available = width - 2 * Self.padding - FontMetrics.width(indent, size: Self.fontSize)
        return FontMetrics.wrap(text, size: Self.fontSize, maxWidth: available, maxLines: 4).map { indent + $0 }
    }
}

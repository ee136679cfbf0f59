import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Where the text of an SVG figure lands, measured with `FontMetrics`: every `<text>` element's
/// box (with the font size and weight it inherits, its anchor and any rotation) and every
/// `<rect>`. Tests use it to check that no label leaves the canvas or its box, or overlaps another.
public struct SVGTextLayout {
    public struct Rect: Sendable, Equatable, CustomStringConvertible {
        public var minX, minY, maxX, maxY: Double
        public func contains(_ other: Rect, tolerance: Double = 0.5) -> Bool {
            other.minX >= minX - tolerance && other.maxX <= maxX + tolerance
                && other.minY >= minY - tolerance && other.maxY <= maxY + tolerance
        }
        public func overlaps(_ other: Rect) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }
        public var description: String {
            String(format: "[%.1f…%.1f × %.1f…%.1f]", minX, maxX, minY, maxY)
        }
    }

    public struct Text: Sendable, CustomStringConvertible {
        public var content: String
        public var box: Rect
        public var description: String { "\"\(content)\" \(box)" }
    }

    public private(set) var width = 0.0
    public private(set) var height = 0.0
    public private(set) var texts: [Text] = []
    public private(set) var rects: [Rect] = []

    /// Lays out `svg`; nil when it is not well-formed XML.
    public init?(svg: String) {
        let delegate = Delegate()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = delegate
        guard parser.parse() else { return nil }
        width = delegate.width
        height = delegate.height
        texts = delegate.texts
        rects = delegate.rects
    }

    /// The canvas.
    public var canvas: Rect { Rect(minX: 0, minY: 0, maxX: width, maxY: height) }

    /// Pairs of texts whose boxes overlap.
    public var overlaps: [(Text, Text)] {
        var result: [(Text, Text)] = []
        for (i, a) in texts.enumerated() {
            for b in texts[(i + 1)...] where a.box.overlaps(b.box) { result.append((a, b)) }
        }
        return result
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var width = 0.0
        var height = 0.0
        var texts: [Text] = []
        var rects: [Rect] = []
        /// Inherited (font size, bold) per open element.
        var styles: [(Double, Bool)] = [(16, false)]
        var current: (attributes: [String: String], content: String)?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let inherited = styles.last ?? (16, false)
            let size = attributes["font-size"].flatMap(Double.init) ?? inherited.0
            let bold = attributes["font-weight"].map { $0 == "bold" } ?? inherited.1
            styles.append((size, bold))
            switch name {
            case "svg":
                width = attributes["width"].flatMap(Double.init) ?? 0
                height = attributes["height"].flatMap(Double.init) ?? 0
            case "rect":
                guard let x = attributes["x"].flatMap(Double.init), let y = attributes["y"].flatMap(Double.init),
                    let w = attributes["width"].flatMap(Double.init), let h = attributes["height"].flatMap(Double.init)
                else { return }
                rects.append(Rect(minX: x, minY: y, maxX: x + w, maxY: y + h))
            case "text": current = (attributes, "")
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { current?.content += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let (size, bold) = styles.removeLast()
            guard name == "text", let (attributes, content) = current else { return }
            current = nil
            let x = attributes["x"].flatMap(Double.init) ?? 0
            let y = (attributes["y"].flatMap(Double.init) ?? 0) + (attributes["dy"].flatMap(Double.init) ?? 0)
            let w = FontMetrics.width(content, size: size, weight: bold ? .bold : .regular)
            let left =
                switch attributes["text-anchor"] {
                case "middle": x - w / 2
                case "end": x - w
                default: x
                }
            // DejaVu Sans: ascent 0.76 em, descent 0.24 em.
            var corners = [
                (left, y - 0.76 * size), (left + w, y - 0.76 * size), (left, y + 0.24 * size),
                (left + w, y + 0.24 * size),
            ]
            if let transform = attributes["transform"], transform.hasPrefix("rotate(") {
                let numbers = transform.dropFirst(7).dropLast().split(separator: " ").compactMap { Double($0) }
                if numbers.count == 3 {
                    let (angle, cx, cy) = (numbers[0] * .pi / 180, numbers[1], numbers[2])
                    corners = corners.map { px, py in
                        (
                            cx + (px - cx) * cos(angle) - (py - cy) * sin(angle),
                            cy + (px - cx) * sin(angle) + (py - cy) * cos(angle)
                        )
                    }
                }
            }
            texts.append(
                Text(
                    content: content,
                    box: Rect(
                        minX: corners.map(\.0).min()!, minY: corners.map(\.1).min()!,
                        maxX: corners.map(\.0).max()!, maxY: corners.map(\.1).max()!)))
        }
    }
}

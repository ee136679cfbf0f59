import Foundation

/// Text widths in DejaVu Sans, the font tarsier's SVG figures name first (and the one rsvg-convert
/// finds on Debian): figures measure their labels to wrap or shorten them inside the canvas, and
/// tests check with the same numbers that no text leaves its box or overlaps other text.
public enum FontMetrics {
    public enum Weight: Sendable { case regular, bold }

    /// Width in pixels of `text` at `size` pixels. Characters the table lacks count as one em
    /// (wide), so layout errs on the safe side.
    public static func width(_ text: String, size: Double, weight: Weight = .regular) -> Double {
        let table = weight == .bold ? boldAdvances : regularAdvances
        var units = 0.0
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            units += Double(table[scalar.value] ?? 2048)
        }
        return units / 2048 * size
    }

    /// `text` broken at spaces into at most `maxLines` lines no wider than `maxWidth`; a line
    /// that still does not fit (the last, holding the rest, or one long word) ends in "…".
    public static func wrap(
        _ text: String, size: Double, weight: Weight = .regular, maxWidth: Double, maxLines: Int
    ) -> [String] {
        func fits(_ line: String) -> Bool { width(line, size: size, weight: weight) <= maxWidth }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ").map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if current.isEmpty || fits(candidate) {
                current = candidate
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        let limit = max(1, maxLines)
        if lines.count > limit {
            lines = Array(lines.prefix(limit - 1)) + [lines[(limit - 1)...].joined(separator: " ")]
        }
        return lines.map { line in
            guard !fits(line) else { return line }
            var shortened = line
            while !shortened.isEmpty && !fits(shortened + "…") { shortened.removeLast() }
            return shortened.trimmingCharacters(in: .whitespaces) + "…"
        }
    }
}

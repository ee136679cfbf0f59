import Foundation

/// A linear axis with "nice" tick values (steps of 1, 2 or 5 × 10ᵏ; Heckbert, "Nice numbers
/// for graph labels", Graphics Gems, 1990).
public struct AxisScale: Sendable, Hashable {
    /// How tick labels are written.
    public enum LabelStyle: Sendable, Hashable {
        /// Plain numbers; thousands get a thin space ("12 000").
        case number
        /// Fractions as percentages (0.25 → "25%").
        case percent
    }

    /// The data range mapped onto the axis (after widening to whole ticks).
    public let lower: Double
    /// The upper end of the axis.
    public let upper: Double
    /// Distance between ticks.
    public let step: Double
    /// Label style.
    public let style: LabelStyle

    /// An axis covering `lower...upper` with about `targetTicks` ticks.
    public init(lower: Double, upper: Double, targetTicks: Int = 6, style: LabelStyle = .number) {
        let low = lower.isFinite ? lower : 0
        var high = upper.isFinite ? upper : 1
        if high <= low { high = low + 1 }
        let step = Self.niceStep((high - low) / Double(max(1, targetTicks - 1)))
        self.lower = (low / step).rounded(.down) * step
        self.upper = (high / step).rounded(.up) * step
        self.step = step
        self.style = style
    }

    /// The nice number (1, 2, 5 × 10ᵏ) nearest above `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// Tick values from `lower` to `upper`.
    public var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded()) + 1
        return (0..<count).map { lower + Double($0) * step }
    }

    /// The position of `value` as a fraction of the axis (0 at `lower`, 1 at `upper`).
    public func fraction(_ value: Double) -> Double { (value - lower) / (upper - lower) }

    /// The label of a tick.
    public func label(_ value: Double) -> String {
        switch style {
        case .percent:
            let digits = step * 100 >= 1 ? 0 : 1
            return TextEscaping.number(value * 100, digits: digits) + "%"
        case .number:
            let digits = step >= 1 ? 0 : max(0, Int((-log10(step)).rounded(.up)))
            let text = TextEscaping.number(value, digits: digits)
            guard abs(value) >= 10_000, digits == 0 else { return text }
            var grouped = ""
            for (index, character) in text.reversed().enumerated() {
                if index > 0, index % 3 == 0, character != "-" { grouped.append("\u{2009}") }
                grouped.append(character)
            }
            return String(grouped.reversed())
        }
    }
}

import Foundation

/// A one-line progress bar with rate and ETA on standard error, drawn only on a terminal and at
/// most ten times a second.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let unit: String
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private let lock = NSLock()

    init(label: String, unit: String = "", enabled: Bool = Console.stderrIsTerminal) {
        self.label = label
        self.unit = unit
        self.enabled = enabled
    }

    /// Redraws the bar for `done` of `total` units (throttled).
    func update(_ done: Int, of total: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || done >= total else { return }
        lastDraw = now
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = String(
            format: "\r%@ %@ %3.0f%%  %@/s  ETA %@\u{1B}[K", label, bar, fraction * 100, Self.short(rate) + unit,
            Self.duration(eta))
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the bar's line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private static func short(_ value: Double) -> String {
        value >= 1e6
            ? String(format: "%.1fM", value / 1e6)
            : value >= 1e4
                ? String(format: "%.0fk", value / 1e3)
                : String(format: "%.0f", value)
    }

    private static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}

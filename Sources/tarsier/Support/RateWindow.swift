import Foundation

/// Records per second over a sliding window of recent progress samples (the last minute by
/// default), so a job's reported rate follows its current speed rather than its lifetime average.
struct RateWindow {
    private var samples: [(time: Date, done: Int)] = []
    /// How far back the rate looks.
    let window: TimeInterval

    /// A window of `window` seconds.
    init(window: TimeInterval = 60) { self.window = window }

    /// Adds a sample: `done` units finished at `time`.
    mutating func add(_ done: Int, at time: Date = Date()) {
        samples.append((time, done))
        // Keep one sample older than the window so the rate spans (almost) the whole window.
        while samples.count > 2, time.timeIntervalSince(samples[1].time) >= window { samples.removeFirst() }
    }

    /// Units per second between the oldest kept sample and the newest; 0 with fewer than two.
    var perSecond: Double {
        guard let first = samples.first, let last = samples.last else { return 0 }
        let seconds = last.time.timeIntervalSince(first.time)
        return seconds > 0 ? Double(last.done - first.done) / seconds : 0
    }
}

import Foundation
import ScreeningUI

/// Timestamped events for benchmarks and diagnosis, written only when `TARSIER_TRACE` names a
/// file: one line per event, `<milliseconds since the process started> <event>`.
///
/// `Scripts/bench-scale.sh` reads these to measure the time to the first frame and each
/// retrain's latency in a real terminal session, where the screen owns standard output.
public enum Trace {
    private static let state: (handle: FileHandle, start: Double)? = {
        guard let path = ProcessInfo.processInfo.environment["TARSIER_TRACE"], !path.isEmpty else { return nil }
        FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
        return (handle, processStart())
    }()
    private static let lock = NSLock()

    /// True when tracing is on.
    public static var enabled: Bool { state != nil }

    /// Appends `event` with the milliseconds since the process started.
    public static func mark(_ event: @autoclosure () -> String) {
        guard let state else { return }
        let line = String(format: "%.1f ", (now() - state.start) * 1000) + event() + "\n"
        lock.withLock { state.handle.write(Data(line.utf8)) }
    }

    /// Seconds since boot (the clock /proc/self/stat counts process start on).
    public static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_BOOTTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The process's start on that clock (from /proc/self/stat), or now if unknown.
    private static func processStart() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
            let afterName = stat.range(of: ")", options: .backwards)
        else { return now() }
        let fields = stat[afterName.upperBound...].split(separator: " ")
        // Field 22 of stat (index 19 after the name) is the start time in clock ticks since boot.
        guard fields.count > 19, let ticks = Double(fields[19]) else { return now() }
        let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
        return ticks / hz
    }
}

/// A terminal that marks its first frame, and for every key the time until the next frame is on
/// screen (what the assessor waits for after deciding), then passes them on.
public final class TracedTerminal: Terminal {
    private let wrapped: any Terminal
    private var frames = 0
    private var keyAt: Double?

    public init(_ wrapped: any Terminal) { self.wrapped = wrapped }

    public var size: Size { wrapped.size }

    public func readKey(timeoutMilliseconds: Int) -> TerminalInput {
        let input = wrapped.readKey(timeoutMilliseconds: timeoutMilliseconds)
        if case .key = input { keyAt = Trace.now() }
        return input
    }

    public func draw(_ buffer: ScreenBuffer) {
        wrapped.draw(buffer)
        frames += 1
        if frames == 1 { Trace.mark("first frame") }
        if let keyAt {
            Trace.mark(String(format: "key to frame %.1f ms", (Trace.now() - keyAt) * 1000))
            self.keyAt = nil
        }
    }
}

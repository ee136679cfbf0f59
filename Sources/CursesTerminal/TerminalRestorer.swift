@preconcurrency import CNcursesw
import Foundation

/// Restores the terminal on every exit path: `atexit`, SIGINT and SIGTERM (tig's `done_display`).
enum TerminalRestorer {
    /// The signal received (0 when none); written only by the signal handler.
    nonisolated(unsafe) static var signalReceived: Int32 = 0
    nonisolated(unsafe) private static var installed = false
    /// Whether curses mode is on (set after `newterm`, cleared by `restore`).
    nonisolated(unsafe) static var active = false

    /// Installs the exit hook and signal handlers once per process.
    static func install() {
        guard !installed else { return }
        installed = true
        atexit { TerminalRestorer.restore() }
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { received in
                if TerminalRestorer.signalReceived != 0 {
                    // Second signal: the loop did not stop in time; restore and leave now.
                    TerminalRestorer.restore()
                    _exit(128 + received)
                }
                TerminalRestorer.signalReceived = received
            }
        }
    }

    /// Leaves curses mode if it is active.
    static func restore() {
        guard active else { return }
        active = false
        curs_set(1)
        endwin()
    }
}

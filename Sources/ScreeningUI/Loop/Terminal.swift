/// What the event loop needs from a terminal. `CursesTerminal` implements it over ncursesw,
/// `VirtualTerminal` in memory for tests and scripts.
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Waits up to `timeoutMilliseconds` for a key. A size change arrives as `.named(.resize)`.
    func readKey(timeoutMilliseconds: Int) -> TerminalInput
    /// Shows a frame.
    func draw(_ buffer: ScreenBuffer)
}

/// The result of waiting for a key.
public enum TerminalInput: Equatable, Sendable {
    /// A key was pressed.
    case key(Key)
    /// Nothing happened within the timeout.
    case timeout
    /// Input ended (end of a scripted key list, a closed terminal, or an interrupt signal).
    case closed
}

/// The entry point the `tarsier screen` command calls.
public enum ScreeningApp {
    /// Runs the screening UI on a terminal until the user quits or input ends, and returns the
    /// final state. Every decision is committed as it is made, so returning loses nothing.
    @discardableResult
    public static func run(
        session: any ScreeningSession, terminal: any Terminal, keyMap: KeyMap = .standard
    ) -> AppState {
        let loop = EventLoop(session: session, size: terminal.size, keyMap: keyMap)
        loop.run(on: terminal)
        return loop.state
    }
}

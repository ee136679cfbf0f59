@preconcurrency import CNcursesw
import Foundation
import ScreeningUI

/// The screening UI's terminal on ncursesw: the only code in tarsier that calls curses.
///
/// Setup follows the toolchain notes: `setlocale`, `newterm` (fails softly instead of exiting),
/// `cbreak`, `noecho`, `keypad`, `set_escdelay(25)` so Esc answers at once, wide input through
/// `get_wch`, and colours only when the terminal has them and `NO_COLOR` is unset or empty.
/// The terminal is restored by `close()`, at process exit (`atexit`), and on SIGINT/SIGTERM:
/// the first signal makes `readKey` report `.closed` so the loop returns normally; a second
/// signal restores the terminal and exits at once.
public final class CursesTerminal: Terminal {
    private let screen: OpaquePointer
    private let useColour: Bool
    private var isClosed = false

    /// Takes over the terminal.
    ///
    /// - Throws: `ScreeningUIError.terminalUnavailable` when stdin/stdout is not a usable terminal.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        setlocale(LC_ALL, "")
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ScreeningUIError.terminalUnavailable("standard input and output must be a terminal")
        }
        guard let screen = newterm(nil, shim_stdout(), shim_stdin()) else {
            throw ScreeningUIError.terminalUnavailable("cannot initialise TERM=\(environment["TERM"] ?? "(unset)")")
        }
        self.screen = screen
        set_term(screen)
        TerminalRestorer.install()
        TerminalRestorer.active = true
        cbreak()
        noecho()
        nonl()
        keypad(shim_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
        useColour = has_colors() && !noColour
        if useColour { CursesPalette.start() }
    }

    deinit { close() }

    /// Gives the terminal back (idempotent).
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        TerminalRestorer.restore()
        delscreen(screen)
    }

    /// The signal that ended input (SIGINT or SIGTERM), if any; exit with 128 + it.
    public var interruptingSignal: Int32? {
        let signal = TerminalRestorer.signalReceived
        return signal == 0 ? nil : signal
    }

    /// The terminal size from curses (`getmaxx`/`getmaxy` of stdscr).
    public var size: Size {
        Size(columns: Int(getmaxx(shim_stdscr())), rows: Int(getmaxy(shim_stdscr())))
    }

    /// Waits for a key with `get_wch`; `.closed` once SIGINT/SIGTERM arrived.
    public func readKey(timeoutMilliseconds: Int) -> TerminalInput {
        if TerminalRestorer.signalReceived != 0 { return .closed }
        timeout(Int32(clamping: timeoutMilliseconds))
        var code: wint_t = 0
        let result = get_wch(&code)
        if TerminalRestorer.signalReceived != 0 { return .closed }
        if result == ERR { return .timeout }
        if result == KEY_CODE_YES {
            return CursesKeys.key(forCode: Int32(bitPattern: code)).map(TerminalInput.key) ?? .timeout
        }
        guard let scalar = Unicode.Scalar(UInt32(code)), let key = Key(scalar: scalar) else { return .timeout }
        return .key(key)
    }

    /// Draws the buffer with `mvaddwstr` runs per style, then `refresh`.
    public func draw(_ buffer: ScreenBuffer) {
        erase()
        let columns = min(buffer.size.columns, size.columns)
        for row in 0..<min(buffer.size.rows, size.rows) {
            var column = 0
            while column < columns {
                let style = buffer[row, column].style
                var text: [wchar_t] = []
                let start = column
                while column < columns, buffer[row, column].style == style {
                    let cell = buffer[row, column]
                    let wide = column + 1 < columns && buffer[row, column + 1].isContinuation
                    if !cell.isContinuation {
                        text += CursesTerminal.wideCharacters(cell.character, cells: wide ? 2 : 1)
                    }
                    column += 1
                }
                CursesPalette.set(style, colour: useColour)
                text.append(0)
                mvaddwstr(Int32(row), Int32(start), text)
            }
        }
        attr_set(shim_a_normal(), 0, nil)
        refresh()
    }

    /// A character as wide characters, replaced by `?`s when the C library measures it
    /// differently from the pure core (so columns never drift).
    static func wideCharacters(_ character: Character, cells: Int) -> [wchar_t] {
        let scalars = character.unicodeScalars
        let measured = scalars.reduce(0) { $0 + max(0, Int(shim_wcwidth($1.value))) }
        if measured == cells { return scalars.map { wchar_t(bitPattern: $0.value) } }
        return Array(repeating: wchar_t(63), count: cells)
    }
}

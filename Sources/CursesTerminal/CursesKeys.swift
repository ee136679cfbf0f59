@preconcurrency import CNcursesw
import ScreeningUI

/// Maps curses key codes (`get_wch` returning `KEY_CODE_YES`) to `Key`.
enum CursesKeys {
    /// The key for a curses key code, or nil for codes tarsier does not use.
    static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: .named(.up)
        case KEY_DOWN: .named(.down)
        case KEY_LEFT: .named(.left)
        case KEY_RIGHT: .named(.right)
        case KEY_NPAGE: .named(.pageDown)
        case KEY_PPAGE: .named(.pageUp)
        case KEY_HOME: .named(.home)
        case KEY_END: .named(.end)
        case KEY_ENTER: .named(.enter)
        case KEY_BACKSPACE: .named(.backspace)
        case KEY_DC: .named(.delete)
        case KEY_IC: .named(.insert)
        case KEY_BTAB: .named(.backTab)
        case KEY_RESIZE: .named(.resize)
        case (KEY_F0 + 1)...(KEY_F0 + 12): .function(Int(code - KEY_F0))
        default: nil
        }
    }
}

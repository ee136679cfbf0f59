@preconcurrency import CNcursesw
import ScreeningUI

/// Colour pairs per `ColourRole` (pair number = role raw value) and attribute mapping.
/// Attributes are always applied, so highlighting survives monochrome terminals and `NO_COLOR`.
enum CursesPalette {
    static func start() {
        start_color()
        use_default_colors()
        for role in ColourRole.allCases where role != .normal {
            init_pair(Int16(role.rawValue), foreground(role), -1)
        }
    }

    static func foreground(_ role: ColourRole) -> Int16 {
        switch role {
        case .normal, .muted: -1
        case .accent: Int16(COLOR_CYAN)
        case .include: Int16(COLOR_GREEN)
        case .exclude, .error: Int16(COLOR_RED)
        case .maybe, .warning, .searchMatch: Int16(COLOR_YELLOW)
        case .topic: Int16(COLOR_BLUE)
        }
    }

    static func set(_ style: Style, colour: Bool) {
        var attributes = shim_a_normal()
        if style.attributes.contains(.bold) { attributes |= shim_a_bold() }
        if style.attributes.contains(.underline) { attributes |= shim_a_underline() }
        if style.attributes.contains(.reverse) { attributes |= shim_a_reverse() }
        if style.attributes.contains(.dim) { attributes |= shim_a_dim() }
        let pair = colour && style.role != .normal ? Int16(style.role.rawValue) : 0
        attr_set(attributes, pair, nil)
    }
}

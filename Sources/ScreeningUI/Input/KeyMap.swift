/// Which keys trigger which actions. Built from the action table's defaults, optionally a preset,
/// then a config file of `action = key …` lines (see `KeyMap.parse`).
public struct KeyMap: Sendable, Equatable {
    /// Keys per action, in the order they were bound (the first is shown in hints).
    public private(set) var keysByAction: [Action: [Key]]
    private var actionByKey: [Key: Action]

    /// A key map with nothing bound.
    public static let empty = KeyMap(keysByAction: [:], actionByKey: [:])

    /// The bindings from the action table.
    public static let standard: KeyMap = {
        var map = KeyMap.empty
        for info in Action.table {
            for name in info.defaultKeys {
                if let key = Key(name: name) { map.bind(key, to: info.action) }
            }
        }
        return map
    }()

    /// The action a key triggers, if any.
    public func action(for key: Key) -> Action? { actionByKey[key] }

    /// The keys bound to an action, first-bound first.
    public func keys(for action: Action) -> [Key] { keysByAction[action] ?? [] }

    /// Actions with at least one key, in action-table order.
    public var boundActions: [Action] { Action.table.map(\.action).filter { !keys(for: $0).isEmpty } }

    /// Binds a key to an action, taking it away from any action that had it.
    public mutating func bind(_ key: Key, to action: Action) {
        if let previous = actionByKey[key] {
            keysByAction[previous]?.removeAll { $0 == key }
            if keysByAction[previous]?.isEmpty == true { keysByAction[previous] = nil }
        }
        actionByKey[key] = action
        if !keys(for: action).contains(key) { keysByAction[action, default: []].append(key) }
    }

    /// Removes every key from an action.
    public mutating func unbind(_ action: Action) {
        for key in keys(for: action) { actionByKey[key] = nil }
        keysByAction[action] = nil
    }

    /// Replaces an action's keys.
    public mutating func rebind(_ action: Action, to keys: [Key]) {
        unbind(action)
        for key in keys { bind(key, to: action) }
    }
}

/// Named sets of bindings applied over the defaults.
public enum KeyMapPreset: String, Sendable, CaseIterable {
    /// The action table's defaults.
    case standard
    /// Rayyan-style muscle memory: I include, E exclude, U maybe (upper or lower case);
    /// undo moves to `z`, redo to `Z`.
    case rayyan

    /// The key map this preset produces.
    public var keyMap: KeyMap {
        var map = KeyMap.standard
        switch self {
        case .standard:
            break
        case .rayyan:
            map.rebind(.undo, to: [.character("z")])
            map.rebind(.redo, to: [.character("Z"), .control("r")])
            map.rebind(.include, to: [.character("i"), .character("I")])
            map.rebind(.exclude, to: [.character("e"), .character("E")])
            map.rebind(.maybe, to: [.character("u"), .character("U")])
        }
        return map
    }
}

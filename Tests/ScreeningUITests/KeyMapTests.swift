import Foundation
import ScreeningUI
import Testing

/// Key maps: defaults from the table, config remapping, presets, and help/doc generation.
@Suite("Key map")
struct KeyMapTests {
    @Test("every default key parses and no key is bound twice")
    func defaults() {
        let declared = Action.table.flatMap(\.defaultKeys)
        #expect(declared.allSatisfy { Key(name: $0) != nil })
        #expect(Set(declared).count == declared.count)
        #expect(KeyMap.standard.action(for: .character("i")) == .include)
        #expect(KeyMap.standard.action(for: .control("r")) == .redo)
        #expect(Set(KeyMap.standard.boundActions) == Set(Action.allCases))
    }

    @Test("a config line remaps an action and steals the key from its old action")
    func remap() throws {
        let map = try KeyMap.parse(
            """
            # my keys
            include = y Enter
            note = none
            """)
        #expect(map.action(for: .character("y")) == .include)
        #expect(map.action(for: .named(.enter)) == .include)
        #expect(map.action(for: .character("i")) == nil)
        #expect(map.keys(for: .open).isEmpty)
        #expect(map.keys(for: .note).isEmpty)
    }

    @Test("the Rayyan preset binds I/E/U and moves undo to z")
    func rayyan() throws {
        let map = try KeyMap.parse("preset = rayyan\n")
        #expect(map.action(for: .character("I")) == .include)
        #expect(map.action(for: .character("E")) == .exclude)
        #expect(map.action(for: .character("U")) == .maybe)
        #expect(map.action(for: .character("u")) == .maybe)
        #expect(map.action(for: .character("z")) == .undo)
        #expect(map == KeyMapPreset.rayyan.keyMap)
    }

    @Test(
        "config errors name the line",
        arguments: [
            ("include = i\nfrobnicate = x", 2), ("include", 1), ("include = Ctrl+Q", 1), ("preset = vim", 1),
        ])
    func errors(text: String, line: Int) {
        #expect(throws: ScreeningUIError.self) { try KeyMap.parse(text) }
        do { _ = try KeyMap.parse(text) } catch let error as ScreeningUIError {
            guard case .keyMapSyntax(let reported, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(reported == line)
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test("the help screen lists exactly the bound actions with their live keys")
    func helpListsBoundActions() throws {
        let map = try KeyMap.parse("note = none\nrefresh = none\ninclude = y")
        let state = AppState(size: Size(columns: 80, rows: 24), keyMap: map)
        let text = HelpView.lines(state).map { String($0.map(\.character)) }
        let listed = Action.table.filter { info in text.contains { $0.hasSuffix(info.description) } }.map(\.action)
        #expect(listed == map.boundActions)
        #expect(!listed.contains(.note))
        #expect(text.contains { $0.hasPrefix("  y ") && $0.hasSuffix("Include the shown record") })
    }

    @Test("the hint bar shows remapped keys and skips unbound actions")
    func hintBar() throws {
        let (loop, _) = SampleSession.loop(keyMap: try KeyMap.parse("include = y\nexclude = none"))
        let hints = loop.render().line(23)
        #expect(hints.contains("y include"))
        #expect(!hints.contains("exclude"))
    }

    @Test("a remapped key drives the loop")
    func remappedKeyDrivesLoop() throws {
        let (loop, session) = SampleSession.loop(keyMap: try KeyMap.parse("preset = rayyan"))
        loop.send(.key(.character("U")))
        #expect(try session.record(1).label == .maybe)
    }

    @Test("Documentation/Keybindings.md is generated from the action table")
    func keybindingsDocInSync() throws {
        let url = packageRoot.appendingPathComponent("Documentation/Keybindings.md")
        let generated = KeyBindingDocument.markdown()
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        let onDisk = try String(contentsOf: url, encoding: .utf8)
        #expect(onDisk == generated, "regenerate with RECORD_SNAPSHOTS=1")
    }
}

import ReviewModel
import Foundation

/// Replays a script through the event loop on a `VirtualTerminal` (the same path keys take in a
/// real terminal) and returns the final screen.
public enum ScriptRunner {
    /// Runs a script's text against a session at a size.
    ///
    /// - Parameter saveScreen: writes a screen dump; the default writes the text to the path.
    /// - Throws: `ScreeningUIError` for a bad script line, a failed `expect` or an unwritable dump.
    @discardableResult
    public static func run(
        script text: String, session: any ScreeningSession, size: Size, keyMap: KeyMap = .standard,
        oracle: ((Int64) -> Label?)? = nil,
        saveScreen: (String, ScreenBuffer) throws -> Void = ScriptRunner.writeScreen
    ) throws -> ScreenBuffer {
        try run(
            script: Script(parsing: text), session: session, size: size, keyMap: keyMap, oracle: oracle,
            saveScreen: saveScreen)
    }

    /// Runs a parsed script against a session at a size.
    @discardableResult
    public static func run(
        script: Script, session: any ScreeningSession, size: Size, keyMap: KeyMap = .standard,
        oracle: ((Int64) -> Label?)? = nil,
        saveScreen: (String, ScreenBuffer) throws -> Void = ScriptRunner.writeScreen
    ) throws -> ScreenBuffer {
        let terminal = VirtualTerminal(size: size)
        let loop = EventLoop(session: session, size: size, keyMap: keyMap)
        loop.start()
        for (line, command) in script.commands {
            switch command {
            case .action(let action): loop.send(action)
            case .type(let text): loop.send(.text(text))
            case .key(let key): loop.send(.key(key))
            case .resize(let size):
                terminal.resize(to: size)
                _ = terminal.readKey(timeoutMilliseconds: 0)
                loop.send(.resize(terminal.size))
            case .saveScreen(let path): try saveScreen(path, loop.render())
            case .oracle(let count):
                for _ in 0..<count {
                    guard let id = loop.state.current?.id else { break }
                    guard let oracle, let label = oracle(id) else {
                        throw ScreeningUIError.scriptSyntax(
                            line: line, message: "the oracle has no label for record \(id)")
                    }
                    loop.send(label == .include ? .include : label == .exclude ? .exclude : .maybe)
                    loop.drainNotifications()
                    if loop.state.isFinished { break }
                }
            case .expect(let text):
                let screen = loop.render().text
                guard screen.contains(text) else {
                    throw ScreeningUIError.scriptExpectation(line: line, text: text)
                }
            }
            loop.drainNotifications()
            terminal.draw(loop.render())
            if loop.state.isFinished { break }
        }
        return terminal.lastFrame ?? loop.render()
    }

    /// Writes a screen's text to a file.
    public static func writeScreen(_ path: String, _ buffer: ScreenBuffer) throws {
        do {
            try buffer.text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw ScreeningUIError.cannotWrite(path: path, message: error.localizedDescription)
        }
    }
}

/// A replayable list of UI commands (`tarsier screen --script FILE`), one per line:
///
/// - an action name (`include`, `move-down`, `search`, … as in `Action`);
/// - `type TEXT` types TEXT into the open prompt;
/// - `key NAME` presses a key through the key map (`key i`, `key C-r`, `key Enter`);
/// - `resize COLUMNSxROWS` resizes the virtual terminal;
/// - `save-screen PATH` writes the current screen as text to PATH;
/// - `expect TEXT` fails unless TEXT is on the screen;
/// - `oracle N` decides the record in the pager N times with the label an oracle gives it
///   (`screen --oracle-labels FILE`: an assessor who knows the true labels, for parity tests);
/// - blank lines and lines starting with `#` are ignored.
public struct Script: Equatable, Sendable {
    /// One script line.
    public enum Command: Equatable, Sendable {
        case action(Action)
        case type(String)
        case key(Key)
        case resize(Size)
        case saveScreen(path: String)
        case expect(String)
        case oracle(count: Int)
    }

    /// Commands with their 1-based line numbers.
    public var commands: [(line: Int, command: Command)]

    /// Parses a script.
    ///
    /// - Throws: `ScreeningUIError.scriptSyntax` naming the first bad line.
    public init(parsing text: String) throws {
        commands = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine)
            let trimmed = line.trimmed
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            commands.append((index + 1, try Script.command(trimmed, line: index + 1)))
        }
    }

    static func command(_ text: String, line: Int) throws -> Command {
        let word = text.prefix { !$0.isWhitespace }
        let rest = String(text.dropFirst(word.count).drop { $0 == " " })
        switch word {
        case "type":
            return .type(rest)
        case "key":
            guard let key = Key(name: rest) else {
                throw ScreeningUIError.scriptSyntax(line: line, message: "unknown key '\(rest)'")
            }
            return .key(key)
        case "resize":
            let parts = rest.split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2, parts.allSatisfy({ $0 > 0 && $0 < 10_000 }) else {
                throw ScreeningUIError.scriptSyntax(line: line, message: "expected 'resize COLUMNSxROWS'")
            }
            return .resize(Size(columns: parts[0], rows: parts[1]))
        case "save-screen":
            guard !rest.isEmpty else {
                throw ScreeningUIError.scriptSyntax(line: line, message: "save-screen needs a path")
            }
            return .saveScreen(path: rest)
        case "expect":
            return .expect(rest)
        case "oracle":
            guard let count = Int(rest), count > 0 else {
                throw ScreeningUIError.scriptSyntax(line: line, message: "expected 'oracle N' with N > 0")
            }
            return .oracle(count: count)
        default:
            guard rest.isEmpty, let action = Action(rawValue: String(word)) else {
                throw ScreeningUIError.scriptSyntax(line: line, message: "unknown command '\(text)'")
            }
            return .action(action)
        }
    }

    /// Two scripts are equal when they have the same commands on the same lines.
    public static func == (left: Script, right: Script) -> Bool {
        left.commands.count == right.commands.count
            && zip(left.commands, right.commands).allSatisfy { $0.line == $1.line && $0.command == $1.command }
    }
}

import ArgumentParser
import Foundation
import ReviewModel
import ReviewStore

/// Writing to the terminal: messages on stderr, results on stdout.
enum Console {
    /// Writes a line to standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// True when standard error is a terminal (progress bars are drawn only then).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Runs `body`, turning any error into `tarsier: error: …` on stderr and exit status 1.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let exit as ExitCode {
            throw exit
        } catch let error as CleanExit {
            throw error
        } catch {
            Console.error("tarsier: error: \(error.localizedDescription)")
            throw ExitCode.failure
        }
    }

    /// Encodes a value as stable, pretty JSON (sorted keys, ISO 8601 dates).
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return terminalSafe(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// JSON with DEL, C1 and bidirectional controls written as `\uXXXX` escapes (JSONEncoder
    /// escapes only C0): the same JSON value, but nothing in it acts on a terminal. These scalars
    /// can only occur inside JSON strings, where the escape means the same character.
    static func terminalSafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: isTerminalControl) else { return json }
        var output = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if isTerminalControl(scalar) {
                let hex = String(scalar.value, radix: 16)
                output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    private static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F..<0xA0, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Reads a topic JSON file (`title`, optional `objective`, optional `query`).
    static func readTopic(_ path: String) throws -> Topic {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            return try JSONDecoder().decode(Topic.self, from: data)
        } catch {
            throw ValidationError(
                "\(path): not a topic file (expected JSON with \"title\", optional \"objective\" and \"query\")")
        }
    }
}

/// The review file argument shared by most commands.
struct ReviewArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The review file (one SQLite database per review).", valueName: "review"))
    var path: String

    /// Opens the review for a command that writes, or fails with a clear message before any change.
    func open() throws -> ReviewDatabase { try Console.run { try ReviewDatabase.open(path: path) } }

    /// Opens the review for a command that only reads, through read-only connections.
    func openForReading() throws -> ReviewDatabase {
        try Console.run { try ReviewDatabase.open(path: path, access: .readOnly) }
    }

    /// Opens the review read-write when the file allows it (to record small facts such as a
    /// stopping rule firing), read-only otherwise.
    func openWritingIfPossible() throws -> ReviewDatabase {
        try Console.run { try ReviewDatabase.open(path: path, access: .readWriteIfWritable) }
    }
}

import Foundation

/// One run of the real `tarsier` binary that a test may kill with SIGKILL at a chosen moment,
/// keeping everything it wrote to standard output up to then.
final class KilledRun: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var output = Data()
    private var errors = Data()

    /// Starts `tarsier arguments` in `directory`, with `environment` added to the test's own.
    init(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws {
        process.executableURL = TarsierBinary.url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.output.append(data) }
        }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.errors.append(data) }
        }
        try process.run()
    }

    /// Sends SIGKILL after `seconds` unless the process ended before; true when it was killed.
    @discardableResult
    func kill(after seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline && process.isRunning { Thread.sleep(forTimeInterval: 0.005) }
        let killed = process.isRunning
        if killed { Foundation.kill(process.processIdentifier, SIGKILL) }
        return finish() && killed
    }

    /// Waits (up to `timeout` seconds) until the `TARSIER_TRACE` file at `trace` holds a line
    /// ending in `event`, then sends SIGKILL after `seconds` more unless the process ended before;
    /// true when it was killed.
    @discardableResult
    func kill(after seconds: Double, once event: String, in trace: URL, timeout: Double = 120) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline && process.isRunning {
            let text = (try? String(contentsOf: trace, encoding: .utf8)) ?? ""
            if text.split(separator: "\n").contains(where: { $0.hasSuffix(event) }) { break }
            Thread.sleep(forTimeInterval: 0.002)
        }
        return kill(after: seconds)
    }

    /// Waits for the process to end; true when it ended by a signal (or is still to be waited on).
    @discardableResult
    func finish() -> Bool {
        process.waitUntilExit()
        // Let the pipe handlers take the last bytes written before the end.
        Thread.sleep(forTimeInterval: 0.05)
        return process.terminationReason == .uncaughtSignal
    }

    /// Standard output so far.
    var stdout: String { lock.withLock { String(decoding: output, as: UTF8.self) } }
    /// Standard error so far.
    var stderr: String { lock.withLock { String(decoding: errors, as: UTF8.self) } }
}

/// One acknowledged decision-log event (`ack KIND EVENT record RECORD LABEL` from `screen --ack`).
struct Acknowledgement: Equatable, Hashable {
    var kind: String
    var eventID: Int64
    var recordID: Int64
    var label: String

    /// The acknowledgements among `text`'s lines, in order; a torn last line is ignored.
    static func parse(_ text: String) -> [Acknowledgement] {
        text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard words.count == 6, words[0] == "ack", words[3] == "record", let event = Int64(words[2]),
                let record = Int64(words[4])
            else { return nil }
            return Acknowledgement(kind: String(words[1]), eventID: event, recordID: record, label: String(words[5]))
        }
    }
}

/// A decision-log event as `tarsier export --what decisions --format jsonl` writes it.
struct LoggedEvent: Equatable {
    var eventID: Int64
    var recordID: Int64
    var kind: String
    var label: String
    var assessor: String
    var undoes: Int64?

    /// Every event of a review, oldest first.
    static func all(_ review: String, in directory: URL) throws -> [LoggedEvent] {
        let log = try TarsierBinary.run(["export", review, "--what", "decisions", "--format", "jsonl"], in: directory)
            .out
        return log.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = (object["event_id"] as? String).flatMap({ Int64($0) }),
                let record = (object["record_id"] as? String).flatMap({ Int64($0) })
            else { return nil }
            let label = object["label"] as? String ?? ""
            return LoggedEvent(
                eventID: id, recordID: record, kind: object["kind"] as? String ?? "",
                label: label.isEmpty ? "none" : label, assessor: object["assessor"] as? String ?? "",
                undoes: (object["undoes_event_id"] as? String).flatMap { Int64($0) })
        }
    }

    /// The acknowledgement this event would have produced.
    var acknowledgement: Acknowledgement {
        Acknowledgement(kind: kind, eventID: eventID, recordID: recordID, label: label)
    }
}

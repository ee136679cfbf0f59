import Formats
import Foundation
import ReviewModel
import ReviewStore

/// Reads import files on a background thread while the caller stores them: records reach the
/// writer in chunks as the parser produces them (PubMed XML while it is parsed; other formats,
/// which parse fast, in one chunk per file), and the next file is read while the current one is
/// still being stored. Storing is one SQLite transaction per file on the caller's thread.
///
/// Events travel through one bounded queue in file order, so memory holds a few chunks, not
/// whole files, for the streaming format.
final class ImportPipeline: @unchecked Sendable {
    /// One file as the writer sees it.
    enum Opened {
        /// The file is being read: take its chunks from the stream.
        case reading(FileStream)
        /// The file failed before any record (unreadable, already imported).
        case failed(file: String, error: any Error)

        /// The file's path as given on the command line.
        var file: String {
            switch self {
            case .reading(let stream): stream.file
            case .failed(let file, _): file
            }
        }
    }

    fileprivate enum Event {
        case begin(file: String, fileName: String, sha256: String)
        case chunk([ImportedRecord])
        case end(format: ImportFormat, warnings: [String])
        case failed(file: String, error: any Error, begun: Bool)
    }

    private let condition = NSCondition()
    private var events: [Event] = []
    private var finished = false
    private let capacity = 8
    private var current: FileStream?

    /// Starts reading `files` in order; `progress` draws (file, bytes read, total bytes).
    /// `admit` sees each file's name and SHA-256 before it is parsed and may throw to skip it
    /// (a file already in the review is refused without parsing it).
    init(
        files: [String], format: ImportFormat?,
        admit: @escaping @Sendable (_ fileName: String, _ sha256: String) throws -> Void = { _, _ in },
        progress: @escaping @Sendable (String, Int64, Int64) -> Void
    ) {
        let thread = Thread { [self] in
            for file in files { read(file, format: format, admit: admit, progress: progress) }
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func read(
        _ file: String, format: ImportFormat?, admit: (String, String) throws -> Void,
        progress: @escaping @Sendable (String, Int64, Int64) -> Void
    ) {
        let url = URL(fileURLWithPath: file)
        var begun = false
        do {
            let sha256: String
            do {
                sha256 = try SHA256.hex(fileAt: url)
            } catch {
                // The importer words an unreadable file best (file:1: error: cannot read …).
                _ = try Importer.read(url: url, format: format)
                throw error
            }
            try admit(url.lastPathComponent, sha256)
            publish(.begin(file: file, fileName: url.lastPathComponent, sha256: sha256))
            begun = true
            let result = try Importer.read(url: url, format: format, progress: { progress(file, $0, $1) }) { chunk in
                self.publish(.chunk(chunk))
            }
            publish(.end(format: result.format, warnings: result.diagnostics.map(\.description)))
        } catch {
            publish(.failed(file: file, error: error, begun: begun))
        }
    }

    /// Appends an event, waiting while the queue is full (the writer is behind).
    private func publish(_ event: Event) {
        condition.lock()
        while events.count >= capacity { condition.wait() }
        events.append(event)
        condition.broadcast()
        condition.unlock()
    }

    /// The next event in order, or nil when every file has been read and taken.
    fileprivate func take() -> Event? {
        condition.lock()
        defer { condition.unlock() }
        while events.isEmpty && !finished { condition.wait() }
        guard !events.isEmpty else { return nil }
        let event = events.removeFirst()
        condition.broadcast()
        return event
    }

    /// The next file in command-line order, or nil after the last. Whatever the writer left
    /// unread of the previous file (it failed to store it) is skipped first.
    func nextFile() -> Opened? {
        current?.drain()
        current = nil
        guard let event = take() else { return nil }
        switch event {
        case .begin(let file, let fileName, let sha256):
            let stream = FileStream(file: file, fileName: fileName, sha256: sha256, pipeline: self)
            current = stream
            return .reading(stream)
        case .failed(let file, let error, _):
            return .failed(file: file, error: error)
        case .chunk, .end:
            return nextFile()  // unreachable: chunks always follow their file's begin
        }
    }

    /// One file's records as they are read.
    final class FileStream {
        let file: String
        let fileName: String
        let sha256: String
        private unowned let pipeline: ImportPipeline
        private var done = false
        /// The format the file was read as and the reader's warnings, once `nextChunk` returned nil.
        private(set) var format: ImportFormat = .ris
        private(set) var warnings: [String] = []

        fileprivate init(file: String, fileName: String, sha256: String, pipeline: ImportPipeline) {
            self.file = file
            self.fileName = fileName
            self.sha256 = sha256
            self.pipeline = pipeline
        }

        /// The next chunk, nil after the last; throws when the file turned out unreadable.
        func nextChunk() throws -> [ImportedRecord]? {
            guard !done, let event = pipeline.take() else { return nil }
            switch event {
            case .chunk(let records):
                return records
            case .end(let format, let warnings):
                done = true
                self.format = format
                self.warnings = warnings
                return nil
            case .failed(_, let error, _):
                done = true
                throw error
            case .begin:
                done = true  // unreachable: a file ends (or fails) before the next begins
                return nil
            }
        }

        /// Reads and drops what is left of this file.
        fileprivate func drain() {
            while !done {
                do {
                    if try nextChunk() == nil { break }
                } catch {
                    break
                }
            }
            done = true
        }
    }
}

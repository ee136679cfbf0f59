import Foundation

/// Feeds a ``ByteSource`` (plain or gzip file) to `XMLParser(stream:)` chunk by chunk, repairing
/// invalid UTF-8 on the way.
///
/// swift-corelibs-foundation's `XMLParser` pulls from the stream with `read(_:maxLength:)` until it
/// returns 0 or -1, so only that method (plus open/close and, after a -1, `streamError`) is needed.
/// A read failure is kept in ``failure`` because the parser treats -1 as a silent end of input.
/// Invalid UTF-8 must not reach the parser: FoundationXML force-unwraps element names decoded
/// from libxml2 and traps on them, so each invalid byte becomes `?` and is reported with its line.
/// Each repaired chunk then passes an ``XMLInputGuard``: a chunk holding an entity declaration or
/// a data-less processing instruction is never handed over.
final class ByteSourceInputStream: InputStream {
    private let source: ByteSource
    private let progress: ImportProgress?
    private var nextReport: Int64 = 1 << 20
    /// An incomplete UTF-8 sequence at the end of the previous chunk, completed by the next one.
    private var carry: [UInt8] = []
    private var atEnd = false
    /// The error that ended reading early, if any.
    private(set) var failure: FormatsError?
    /// True when ``failure`` is a refusal by the ``XMLInputGuard`` (its line is exact).
    private(set) var failureIsRefusal = false
    private var inputGuard = XMLInputGuard()
    /// Bytes of decoded content handed to the parser.
    private(set) var contentBytes: Int64 = 0
    /// Line breaks handed to the parser so far (content lines = this + 1).
    private(set) var newlines = 0
    /// 1-based lines where invalid UTF-8 was replaced (first 100).
    private(set) var repairedLines: [Int] = []

    init(source: ByteSource, progress: ImportProgress?) {
        self.source = source
        self.progress = progress
        super.init(data: Data())
    }

    override func open() {}
    override func close() {}
    override var hasBytesAvailable: Bool { failure == nil && !atEnd }
    /// The failure behind a -1 from ``read(_:maxLength:)``. `XMLParser` asks for it after every -1,
    /// and the inherited getter traps (its CFReadStream was never opened), so it must be overridden.
    override var streamError: Error? { failure }
    override var streamStatus: Stream.Status { failure != nil ? .error : atEnd ? .atEnd : .open }

    /// True once the source has been read to its end.
    var reachedEnd: Bool { atEnd }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        guard failure == nil, len >= 4 else { return failure == nil ? 0 : -1 }
        do {
            while true {
                var filled = carry.count
                for (offset, byte) in carry.enumerated() { buffer[offset] = byte }
                carry.removeAll(keepingCapacity: true)
                let count = atEnd ? 0 : try source.read(into: buffer + filled, capacity: len - filled)
                if count == 0 { atEnd = true }
                filled += count
                let linesBefore = newlines
                let ready = repair(buffer, count: filled)
                if ready == 0 && !atEnd { continue }
                if let refusal = inputGuard.inspect(UnsafeRawBufferPointer(start: buffer, count: ready)) {
                    let line =
                        linesBefore + 1 + UnsafeBufferPointer(start: buffer, count: refusal.offset).count { $0 == 0x0A }
                    failure = .invalid(file: source.path, line: line, reason: refusal.reason)
                    failureIsRefusal = true
                    return -1
                }
                contentBytes += Int64(ready)
                reportProgress()
                return ready
            }
        } catch let error as FormatsError {
            failure = error
            return -1
        } catch {
            failure = .unreadable(file: source.path, reason: error.localizedDescription)
            return -1
        }
    }

    private func reportProgress() {
        guard let progress, source.fileBytesRead >= nextReport else { return }
        progress(source.fileBytesRead, source.fileSize)
        nextReport = source.fileBytesRead + (1 << 20)
    }

    /// Validates `buffer[0..<count]` as UTF-8 (RFC 3629 §4), replacing invalid bytes by `?`.
    /// Returns how many bytes are ready; an incomplete final sequence moves to ``carry``.
    private func repair(_ buffer: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        let bytes = UnsafeRawBufferPointer(start: buffer, count: count)
        var index = 0
        while index < count {
            if buffer[index] == 0x0A { newlines += 1 }
            let length = UTF8Validation.sequenceLength(bytes, at: index)
            if length > 0 {
                index += length
                continue
            }
            if length < 0 && !atEnd {  // the sequence continues in the next chunk
                carry = Array(UnsafeBufferPointer(start: buffer + index, count: count - index))
                return index
            }
            buffer[index] = 0x3F  // "?"
            if repairedLines.count < 100 { repairedLines.append(newlines + 1) }
            index += 1
        }
        return count
    }
}

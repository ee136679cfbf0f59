import Foundation

/// Feeds a ``ByteSource`` (plain or gzip file) to `XMLParser(stream:)` chunk by chunk.
///
/// swift-corelibs-foundation's `XMLParser` pulls from the stream with `read(_:maxLength:)` until
/// it returns 0 or -1, so only that method (plus open/close) is needed. A read failure is kept in
/// ``failure`` because the parser treats -1 as a silent end of input.
final class ByteSourceInputStream: InputStream {
    private let source: ByteSource
    private let progress: ImportProgress?
    private var nextReport: Int64 = 1 << 20
    /// The error that ended reading early, if any.
    private(set) var failure: FormatsError?
    /// Bytes of decoded content handed to the parser.
    private(set) var contentBytes: Int64 = 0

    init(source: ByteSource, progress: ImportProgress?) {
        self.source = source
        self.progress = progress
        super.init(data: Data())
    }

    override func open() {}
    override func close() {}
    override var hasBytesAvailable: Bool { failure == nil }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        guard failure == nil else { return -1 }
        do {
            let count = try source.read(into: buffer, capacity: len)
            contentBytes += Int64(count)
            if let progress, source.fileBytesRead >= nextReport {
                progress(source.fileBytesRead, source.fileSize)
                nextReport = source.fileBytesRead + (1 << 20)
            }
            return count
        } catch let error as FormatsError {
            failure = error
            return -1
        } catch {
            failure = .unreadable(file: source.path, reason: error.localizedDescription)
            return -1
        }
    }
}

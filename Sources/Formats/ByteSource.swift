import CZlib
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A forward-only source of bytes read in chunks: a plain file (or bytes already in memory), or
/// gzip content inflated on the fly.
///
/// Memory stays bounded by the chunk size whatever the file size, which is what lets
/// ``PubMedXMLReader`` stream 200 MB baseline files.
final class ByteSource {
    /// Where the raw (possibly compressed) bytes come from.
    private enum Backing {
        case file(UnsafeMutablePointer<FILE>)
        case memory([UInt8])
    }

    /// Bytes of the underlying file consumed so far (compressed bytes for gzip).
    private(set) var fileBytesRead: Int64 = 0
    /// Size of the underlying file, for progress reporting.
    let fileSize: Int64
    /// The path, for messages.
    let path: String
    /// True when the file starts with the gzip magic bytes 1f 8b.
    private(set) var isGzip = false

    private let backing: Backing
    /// Bytes of a memory backing consumed so far.
    private var memoryOffset = 0
    private var inflater: Inflater?
    private let rawBuffer: UnsafeMutableRawPointer
    private let rawCapacity: Int
    private var rawStart = 0
    private var rawEnd = 0
    private var rawEOF = false

    /// Opens `url`; detects gzip from its first two bytes, not its name.
    convenience init(url: URL, chunkSize: Int = 1 << 16) throws {
        guard let file = fopen(url.path, "rb") else {
            throw FormatsError.unreadable(file: url.path, reason: String(cString: strerror(errno)))
        }
        var info = stat()
        let size = fstat(fileno(file), &info) == 0 ? Int64(info.st_size) : 0
        if (info.st_mode & S_IFMT) == S_IFDIR {
            fclose(file)
            throw FormatsError.unreadable(file: url.path, reason: "is a directory")
        }
        try self.init(backing: .file(file), size: size, path: url.path, chunkSize: chunkSize)
    }

    /// Serves `bytes` as if they were a file named `path` (plain or gzip, detected the same way).
    convenience init(bytes: [UInt8], path: String, chunkSize: Int = 1 << 16) throws {
        try self.init(backing: .memory(bytes), size: Int64(bytes.count), path: path, chunkSize: chunkSize)
    }

    private init(backing: Backing, size: Int64, path: String, chunkSize: Int) throws {
        self.backing = backing
        self.path = path
        fileSize = size
        rawCapacity = max(chunkSize, 4)
        rawBuffer = UnsafeMutableRawPointer.allocate(byteCount: rawCapacity, alignment: 8)
        fillRaw()
        let magic =
            rawEnd - rawStart >= 2 && rawBuffer.load(as: UInt8.self) == 0x1F
            && rawBuffer.load(fromByteOffset: 1, as: UInt8.self) == 0x8B
        if magic {
            isGzip = true
            inflater = try Inflater(path: path)
        }
    }

    deinit {
        if case .file(let handle) = backing { fclose(handle) }
        rawBuffer.deallocate()
    }

    private func fillRaw() {
        rawStart = 0
        switch backing {
        case .file(let handle):
            rawEnd = fread(rawBuffer, 1, rawCapacity, handle)
        case .memory(let bytes):
            rawEnd = min(rawCapacity, bytes.count - memoryOffset)
            bytes.withUnsafeBytes { all in
                if rawEnd > 0, let base = all.baseAddress {
                    rawBuffer.copyMemory(from: base + memoryOffset, byteCount: rawEnd)
                }
            }
            memoryOffset += rawEnd
        }
        fileBytesRead += Int64(rawEnd)
        if rawEnd == 0 { rawEOF = true }
    }

    /// Reads up to `capacity` bytes into `buffer`; returns 0 only at the end of the content.
    /// - Throws: `FormatsError.truncated` when a gzip stream ends early, `.invalid` when it is corrupt.
    func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws -> Int {
        guard capacity > 0 else { return 0 }
        while true {
            if rawStart == rawEnd, !rawEOF { fillRaw() }
            guard let inflater else {
                let count = min(capacity, rawEnd - rawStart)
                if count == 0 { return 0 }
                buffer.copyMemory(from: rawBuffer + rawStart, byteCount: count)
                rawStart += count
                return count
            }
            let (consumed, produced) = try inflater.inflate(
                input: rawBuffer + rawStart, inputCount: rawEnd - rawStart,
                output: buffer, outputCapacity: capacity, atEndOfInput: rawEOF)
            rawStart += consumed
            if produced > 0 { return produced }
            if inflater.finished && rawStart == rawEnd && rawEOF { return 0 }
        }
    }

    /// The most a gzip file may inflate to in memory: 200 times its compressed size (text
    /// exports compress 4–10×), at least 256 MiB and never more than 2 GiB, so a gzip bomb is
    /// refused before it exhausts memory.
    var gzipExpansionLimit: Int { min(2 << 30, max(256 << 20, Int(fileSize) * 200)) }

    /// Reads everything that is left into memory.
    /// - Throws: `FormatsError.invalid` when gzip content inflates beyond `maximumBytes`.
    func readAll(maximumBytes: Int? = nil) throws -> [UInt8] {
        let limit = isGzip ? (maximumBytes ?? gzipExpansionLimit) : Int.max
        var result: [UInt8] = []
        result.reserveCapacity(isGzip ? Int(fileSize) * 4 : Int(fileSize))
        let chunkSize = 1 << 16
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 8)
        defer { chunk.deallocate() }
        while true {
            let count = try read(into: chunk, capacity: chunkSize)
            if count == 0 { return result }
            guard result.count + count <= limit else {
                throw FormatsError.invalid(
                    file: path, line: 1,
                    reason: "the gzip content inflates to more than \(limit >> 20) MiB (\(fileSize) bytes compressed); "
                        + "refused as a possible gzip bomb")
            }
            result.append(contentsOf: UnsafeRawBufferPointer(start: chunk, count: count))
        }
    }

    /// Reads at most `limit` bytes from the start (for format detection).
    func readPrefix(limit: Int) throws -> [UInt8] {
        let storage = UnsafeMutableRawPointer.allocate(byteCount: max(limit, 1), alignment: 8)
        defer { storage.deallocate() }
        var filled = 0
        while filled < limit {
            let count = try read(into: storage + filled, capacity: limit - filled)
            if count == 0 { break }
            filled += count
        }
        return Array(UnsafeRawBufferPointer(start: storage, count: filled))
    }
}

/// A zlib inflate stream accepting gzip (and zlib) data, including concatenated gzip members.
///
/// Uses `inflateInit2(15 + 32)` as described in the zlib manual (https://zlib.net/manual.html).
final class Inflater {
    private var stream = z_stream()
    private let path: String
    /// True after the last member's end was reached and no more input followed.
    private(set) var finished = false
    private var memberEnded = false

    init(path: String) throws {
        self.path = path
        guard czlib_inflate_init_gzip(&stream) == Z_OK else {
            throw FormatsError.unreadable(file: path, reason: "zlib could not be initialised")
        }
    }

    deinit { inflateEnd(&stream) }

    /// Inflates from `input` into `output`; returns bytes consumed and produced.
    func inflate(
        input: UnsafeMutableRawPointer, inputCount: Int, output: UnsafeMutableRawPointer,
        outputCapacity: Int, atEndOfInput: Bool
    ) throws -> (consumed: Int, produced: Int) {
        if memberEnded {
            if inputCount == 0 {
                if atEndOfInput { finished = true }
                return (0, 0)
            }
            inflateReset(&stream)  // a further gzip member follows (RFC 1952 §2.2)
            memberEnded = false
        }
        if inputCount == 0 && atEndOfInput {
            throw FormatsError.truncated(file: path, line: 1, reason: "gzip stream ends before its end marker")
        }
        stream.next_in = input.assumingMemoryBound(to: Bytef.self)
        stream.avail_in = uInt(inputCount)
        stream.next_out = output.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(outputCapacity)
        let status = CZlib.inflate(&stream, Z_NO_FLUSH)
        let consumed = inputCount - Int(stream.avail_in)
        let produced = outputCapacity - Int(stream.avail_out)
        switch status {
        case Z_OK, Z_BUF_ERROR:
            break
        case Z_STREAM_END:
            memberEnded = true
        default:
            let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
            throw FormatsError.invalid(file: path, line: 1, reason: "corrupt gzip data: \(reason)")
        }
        return (consumed, produced)
    }
}

import Foundation
import ReviewModel

/// An append-only file of sentence embeddings for `tarsier simulate`, so several seeds and rankers
/// on a dataset embed each text once.
///
/// One file holds one model's embeddings. Layout (little-endian):
///
///     header:  "TRSEMB01" (8 bytes) · dimension (UInt32) · model weights' SHA-256 (64 hex bytes)
///     entries: text SHA-256 (64 hex bytes) · dimension × Float32
///
/// An entry is keyed by the SHA-256 of the exact text embedded (`textKey`), the file by the
/// model's weights. A truncated last entry (a run killed while appending) is ignored on reading
/// and overwritten by the next append. Appends take an exclusive `flock`, so parallel runs may
/// share a file; an entry written twice is harmless (the first one read wins).
public struct EmbeddingCache: Sendable {
    /// The cache file.
    public let fileURL: URL
    /// Hex SHA-256 of the model weights the embeddings came from.
    public let modelSHA256: String
    /// Length of every embedding.
    public let dimension: Int

    static let magic = Array("TRSEMB01".utf8)
    static let keyLength = 64
    var headerLength: Int { Self.magic.count + 4 + Self.keyLength }
    var entryLength: Int { Self.keyLength + dimension * 4 }

    /// A cache in `fileURL` for embeddings of `dimension` floats made by the model `modelSHA256`.
    public init(fileURL: URL, modelSHA256: String, dimension: Int) {
        self.fileURL = fileURL
        self.modelSHA256 = modelSHA256
        self.dimension = dimension
    }

    /// The cache in an existing file, its model and dimension read from the file's header (for
    /// reading embeddings without the model that made them).
    /// - Throws: `EvaluationError.embeddingCache` when the file is missing or not a cache file.
    public static func existing(fileURL: URL) throws -> EmbeddingCache {
        guard let handle = FileHandle(forReadingAtPath: fileURL.path) else {
            throw EvaluationError.embeddingCache(fileURL.path, "cannot be read")
        }
        defer { try? handle.close() }
        let header = [UInt8](handle.readData(ofLength: magic.count + 4 + keyLength))
        guard header.count == magic.count + 4 + keyLength, Array(header.prefix(magic.count)) == magic else {
            throw EvaluationError.embeddingCache(fileURL.path, "not an embedding cache file")
        }
        let dimension = header[magic.count..<(magic.count + 4)].reversed().reduce(0) { $0 << 8 | Int($1) }
        let sha = String(decoding: header.suffix(keyLength), as: UTF8.self).trimmingCharacters(in: .whitespaces)
        guard dimension > 0 else { throw EvaluationError.embeddingCache(fileURL.path, "has no dimension") }
        return EmbeddingCache(fileURL: fileURL, modelSHA256: sha, dimension: dimension)
    }

    /// The default file for a model: `${XDG_CACHE_HOME:-~/.cache}/tarsier/embeddings/<sha prefix>.f32`.
    public static func defaultFile(
        modelSHA256: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        let base =
            environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".cache")
        return base.appendingPathComponent("tarsier/embeddings/\(modelSHA256.prefix(16)).f32")
    }

    /// The key of a text: the hex SHA-256 of its UTF-8 bytes.
    public static func textKey(_ text: String) -> String { SHA256.hex(Array(text.utf8)) }

    /// The cached embeddings whose keys are in `keys` (all of them when nil).
    /// - Throws: `EvaluationError.embeddingCache` when the file belongs to another model or
    ///   dimension or is not a cache file. A missing file is an empty cache.
    public func load(keys: Set<String>? = nil) throws -> [String: [Float]] {
        guard FileManager.default.fileExists(atPath: fileURL.path) else { return [:] }
        let data = try Data(contentsOf: fileURL, options: .alwaysMapped)
        if data.isEmpty { return [:] }
        try checkHeader(data)
        var result: [String: [Float]] = [:]
        let count = (data.count - headerLength) / entryLength
        data.withUnsafeBytes { raw in
            for index in 0..<count {
                let start = headerLength + index * entryLength
                let key = String(decoding: raw[start..<(start + Self.keyLength)], as: UTF8.self)
                guard result[key] == nil, keys?.contains(key) ?? true else { continue }
                var vector = [Float](repeating: 0, count: dimension)
                vector.withUnsafeMutableBytes { target in
                    target.copyMemory(
                        from: UnsafeRawBufferPointer(rebasing: raw[(start + Self.keyLength)..<(start + entryLength)]))
                }
                result[key] = vector.map { Float(bitPattern: UInt32(littleEndian: $0.bitPattern)) }
            }
        }
        return result
    }

    /// Appends entries (key, embedding of `dimension` floats), creating the file and its folder
    /// when needed.
    /// - Throws: `EvaluationError.embeddingCache` for a wrong dimension, another model's file or an
    ///   I/O failure.
    public func append(_ entries: [(key: String, embedding: [Float])]) throws {
        guard !entries.isEmpty else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * entryLength)
        for (key, embedding) in entries {
            guard key.utf8.count == Self.keyLength, embedding.count == dimension else {
                throw EvaluationError.embeddingCache(fileURL.path, "entry has a wrong key or dimension")
            }
            bytes += Array(key.utf8)
            for value in embedding { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        }
        try FileManager.default.createDirectory(
            at: fileURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(fileURL.path, O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else { throw EvaluationError.embeddingCache(fileURL.path, "cannot open for writing") }
        defer { close(descriptor) }
        flock(descriptor, LOCK_EX)
        defer { flock(descriptor, LOCK_UN) }
        let size = Int(lseek(descriptor, 0, SEEK_END))
        if size == 0 {
            try write(header(), to: descriptor)
        } else {
            let existing = try Data(contentsOf: fileURL, options: .alwaysMapped)
            try checkHeader(existing)
            // Drop a torn last entry left by an interrupted run.
            let whole = headerLength + (size - headerLength) / entryLength * entryLength
            if whole != size { ftruncate(descriptor, off_t(whole)) }
            lseek(descriptor, off_t(whole), SEEK_SET)
        }
        try write(bytes, to: descriptor)
    }

    private func header() -> [UInt8] {
        var bytes = Self.magic
        withUnsafeBytes(of: UInt32(dimension).littleEndian) { bytes += $0 }
        return bytes + Array(modelSHA256.utf8.prefix(Self.keyLength))
            + [UInt8](repeating: 0x20, count: max(0, Self.keyLength - modelSHA256.utf8.count))
    }

    private func checkHeader(_ data: Data) throws {
        let expected = header()
        guard data.count >= headerLength else {
            throw EvaluationError.embeddingCache(fileURL.path, "file is too short")
        }
        let found = Array(data.prefix(headerLength))
        guard Array(found.prefix(Self.magic.count)) == Self.magic else {
            throw EvaluationError.embeddingCache(fileURL.path, "not an embedding cache file")
        }
        guard found == expected else {
            throw EvaluationError.embeddingCache(fileURL.path, "holds embeddings of another model or dimension")
        }
    }

    private func write(_ bytes: [UInt8], to descriptor: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw EvaluationError.embeddingCache(fileURL.path, "write failed") }
            offset += written
        }
    }
}

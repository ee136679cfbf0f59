import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The per-review embedding lock, `REVIEW.embed.lock` beside the review: whoever holds it is the
/// only process embedding that review (`tarsier embed`, in the foreground or `--background`, or a
/// screen's background embedder).
///
/// It is an advisory `flock(2)` lock, so the kernel releases it when the holder exits in any way,
/// SIGKILL included: a killed job never leaves a stale lock behind. The file's text says who holds
/// it (`pid 123: tarsier embed since 2025-…`); the text alone never means the lock is held.
public final class EmbeddingJobLock {
    /// The lock file's path.
    public let path: String
    private var descriptor: Int32 = -1

    /// The lock for the review at `reviewPath` (not taken yet).
    public init(reviewPath: String) {
        path = Self.path(forReview: reviewPath)
    }

    deinit { release() }

    /// `REVIEW.embed.lock`.
    public static func path(forReview reviewPath: String) -> String { reviewPath + ".embed.lock" }

    /// Takes the lock without waiting and records `owner` in the file; false when another process
    /// (or another lock object) holds it.
    ///
    /// - Throws: `LockError` when the lock file cannot be created.
    public func tryAcquire(owner: String) throws -> Bool {
        if descriptor >= 0 { return true }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw LockError(message: "cannot create \(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return false
        }
        descriptor = fd
        let text = "pid \(getpid()): \(owner) since \(Date().formatted(.iso8601))\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        return true
    }

    /// Releases the lock (also done by the kernel when the process ends).
    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    /// Who holds the lock of the review at `reviewPath`, or nil when nobody does.
    public static func holder(reviewPath: String) -> Holder? {
        let path = path(forReview: reviewPath)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return nil
        }
        let text =
            (try? String(contentsOfFile: path, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let pid = text.hasPrefix("pid ") ? Int32(text.dropFirst(4).prefix { $0.isNumber }) : nil
        return Holder(pid: pid, description: text.isEmpty ? "another process" : text)
    }

    /// The process holding a lock, as its lock file describes it.
    public struct Holder: Equatable {
        /// Its process id, when the file names one.
        public var pid: Int32?
        /// `pid 123: tarsier embed since …`.
        public var description: String
    }

    /// The lock file could not be created (read-only folder, …).
    public struct LockError: Error, LocalizedError {
        public var message: String
        public init(message: String) { self.message = message }
        public var errorDescription: String? { message }
    }
}

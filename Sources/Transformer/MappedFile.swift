import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A read-only memory-mapped file; the mapping lives as long as the object.
final class MappedFile: @unchecked Sendable {
    /// Start of the mapping (nil for an empty file).
    let bytes: UnsafeRawPointer?
    /// Length of the file in bytes.
    let count: Int
    let path: String

    init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw TransformerError.unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw TransformerError.unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        count = Int(status.st_size)
        if count == 0 {
            bytes = nil
            return
        }
        let address = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else {
            throw TransformerError.unreadableFile(
                path: path, reason: "mmap failed: \(String(cString: strerror(errno)))")
        }
        bytes = UnsafeRawPointer(address)
    }

    deinit {
        if let bytes { munmap(UnsafeMutableRawPointer(mutating: bytes), count) }
    }
}

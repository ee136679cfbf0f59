#if canImport(Glibc)
    import Glibc
#endif

/// One line of a text file, decoded from UTF-8.
struct TextLine {
    /// 1-based line number.
    let number: Int
    /// The line without its line break (CR, LF or CRLF).
    let text: String
    /// True when the line held invalid UTF-8 that was replaced by U+FFFD.
    let wasRepaired: Bool
    /// Byte offset of the line's first byte.
    let startOffset: Int
    /// Byte offset just past this line and its line break.
    let endOffset: Int
}

/// Splits UTF-8 bytes into lines (LF, CRLF, or CR-only files), skipping a leading BOM.
///
/// Each line is validated separately so a single bad byte is repaired and reported with its
/// line instead of spoiling the whole file.
struct TextLines: Sequence, IteratorProtocol {
    let bytes: [UInt8]
    private var position: Int
    private var number = 0
    private let separator: UInt8
    /// Offsets of invalid UTF-8 bytes, found in one pass up front; lines holding one are repaired.
    private let invalid: [Int]
    private var nextInvalid = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        invalid = bytes.withUnsafeBytes { UTF8Validation.invalidOffsets($0) }
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let hasLF = bytes.contains(0x0A)
        let hasCR = !hasLF && bytes.contains(0x0D)
        separator = !hasLF && hasCR ? 0x0D : 0x0A
    }

    mutating func next() -> TextLine? {
        guard position < bytes.count else { return nil }
        number += 1
        let start = position
        let separator = self.separator
        return bytes.withUnsafeBufferPointer { buffer -> TextLine in
            var end = start
            if let base = buffer.baseAddress,
                let found = memchr(base + start, Int32(separator), buffer.count - start)
            {
                end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                position = end + 1
            } else {
                end = buffer.count
                position = buffer.count
            }
            if separator == 0x0A, end > start, buffer[end - 1] == 0x0D { end -= 1 }
            let slice = UnsafeBufferPointer(rebasing: buffer[start..<end])
            var repaired = false
            while nextInvalid < invalid.count, invalid[nextInvalid] < position {
                repaired = true
                nextInvalid += 1
            }
            return TextLine(
                number: number, text: String(decoding: slice, as: UTF8.self), wasRepaired: repaired,
                startOffset: start, endOffset: position)
        }
    }
}

extension TextLines {
    /// The text of `bytes[start..<end]` without trailing line breaks (a record's raw text).
    static func rawText(_ bytes: [UInt8], from start: Int, to end: Int) -> String {
        var end = Swift.min(end, bytes.count)
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        guard start < end else { return "" }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }
}

#if canImport(Glibc)
    import Glibc
#endif

/// One line of a text file; its text is decoded from UTF-8 only when asked for.
struct TextLine {
    /// 1-based line number.
    let number: Int
    /// The whole file (shared, not copied).
    let storage: [UInt8]
    /// Byte range of the line's content, without its line break.
    let contentStart: Int
    let contentEnd: Int
    /// True when the line held invalid UTF-8 (decoded text has U+FFFD in its place).
    let wasRepaired: Bool
    /// Byte offset of the line's first byte.
    var startOffset: Int { contentStart }
    /// Byte offset just past this line and its line break.
    let endOffset: Int

    /// The line without its line break (CR, LF or CRLF).
    var text: String { string(fromOffset: 0) }

    /// True when the line has no bytes.
    var isEmpty: Bool { contentStart == contentEnd }

    /// The first byte, nil for an empty line.
    var firstByte: UInt8? { contentStart < contentEnd ? storage[contentStart] : nil }

    /// The byte `offset` bytes into the line, nil past its end.
    func byte(_ offset: Int) -> UInt8? {
        contentStart + offset < contentEnd ? storage[contentStart + offset] : nil
    }

    /// The text from `offset` bytes into the line to its end.
    func string(fromOffset offset: Int) -> String {
        let start = Swift.min(contentStart + offset, contentEnd)
        return storage.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<contentEnd]), as: UTF8.self)
        }
    }

    /// The tag of an RIS line (`XX  - value`, see ``TaggedLine/ris(_:)``) read from the bytes.
    func risTag() -> String? {
        guard let first = byte(0), let second = byte(1), first >= 0x41, first <= 0x5A,
            (second >= 0x41 && second <= 0x5A) || (second >= 0x30 && second <= 0x39),
            byte(2) == 0x20, byte(3) == 0x20, byte(4) == 0x2D
        else { return nil }
        if let after = byte(5), after != 0x20, after != 0x09 { return nil }
        return String(decoding: [first, second], as: UTF8.self)
    }

    /// The leading run of 2–`maxLength` capital letters and digits (starting with a letter) when a
    /// space, hyphen or the line end follows it: a candidate tag, read without decoding the line.
    func leadingTag(maxLength: Int) -> String? {
        var length = 0
        while let byte = byte(length), length <= maxLength,
            (byte >= 0x41 && byte <= 0x5A) || (length > 0 && byte >= 0x30 && byte <= 0x39)
        {
            length += 1
        }
        guard (2...maxLength).contains(length) else { return nil }
        if let next = byte(length), next != 0x20, next != 0x2D { return nil }
        return String(decoding: storage[contentStart..<contentStart + length], as: UTF8.self)
    }
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
            var repaired = false
            while nextInvalid < invalid.count, invalid[nextInvalid] < position {
                repaired = true
                nextInvalid += 1
            }
            return TextLine(
                number: number, storage: bytes, contentStart: start, contentEnd: end, wasRepaired: repaired,
                endOffset: position)
        }
    }
}

extension TextLines {
    /// The text of `bytes[start..<end]` without trailing line breaks (a record's raw text).
    static func rawText(_ bytes: [UInt8], from start: Int, to end: Int) -> String {
        var end = Swift.min(end, bytes.count)
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        guard start < end else { return "" }
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
        }
    }
}

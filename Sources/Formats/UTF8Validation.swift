/// A non-generic UTF-8 validator (RFC 3629 §4, Table 3-7 of the Unicode Standard).
///
/// Faster than `String(validating:as:)`, which is generic and instantiates metadata per call.
enum UTF8Validation {
    /// Length of the valid sequence starting at `index`, 0 when invalid, or -1 when the buffer ends
    /// inside an otherwise valid sequence.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let length: Int
        let low: UInt8
        let high: UInt8
        switch lead {
        case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
        case 0xED: (length, low, high) = (3, 0x80, 0x9F)
        case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
        case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
        default: return 0
        }
        for offset in 1..<length {
            guard index + offset < bytes.count else { return -1 }
            let byte = bytes[index + offset]
            let (minimum, maximum) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            if byte < minimum || byte > maximum { return 0 }
        }
        return length
    }

    /// Byte offsets of every invalid byte in `bytes` (an incomplete final sequence counts as invalid).
    static func invalidOffsets(_ bytes: UnsafeRawBufferPointer) -> [Int] {
        var offsets: [Int] = []
        var index = 0
        let count = bytes.count
        while index < count {
            // Skip ASCII eight bytes at a time.
            while index + 8 <= count,
                bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
            }
            guard index < count else { break }
            let length = sequenceLength(bytes, at: index)
            if length > 0 {
                index += length
            } else {
                offsets.append(index)
                index += 1
            }
        }
        return offsets
    }
}

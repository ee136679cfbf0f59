/// The sanitizer's scanner over UTF-8 bytes: linear, copies runs of harmless bytes in bulk, and is
/// fast enough for a 10 MB abstract even in a debug build. Same grammar as `TextSanitizer.clean`
/// describes (ECMA-48 §5.3–5.6); the input is valid UTF-8 (a Swift `String`), so a scalar's length
/// follows from its lead byte.
extension TextSanitizer {
    /// The cleaned UTF-8 bytes of `text`, or nil when cleaning would not change it.
    static func cleanUTF8(_ text: String, keepNewlines: Bool) -> [UInt8]? {
        var text = text
        return text.withUTF8 { cleanUTF8($0, keepNewlines: keepNewlines) }
    }

    /// The cleaned bytes, or nil when nothing needs removing or replacing.
    static func cleanUTF8(_ input: UnsafeBufferPointer<UInt8>, keepNewlines: Bool) -> [UInt8]? {
        let count = input.count
        var index = 0
        while index < count, !needsWork(input, index) { index += 1 }
        guard index < count else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(count)
        output.append(contentsOf: input[0..<index])
        let newline: UInt8 = keepNewlines ? 0x0A : 0x20
        while index < count {
            var runEnd = index
            while runEnd < count, !needsWork(input, runEnd) { runEnd += 1 }
            if runEnd > index { output.append(contentsOf: input[index..<runEnd]) }
            index = runEnd
            guard index < count else { break }
            let length = scalarLength(input[index])
            let value = scalarValue(input, index, length)
            index += length
            switch value {
            case 0x1B: index = skipEscape(input, index)
            case 0x9B: index = skipCSI(input, index)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: index = skipControlString(input, index)
            case 0x0D:
                if index < count, input[index] == 0x0A { index += 1 }
                output.append(newline)
            case 0x0A, 0x85, 0x2028, 0x2029: output.append(newline)
            case 0x09: output.append(0x20)
            default: break  // other C0/C1 controls, DEL and bidirectional overrides are dropped
            }
        }
        return output
    }

    /// Whether the scalar starting at `index` is removed or replaced (checked on its lead bytes).
    private static func needsWork(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x20 || byte == 0x7F { return true }
        if byte == 0xC2 { return index + 1 < bytes.count && bytes[index + 1] < 0xA0 }  // U+0080–U+009F
        if byte == 0xE2, index + 2 < bytes.count {
            let second = bytes[index + 1], third = bytes[index + 2]
            if second == 0x80 { return third == 0xA8 || third == 0xA9 || (third >= 0xAA && third <= 0xAE) }
            if second == 0x81 { return third >= 0xA6 && third <= 0xA9 }  // U+2066–U+2069
        }
        return false
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    private static func scalarValue(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ length: Int) -> UInt32 {
        let end = min(bytes.count, index + length)
        var value = UInt32(bytes[index]) & (length == 1 ? 0x7F : length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for position in (index + 1)..<max(index + 1, end) { value = value << 6 | UInt32(bytes[position] & 0x3F) }
        return value
    }

    /// After ESC: CSI, a control string, an nF sequence, or one more scalar.
    private static func skipEscape(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        guard start < bytes.count else { return start }
        let next = bytes[start]
        switch next {
        case UInt8(ascii: "["): return skipCSI(bytes, start + 1)
        case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"):
            return skipControlString(bytes, start + 1)
        case 0x20...0x2F:
            // nF sequences: intermediates 0x20–0x2F then one final scalar.
            var index = start + 1
            while index < bytes.count, bytes[index] >= 0x20 && bytes[index] <= 0x2F { index += 1 }
            return index < bytes.count ? index + scalarLength(bytes[index]) : index
        default:
            return start + scalarLength(next)
        }
    }

    /// Parameter and intermediate bytes 0x20–0x3F, then a final byte 0x40–0x7E; any other scalar
    /// ends the sequence and is removed with it.
    private static func skipCSI(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            index += scalarLength(byte)
            if byte < 0x20 || byte > 0x3F { return index }
        }
        return index
    }

    /// A control string runs to BEL, ST (U+009C) or ESC (with a following `\\`).
    private static func skipControlString(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x07 { return index + 1 }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x9C { return index + 2 }
            if byte == 0x1B {
                return index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\\") ? index + 2 : index + 1
            }
            index += scalarLength(byte)
        }
        return index
    }
}

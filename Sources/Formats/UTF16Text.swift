/// Exports written as UTF-16 (Web of Science's "Tab-delimited (Win, UTF-16)", some Windows tools)
/// are read as UTF-8: a file that starts with a UTF-16 byte-order mark (FF FE little-endian, FE FF
/// big-endian; Unicode Standard §23.8) is transcoded before detection and parsing.
enum UTF16Text {
    /// True when `bytes` start with a UTF-16 byte-order mark.
    static func hasByteOrderMark(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    }

    /// The UTF-8 bytes (with a UTF-8 byte-order mark in place of the UTF-16 one) of UTF-16 content
    /// that starts with a byte-order mark; nil when `bytes` have none. A trailing odd byte is
    /// dropped and unpaired surrogates become U+FFFD.
    static func utf8(_ bytes: [UInt8]) -> [UInt8]? {
        guard hasByteOrderMark(bytes) else { return nil }
        let bigEndian = bytes[0] == 0xFE
        let count = (bytes.count - 2) / 2
        var units = [UInt16](repeating: 0, count: count)
        for index in 0..<count {
            let high = UInt16(bytes[2 + 2 * index + (bigEndian ? 0 : 1)])
            let low = UInt16(bytes[2 + 2 * index + (bigEndian ? 1 : 0)])
            units[index] = high << 8 | low
        }
        return [0xEF, 0xBB, 0xBF] + Array(String(decoding: units, as: UTF16.self).utf8)
    }
}

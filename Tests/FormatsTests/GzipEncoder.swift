import TestSupport

/// Builds gzip streams (RFC 1952) around deflate *stored* blocks (RFC 1951 §3.2.4), so tests can
/// wrap any mutant in gzip without a compressor, and damage the framing on purpose.
enum GzipEncoder {
    /// A valid single-member gzip stream holding `content`.
    static func stored(_ content: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]
        var start = 0
        repeat {
            let end = min(content.count, start + 0xFFFF)
            let length = UInt16(end - start)
            out.append(end == content.count ? 0x01 : 0x00)  // BFINAL, BTYPE 00 (stored)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            out += content[start..<end]
            start = end
        } while start < content.count
        out += littleEndian(crc32(content))
        out += littleEndian(UInt32(truncatingIfNeeded: content.count))
        return out
    }

    /// `content` as one or two gzip members, sometimes with a wrong checksum, cut short or with
    /// trailing garbage.
    static func storedMembers(_ content: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        let cut = Int.random(in: 0...content.count, using: &rng)
        var out =
            Bool.random(using: &rng) ? stored(content) : stored(Array(content[..<cut])) + stored(Array(content[cut...]))
        switch Int.random(in: 0...5, using: &rng) {
        case 0: out[out.count - 5] ^= 0x5A  // checksum
        case 1: out.removeLast(Int.random(in: 1...min(out.count, 40), using: &rng))
        case 2: out += (0..<Int.random(in: 1...16, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        default: break
        }
        return out
    }

    /// CRC-32 (ISO 3309, reflected polynomial 0xEDB88320) as gzip's trailer uses it (RFC 1952 §8).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return ~crc
    }

    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}

/// `Analyzer.tokens(_:)` on UTF-8 bytes, for building a `TermIndex` quickly: it produces the
/// same tokens in the same order, as UTF-8 byte strings in a reused buffer instead of `String`s.
///
/// ASCII bytes (most of bibliographic text) are case-folded by a table lookup and never leave
/// the byte domain. Each maximal run of non-ASCII scalars is normalised by
/// `Analyzer.normalize(_:)` itself. That is exact because NFKD maps every ASCII scalar to itself
/// and canonical reordering (Unicode Standard Annex #15, §1.3 and D108 of the core spec) only
/// permutes non-starters between two starters, and every ASCII scalar is a starter (canonical
/// combining class 0): so NFKD of a text is the concatenation of the NFKD of its ASCII scalars
/// and of its non-ASCII runs, and the folding that follows is scalar by scalar.
/// The token rules are then applied to the normalised scalars exactly as `Analyzer` does.
struct TokenScanner {
    /// Normalised scalars of the current text.
    private var scalars: [UInt32] = []
    /// UTF-8 bytes of the token being built.
    private var token: [UInt8] = []
    /// Number of scalars in `token`.
    private var tokenLength = 0
    private let analyzer: Analyzer

    /// A scanner that normalises non-ASCII text with `analyzer`.
    init(analyzer: Analyzer) {
        self.analyzer = analyzer
        scalars.reserveCapacity(4096)
        token.reserveCapacity(64)
    }

    /// ASCII case folding: byte → lower-case byte.
    private static let lowerASCII: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 128)
        for byte in 0..<128 { table[byte] = byte >= 0x41 && byte <= 0x5A ? UInt8(byte + 32) : UInt8(byte) }
        return table
    }()
    /// ASCII letters and digits.
    private static let wordASCII: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for byte in 0x30...0x39 { table[byte] = true }
        for byte in 0x41...0x5A { table[byte] = true; table[byte + 32] = true }
        return table
    }()

    @inline(__always)
    private static func isWord(_ value: UInt32) -> Bool {
        if value < 0x80 { return wordASCII[Int(value)] }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return Analyzer.isWordScalar(scalar)
    }

    @inline(__always)
    private static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    /// Calls `emit` with the UTF-8 bytes of every token of `text`, in order (stop words kept).
    mutating func scan(_ text: String, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        normalize(text)
        let count = scalars.count
        tokenLength = 0
        token.removeAll(keepingCapacity: true)
        var index = 0
        while index < count {
            let scalar = scalars[index]
            if Self.isWord(scalar) {
                append(scalar)
            } else if tokenLength > 0, index + 1 < count, Self.isWord(scalars[index + 1]) {
                let previous = scalars[index - 1]
                let next = scalars[index + 1]
                switch scalar {
                case 0x2D, 0x2010, 0x2011:  // hyphen-minus, hyphen, non-breaking hyphen
                    append(0x2D)
                case 0x2E where Self.isDigit(previous) && Self.isDigit(next):
                    append(0x2E)
                case 0x27, 0x2019:  // apostrophe, right single quotation mark
                    let followedByS = next == 0x73 && (index + 2 >= count || !Self.isWord(scalars[index + 2]))
                    if followedByS { index += 1 }
                default:
                    flush(emit)
                }
            } else {
                flush(emit)
            }
            index += 1
        }
        flush(emit)
    }

    @inline(__always)
    private mutating func append(_ value: UInt32) {
        tokenLength += 1
        if value < 0x80 {
            token.append(UInt8(value))
        } else if let scalar = Unicode.Scalar(value) {
            token.append(contentsOf: scalar.utf8)
        }
    }

    @inline(__always)
    private mutating func flush(_ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        if tokenLength > 1 { token.withUnsafeBufferPointer { emit($0) } }
        tokenLength = 0
        token.removeAll(keepingCapacity: true)
    }

    /// Fills `scalars` with the normalised scalars of `text` (see the type's documentation).
    private mutating func normalize(_ text: String) {
        scalars.removeAll(keepingCapacity: true)
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    scalars.append(UInt32(Self.lowerASCII[Int(byte)]))
                    index += 1
                    continue
                }
                var end = index + 1
                while end < count && bytes[end] >= 0x80 { end += 1 }
                let run = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                for scalar in analyzer.normalize(run).unicodeScalars { scalars.append(scalar.value) }
                index = end
            }
        }
    }
}

/// An open-addressing hash table from byte strings (UTF-8 terms) to dense ids `0, 1, 2, …` in
/// insertion order, with every key stored once in a single arena. It replaces a
/// `[String: Int32]` on the hot path of `TermIndex` construction: no `String` is created per
/// token, the key is hashed once (FNV-1a, Fowler–Noll–Vo) and compared with `memcmp`-like loops.
///
/// Keys are compared byte for byte, so two canonically equivalent spellings get different ids
/// here; `TermIndexBuilder` merges ids through a `[String: Int32]` afterwards, which restores
/// `String` equality exactly.
struct ByteTermTable {
    /// Concatenated key bytes.
    private(set) var arena: [UInt8] = []
    /// Key `id` is `arena[starts[id] ..< starts[id + 1]]`.
    private(set) var starts: [Int32] = [0]
    /// Hash of each key, by id.
    private var hashes: [UInt32] = []
    /// Slot → id + 1 (0 = empty); its count is a power of two.
    private var slots: [Int32]

    /// An empty table sized for about `capacity` keys.
    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        arena.reserveCapacity(capacity * 8)
        starts.reserveCapacity(capacity + 1)
        hashes.reserveCapacity(capacity)
    }

    /// Number of keys.
    var count: Int { hashes.count }

    /// FNV-1a over the bytes.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for byte in key { h = (h ^ UInt32(byte)) &* 16_777_619 }
        return h
    }

    /// The id of `key`, inserting it (with the next id) when new.
    @inline(__always)
    mutating func id(inserting key: UnsafeBufferPointer<UInt8>) -> (id: Int32, inserted: Bool) {
        let h = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(h) & mask
        let found: Int32? = slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                starts.withUnsafeBufferPointer { starts in
                    hashes.withUnsafeBufferPointer { hashes in
                        while true {
                            let entry = slots[slot]
                            if entry == 0 { return nil }
                            let id = Int(entry - 1)
                            if hashes[id] == h {
                                let start = Int(starts[id])
                                let length = Int(starts[id + 1]) - start
                                if length == key.count {
                                    var equal = true
                                    for k in 0..<length where arena[start + k] != key[k] {
                                        equal = false
                                        break
                                    }
                                    if equal { return Int32(id) }
                                }
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
        if let found { return (found, false) }
        let id = Int32(hashes.count)
        arena.append(contentsOf: key)
        starts.append(Int32(arena.count))
        hashes.append(h)
        slots[slot] = id + 1
        if hashes.count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// The key of `id` as a string.
    func string(_ id: Int32) -> String {
        let range = Int(starts[Int(id)])..<Int(starts[Int(id) + 1])
        return arena[range].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (id, h) in hashes.enumerated() {
            var slot = Int(h) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(id + 1)
        }
        slots = bigger
    }
}

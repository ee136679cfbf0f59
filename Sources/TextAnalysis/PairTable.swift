/// An open-addressing hash table from 64-bit keys (packed id pairs) to dense ordinals in
/// insertion order (Fibonacci hashing, Knuth TAOCP vol. 3 §6.4).
struct PairTable {
    /// Keys by ordinal.
    private(set) var keys: [UInt64] = []
    /// Slot → ordinal + 1 (0 = empty).
    private var slots: [Int32]

    /// An empty table sized for about `capacity` keys.
    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        keys.reserveCapacity(capacity)
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The ordinal of `key`, inserting it when new.
    @inline(__always)
    mutating func ordinal(inserting key: UInt64) -> Int32 {
        let mask = slots.count - 1
        var slot = Self.slot(key, mask)
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if keys[Int(entry - 1)] == key { return entry - 1 }
            slot = (slot + 1) & mask
        }
        let ordinal = Int32(keys.count)
        keys.append(key)
        slots[slot] = ordinal + 1
        if keys.count * 2 > slots.count {
            var bigger = [Int32](repeating: 0, count: slots.count * 2)
            let biggerMask = bigger.count - 1
            for (index, key) in keys.enumerated() {
                var s = Self.slot(key, biggerMask)
                while bigger[s] != 0 { s = (s + 1) & biggerMask }
                bigger[s] = Int32(index + 1)
            }
            slots = bigger
        }
        return ordinal
    }
}

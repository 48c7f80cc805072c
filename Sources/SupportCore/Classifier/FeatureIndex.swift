/// Interns 64-bit feature hashes into compact indices `0..<count` (open addressing, linear probing).
///
/// A Swift `Dictionary` hashes its keys again with SipHash; our keys are already well mixed, so a
/// flat table is several times faster on the scoring path and allocates nothing on lookup.
struct FeatureIndex: Sendable {
    /// Slot keys; `0` marks an empty slot, so a real key of `0` is stored as `1`.
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    /// Number of interned features.
    private(set) var count = 0

    /// An empty index sized for about `expected` features.
    init(expected: Int = 1024) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: -1, count: capacity)
        mask = capacity - 1
    }

    @inline(__always)
    private static func slot(of key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
    }

    /// The index of `key`, or -1 when it was never interned.
    @inline(__always)
    func index(of hash: UInt64) -> Int32 {
        let key = hash == 0 ? 1 : hash
        var slot = Self.slot(of: key, mask: mask)
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// The index of `hash`, interning it with the next free index when new.
    mutating func intern(_ hash: UInt64) -> Int32 {
        let key = hash == 0 ? 1 : hash
        var slot = Self.slot(of: key, mask: mask)
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == 0 { break }
            slot = (slot + 1) & mask
        }
        let value = Int32(count)
        keys[slot] = key
        values[slot] = value
        count += 1
        if count * 2 > keys.count { grow() }
        return value
    }

    /// Keeps only the features whose old index maps to a new one (`remap[old] >= 0`).
    func remapped(_ remap: [Int32], keeping kept: Int) -> FeatureIndex {
        var result = FeatureIndex(expected: kept)
        for slot in keys.indices where keys[slot] != 0 {
            let new = remap[Int(values[slot])]
            if new >= 0 { result.insert(key: keys[slot], value: new) }
        }
        result.count = kept
        return result
    }

    private mutating func insert(key: UInt64, value: Int32) {
        var slot = Self.slot(of: key, mask: mask)
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = value
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let capacity = keys.count * 2
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for slot in oldKeys.indices where oldKeys[slot] != 0 { insert(key: oldKeys[slot], value: oldValues[slot]) }
    }
}

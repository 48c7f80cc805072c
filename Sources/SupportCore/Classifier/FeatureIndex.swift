/// Interns 64-bit feature hashes into compact indices `0..<count` (open addressing, linear probing).
///
/// Each slot is one `UInt64`: a 37-bit tag of the hash above the index, so a lookup touches a
/// single cache line. A Swift `Dictionary` would hash the (already well mixed) keys again with
/// SipHash and keep keys and values apart; this table is several times faster on the scoring path
/// and allocates nothing on lookup. Two hashes are confused only when their tags are equal (about
/// one chance in 10^11 per pair).
struct FeatureIndex: Sendable {
    private static let indexBits = 26
    /// Most features an index holds (2^26, about 67 million).
    static let capacityLimit = 1 << indexBits
    private static let indexMask: UInt64 = (1 << indexBits) - 1
    /// Set in every occupied slot, so `0` marks an empty one.
    private static let occupied: UInt64 = 1 << 63

    private var slots: [UInt64]
    private var mask: Int
    /// Number of interned features.
    private(set) var count = 0

    /// An empty index sized for about `expected` features.
    init(expected: Int = 1024) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// The first slot to probe for `tag`; it depends on the tag alone, so the table can grow
    /// without the full hashes.
    @inline(__always)
    private static func home(of tag: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (tag &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
    }

    /// The high bits of `hash` times an odd constant (a bijection, so every input bit reaches the
    /// tag even for hashes whose high bits are weak), marked as occupied.
    @inline(__always)
    private static func tag(of hash: UInt64) -> UInt64 { (hash &* 0xD6E8_FEB8_6659_FD93 & ~indexMask) | occupied }

    /// The index of `hash`, or -1 when it was never interned.
    @inline(__always)
    func index(of hash: UInt64) -> Int32 {
        let tag = Self.tag(of: hash)
        return slots.withUnsafeBufferPointer { slots in
            var slot = Self.home(of: tag, mask: mask)
            while true {
                let stored = slots[slot]
                if stored & ~Self.indexMask == tag { return Int32(truncatingIfNeeded: stored & Self.indexMask) }
                if stored == 0 { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The index of `hash`, interning it with the next free index when new.
    mutating func intern(_ hash: UInt64) -> Int32 {
        let found = index(of: hash)
        if found >= 0 { return found }
        precondition(count < Self.capacityLimit, "more than \(Self.capacityLimit) distinct features")
        let value = Int32(count)
        insert(Self.tag(of: hash), value: value)
        count += 1
        if count * 2 > slots.count { grow() }
        return value
    }

    /// Keeps only the features whose old index maps to a new one (`remap[old] >= 0`).
    func remapped(_ remap: [Int32], keeping kept: Int) -> FeatureIndex {
        var result = FeatureIndex(expected: kept)
        for stored in slots where stored != 0 {
            let new = remap[Int(stored & Self.indexMask)]
            if new >= 0 { result.insert(stored & ~Self.indexMask, value: new) }
        }
        result.count = kept
        return result
    }

    private mutating func insert(_ tag: UInt64, value: Int32) {
        var slot = Self.home(of: tag, mask: mask)
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = tag | UInt64(value)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for stored in old where stored != 0 { insert(stored & ~Self.indexMask, value: Int32(stored & Self.indexMask)) }
    }
}

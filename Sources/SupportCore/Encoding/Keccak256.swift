/// Keccak-256 with the original Keccak padding (`0x01`), as Ethereum uses it (EIP-55, addresses, tx hashes).
/// Not NIST SHA3-256, which pads with `0x06`.
public enum Keccak256 {
    /// The 32-byte Keccak-256 digest of `bytes`.
    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        if let digest = bytes.withContiguousStorageIfAvailable({ hash(UnsafeRawBufferPointer($0)) }) {
            return digest
        }
        return Array(bytes).withUnsafeBytes { hash($0) }
    }

    /// The sponge over contiguous bytes: whole blocks straight from memory, then the padded tail.
    private static func hash(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        let rate = 136  // (1600 - 2 * 256) / 8 bytes
        var state = [UInt64](repeating: 0, count: 25)
        let fullBlocks = input.count / rate
        state.withUnsafeMutableBufferPointer { lanes in
            for block in 0..<fullBlocks {
                absorb(UnsafeRawBufferPointer(rebasing: input[(block * rate)..<(block * rate + rate)]), into: lanes)
            }
            var tail = [UInt8](repeating: 0, count: rate)
            let remaining = input.count - fullBlocks * rate
            for index in 0..<remaining { tail[index] = input[fullBlocks * rate + index] }
            tail[remaining] ^= 0x01
            tail[rate - 1] ^= 0x80
            tail.withUnsafeBytes { absorb($0, into: lanes) }
        }
        var digest = [UInt8]()
        digest.reserveCapacity(32)
        for lane in 0..<4 {
            for shift in 0..<8 { digest.append(UInt8(truncatingIfNeeded: state[lane] >> (8 * UInt64(shift)))) }
        }
        return digest
    }

    /// XORs one rate-sized block (little-endian lanes) into the state and permutes.
    private static func absorb(_ block: UnsafeRawBufferPointer, into state: UnsafeMutableBufferPointer<UInt64>) {
        for lane in 0..<(block.count / 8) {
            var word: UInt64 = 0
            for shift in 0..<8 { word |= UInt64(block[8 * lane + shift]) << (8 * UInt64(shift)) }
            state[lane] ^= word
        }
        roundConstants.withUnsafeBufferPointer { constants in
            rotations.withUnsafeBufferPointer { rotations in
                piLanes.withUnsafeBufferPointer { piLanes in
                    permute(state, constants, rotations, piLanes)
                }
            }
        }
    }

    private static let roundConstants: [UInt64] = [
        0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808A, 0x8000_0000_8000_8000,
        0x0000_0000_0000_808B, 0x0000_0000_8000_0001, 0x8000_0000_8000_8081, 0x8000_0000_0000_8009,
        0x0000_0000_0000_008A, 0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000A,
        0x0000_0000_8000_808B, 0x8000_0000_0000_008B, 0x8000_0000_0000_8089, 0x8000_0000_0000_8003,
        0x8000_0000_0000_8002, 0x8000_0000_0000_0080, 0x0000_0000_0000_800A, 0x8000_0000_8000_000A,
        0x8000_0000_8000_8081, 0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
    ]

    /// Rotation offsets and lane order of the combined rho and pi steps.
    private static let rotations: [UInt64] = [
        1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44,
    ]
    private static let piLanes: [Int] = [
        10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1,
    ]

    @inline(__always)
    private static func rotateLeft(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    /// Keccak-f[1600], 24 rounds, in place.
    private static func permute(
        _ a: UnsafeMutableBufferPointer<UInt64>, _ roundConstants: UnsafeBufferPointer<UInt64>,
        _ rotations: UnsafeBufferPointer<UInt64>, _ piLanes: UnsafeBufferPointer<Int>
    ) {
        for round in 0..<24 {
            // Theta
            let c0 = a[0] ^ a[5] ^ a[10] ^ a[15] ^ a[20]
            let c1 = a[1] ^ a[6] ^ a[11] ^ a[16] ^ a[21]
            let c2 = a[2] ^ a[7] ^ a[12] ^ a[17] ^ a[22]
            let c3 = a[3] ^ a[8] ^ a[13] ^ a[18] ^ a[23]
            let c4 = a[4] ^ a[9] ^ a[14] ^ a[19] ^ a[24]
            let d0 = c4 ^ rotateLeft(c1, 1)
            let d1 = c0 ^ rotateLeft(c2, 1)
            let d2 = c1 ^ rotateLeft(c3, 1)
            let d3 = c2 ^ rotateLeft(c4, 1)
            let d4 = c3 ^ rotateLeft(c0, 1)
            for y in stride(from: 0, to: 25, by: 5) {
                a[y] ^= d0
                a[y + 1] ^= d1
                a[y + 2] ^= d2
                a[y + 3] ^= d3
                a[y + 4] ^= d4
            }
            // Rho and pi
            var current = a[1]
            for index in 0..<24 {
                let lane = piLanes[index]
                let saved = a[lane]
                a[lane] = rotateLeft(current, rotations[index])
                current = saved
            }
            // Chi
            for y in stride(from: 0, to: 25, by: 5) {
                let b0 = a[y]
                let b1 = a[y + 1]
                let b2 = a[y + 2]
                let b3 = a[y + 3]
                let b4 = a[y + 4]
                a[y] = b0 ^ (~b1 & b2)
                a[y + 1] = b1 ^ (~b2 & b3)
                a[y + 2] = b2 ^ (~b3 & b4)
                a[y + 3] = b3 ^ (~b4 & b0)
                a[y + 4] = b4 ^ (~b0 & b1)
            }
            // Iota
            a[0] ^= roundConstants[round]
        }
    }
}

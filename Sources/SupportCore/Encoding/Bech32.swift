/// Bech32 (BIP-173) and Bech32m (BIP-350) strings: human-readable part, data values, checksum variant.
public enum Bech32 {
    /// Which checksum constant a string satisfies.
    public enum Variant: String, Sendable, Hashable {
        /// BIP-173, constant 1: SegWit v0.
        case bech32
        /// BIP-350, constant 0x2bc830a3: SegWit v1 and later.
        case bech32m

        var constant: UInt32 {
            switch self {
            case .bech32: 1
            case .bech32m: 0x2bc8_30a3
            }
        }
    }

    /// A decoded string: lower-case HRP, 5-bit data values without the checksum, and the variant.
    public struct Decoded: Hashable, Sendable {
        public var hrp: String
        public var data: [UInt8]
        public var variant: Variant
    }

    /// `qpzry9x8gf2tvdw0s3jn54khce6mua7l`.
    public static let charset: [UInt8] = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)

    private static let charsetValues: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (index, char) in charset.enumerated() { table[Int(char)] = Int8(index) }
        return table
    }()

    private static let generator: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]

    static func polymod(_ values: [UInt8]) -> UInt32 {
        var checksum: UInt32 = 1
        for value in values {
            let top = checksum >> 25
            checksum = (checksum & 0x1ff_ffff) << 5 ^ UInt32(value)
            for bit in 0..<5 where (top >> bit) & 1 == 1 { checksum ^= generator[bit] }
        }
        return checksum
    }

    static func expand(hrp: [UInt8]) -> [UInt8] {
        hrp.map { $0 >> 5 } + [0] + hrp.map { $0 & 31 }
    }

    /// Decodes a Bech32 or Bech32m string (≤ 90 characters, not mixed case); nil if anything is invalid.
    public static func decode(_ text: some StringProtocol) -> Decoded? {
        let utf8 = Array(text.utf8)
        guard utf8.count <= 90 else { return nil }
        var hasLower = false
        var hasUpper = false
        for char in utf8 {
            guard char >= 33, char <= 126 else { return nil }
            if char >= UInt8(ascii: "a"), char <= UInt8(ascii: "z") { hasLower = true }
            if char >= UInt8(ascii: "A"), char <= UInt8(ascii: "Z") { hasUpper = true }
        }
        guard !(hasLower && hasUpper) else { return nil }
        let lower = utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }
        guard let separator = lower.lastIndex(of: UInt8(ascii: "1")), separator >= 1,
            lower.count - separator - 1 >= 6
        else { return nil }
        let hrp = Array(lower[..<separator])
        var data = [UInt8]()
        data.reserveCapacity(lower.count - separator - 1)
        for char in lower[(separator + 1)...] {
            guard char < 128, charsetValues[Int(char)] >= 0 else { return nil }
            data.append(UInt8(charsetValues[Int(char)]))
        }
        let check = polymod(expand(hrp: hrp) + data)
        let variant: Variant
        switch check {
        case Variant.bech32.constant: variant = .bech32
        case Variant.bech32m.constant: variant = .bech32m
        default: return nil
        }
        return Decoded(hrp: String(decoding: hrp, as: UTF8.self), data: Array(data.dropLast(6)), variant: variant)
    }

    /// Encodes lower-case `hrp` and 5-bit `data` with the checksum of `variant`.
    public static func encode(hrp: String, data: [UInt8], variant: Variant) -> String {
        let hrpBytes = Array(hrp.lowercased().utf8)
        let values = expand(hrp: hrpBytes) + data + [0, 0, 0, 0, 0, 0]
        let check = polymod(values) ^ variant.constant
        var out = hrpBytes + [UInt8(ascii: "1")]
        for value in data { out.append(charset[Int(value & 31)]) }
        for index in 0..<6 { out.append(charset[Int((check >> (5 * (5 - UInt32(index)))) & 31)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Regroups bit values (`from`-bit groups into `to`-bit groups), as BIP-173's `convertbits`.
    /// With `pad` false, leftover bits must be fewer than `from` and all zero (BIP-173 "≤ 4 zero padding bits").
    static func convertBits(_ values: [UInt8], from: Int, to: Int, pad: Bool) -> [UInt8]? {
        var accumulator = 0
        var bits = 0
        let maxValue = (1 << to) - 1
        var out = [UInt8]()
        out.reserveCapacity(values.count * from / to + 1)
        for value in values {
            guard Int(value) >> from == 0 else { return nil }
            accumulator = (accumulator << from) | Int(value)
            bits += from
            while bits >= to {
                bits -= to
                out.append(UInt8((accumulator >> bits) & maxValue))
            }
            accumulator &= (1 << bits) - 1
        }
        if pad {
            if bits > 0 { out.append(UInt8((accumulator << (to - bits)) & maxValue)) }
        } else if bits >= from || (accumulator << (to - bits)) & maxValue != 0 {
            return nil
        }
        return out
    }
}

/// A SegWit address (BIP-173 / BIP-350): witness version and program.
public struct SegWitAddress: Hashable, Sendable {
    /// Witness version 0–16.
    public var version: Int
    /// Witness program, 2–40 bytes (20 or 32 for v0).
    public var program: [UInt8]

    /// Decodes `address` for human-readable part `hrp` (`bc` mainnet, `tb` testnet, `bcrt` regtest);
    /// nil unless the HRP matches and every BIP-350 rule holds (v0 ⇒ Bech32, v1+ ⇒ Bech32m).
    public static func decode(hrp: String, address: some StringProtocol) -> (version: Int, program: [UInt8])? {
        guard let decoded = Bech32.decode(address), decoded.hrp == hrp.lowercased(),
            let version = decoded.data.first, version <= 16,
            let program = Bech32.convertBits(Array(decoded.data.dropFirst()), from: 5, to: 8, pad: false),
            (2...40).contains(program.count)
        else { return nil }
        if version == 0 {
            guard program.count == 20 || program.count == 32, decoded.variant == .bech32 else { return nil }
        } else {
            guard decoded.variant == .bech32m else { return nil }
        }
        return (Int(version), program)
    }

    /// Decodes an address with any of the HRPs `bc`, `tb`, `bcrt`, returning the HRP too.
    public static func decodeAnyNetwork(_ address: some StringProtocol) -> (hrp: String, address: SegWitAddress)? {
        for hrp in ["bc", "tb", "bcrt"] {
            if let (version, program) = decode(hrp: hrp, address: address) {
                return (hrp, SegWitAddress(version: version, program: program))
            }
        }
        return nil
    }

    public init(version: Int, program: [UInt8]) {
        self.version = version
        self.program = program
    }

    /// The output script: `OP_n` (0x00, or 0x50 + n) ‖ program length ‖ program.
    public var scriptPubKey: [UInt8] {
        [version == 0 ? 0 : UInt8(0x50 + version), UInt8(program.count)] + program
    }

    /// The address text for `hrp`, lower-case, with the checksum variant its version requires.
    public func encoded(hrp: String) -> String {
        let data = [UInt8(version)] + (Bech32.convertBits(program, from: 8, to: 5, pad: true) ?? [])
        return Bech32.encode(hrp: hrp, data: data, variant: version == 0 ? .bech32 : .bech32m)
    }
}

/// EIP-55 mixed-case checksum of EVM addresses (ethereum/ERCs `ERCS/erc-55.md`).
public enum EIP55 {
    /// What the case of a `0x` + 40-hex address says.
    public enum Status: Sendable, Hashable {
        /// All lower or all upper case: a valid address that carries no checksum.
        case unchecked
        /// Mixed case equal to the EIP-55 encoding.
        case valid
        /// Mixed case that differs from the EIP-55 encoding: probably a typo.
        case invalid
    }

    /// The EIP-55 form (`0x` + checksummed body) of 40 hex digits, with or without `0x`; nil if not 40 hex.
    public static func checksummed(_ address: some StringProtocol) -> String? {
        var body = Array(address.utf8)
        if body.count == 42, body[0] == UInt8(ascii: "0"), body[1] | 0x20 == UInt8(ascii: "x") {
            body.removeFirst(2)
        }
        guard body.count == 40, body.allSatisfy({ Hex.value(of: $0) != nil }) else { return nil }
        let lower = body.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "F") ? $0 + 32 : $0 }
        let hash = Keccak256.hash(lower)
        var out: [UInt8] = [UInt8(ascii: "0"), UInt8(ascii: "x")]
        out.reserveCapacity(42)
        for (index, char) in lower.enumerated() {
            let nibble = index % 2 == 0 ? hash[index / 2] >> 4 : hash[index / 2] & 0x0F
            out.append(char >= UInt8(ascii: "a") && nibble >= 8 ? char - 32 : char)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The checksum status of `0x` + 40 hex digits; nil if `address` is not that shape.
    public static func status(of address: some StringProtocol) -> Status? {
        guard let expected = checksummed(address), address.utf8.count == 42 else { return nil }
        let letters = address.utf8.dropFirst(2).filter { $0 > UInt8(ascii: "9") }
        let hasLower = letters.contains { $0 >= UInt8(ascii: "a") }
        let hasUpper = letters.contains { $0 < UInt8(ascii: "a") }
        if !(hasLower && hasUpper) { return .unchecked }
        return address.dropFirst(2).elementsEqual(expected.dropFirst(2)) ? .valid : .invalid
    }
}

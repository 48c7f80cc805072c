/// Base58 with the Bitcoin alphabet (also TRON and Solana), and Base58Check (payload ‖ 4-byte double-SHA256).
public enum Base58 {
    /// `123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz`: no `0`, `O`, `I`, `l`.
    public static let alphabet: [UInt8] = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (index, char) in alphabet.enumerated() { table[Int(char)] = Int8(index) }
        return table
    }()

    /// Base58 text of `bytes`; each leading zero byte becomes a leading `1`.
    public static func encode(_ bytes: [UInt8]) -> String {
        let zeros = bytes.prefix(while: { $0 == 0 }).count
        // Base-58 digits, least significant first.
        var digits = [UInt8]()
        digits.reserveCapacity(bytes.count * 138 / 100 + 1)
        for byte in bytes[zeros...] {
            var carry = Int(byte)
            for index in digits.indices {
                carry += Int(digits[index]) << 8
                digits[index] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 {
                digits.append(UInt8(carry % 58))
                carry /= 58
            }
        }
        var out = [UInt8](repeating: alphabet[0], count: zeros)
        out.reserveCapacity(zeros + digits.count)
        for digit in digits.reversed() { out.append(alphabet[Int(digit)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of Base58 text; nil on any character outside the alphabet, on empty text, or on text longer
    /// than 512 characters (decoding is quadratic, and no address or key is that long).
    public static func decode(_ s: some StringProtocol) -> [UInt8]? {
        let utf8 = Array(s.utf8)
        guard !utf8.isEmpty, utf8.count <= 512 else { return nil }
        let ones = utf8.prefix(while: { $0 == alphabet[0] }).count
        // Bytes, least significant first.
        var bytes = [UInt8]()
        bytes.reserveCapacity(utf8.count * 733 / 1000 + 1)
        for char in utf8[ones...] {
            let value = values[Int(char)]
            guard value >= 0 else { return nil }
            var carry = Int(value)
            for index in bytes.indices {
                carry += Int(bytes[index]) * 58
                bytes[index] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.append(UInt8(carry & 0xFF))
                carry >>= 8
            }
        }
        return [UInt8](repeating: 0, count: ones) + bytes.reversed()
    }

    /// Base58Check text of `payload`: payload ‖ first 4 bytes of SHA256(SHA256(payload)).
    public static func encodeCheck(_ payload: [UInt8]) -> String {
        encode(payload + SHA256.doubleHash(payload).prefix(4))
    }

    /// The payload of Base58Check text without its 4-byte checksum; nil if not Base58 or the checksum fails.
    public static func decodeCheck(_ s: some StringProtocol) -> [UInt8]? {
        guard let bytes = decode(s), bytes.count >= 4 else { return nil }
        let payload = Array(bytes.dropLast(4))
        guard SHA256.doubleHash(payload).prefix(4).elementsEqual(bytes.suffix(4)) else { return nil }
        return payload
    }

    /// True if every character of `s` is in the Base58 alphabet (and `s` is non-empty).
    public static func isBase58(_ s: some StringProtocol) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { values[Int($0)] >= 0 }
    }
}

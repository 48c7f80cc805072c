import Foundation

/// Addresses of two networks the desk stores as `other`, recognised by their own checksums so a
/// report that asks the wallet address before the network does not dead-end for their users: XRP
/// Ledger classic addresses (Base58Check in Ripple's alphabet, version 0) and TON user-friendly
/// addresses (36 bytes in base64 or base64url, CRC-16/XMODEM at the end).
enum OtherNetworkAddress {
    /// The address as written and the network's name, for the first such address in `text`.
    static func first(in text: String) -> (address: String, network: String)? {
        for token in text.split(whereSeparator: { $0.isWhitespace || ",，;；:：()（）<>\"'".contains($0) }) {
            if isXRP(token) { return (String(token), "XRP Ledger") }
            if isTON(token) { return (String(token), "TON") }
        }
        return nil
    }

    /// `rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz`: Bitcoin's Base58 characters in
    /// another order. Each character is mapped to the Bitcoin character of the same value.
    private static let rippleToBitcoin: [UInt8: UInt8] = {
        let ripple = Array("rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz".utf8)
        return Dictionary(uniqueKeysWithValues: zip(ripple, Base58.alphabet))
    }()

    static func isXRP(_ token: Substring) -> Bool {
        let utf8 = token.utf8
        guard (25...35).contains(utf8.count), utf8.first == UInt8(ascii: "r") else { return false }
        var mapped: [UInt8] = []
        mapped.reserveCapacity(utf8.count)
        for byte in utf8 {
            guard let bitcoin = rippleToBitcoin[byte] else { return false }
            mapped.append(bitcoin)
        }
        guard let payload = Base58.decodeCheck(String(decoding: mapped, as: UTF8.self)) else { return false }
        return payload.count == 21 && payload[0] == 0
    }

    static func isTON(_ token: Substring) -> Bool {
        guard token.utf8.count == 48 else { return false }
        let standard = String(token).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard let data = Data(base64Encoded: standard), data.count == 36 else { return false }
        let bytes = [UInt8](data)
        // Tag 0x11 (bounceable) or 0x51 (non-bounceable), either with the test-only flag 0x80; then
        // the workchain (0, or 0xFF for -1).
        guard [0x11, 0x51, 0x91, 0xD1].contains(bytes[0]), bytes[1] == 0 || bytes[1] == 0xFF else { return false }
        return crc16(bytes[0..<34]) == UInt16(bytes[34]) << 8 | UInt16(bytes[35])
    }

    /// CRC-16/XMODEM (polynomial 0x1021, initial 0).
    private static func crc16(_ bytes: ArraySlice<UInt8>) -> UInt16 {
        var crc: UInt16 = 0
        for byte in bytes {
            crc ^= UInt16(byte) << 8
            for _ in 0..<8 { crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x1021 : crc << 1 }
        }
        return crc
    }
}

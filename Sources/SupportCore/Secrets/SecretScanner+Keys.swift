import Foundation

// MARK: - Keys written as one token (hex, WIF, xprv, BIP-38, Solana Base58)

extension SecretScanner {
    /// secp256k1 group order n: a raw key k must satisfy 1 ≤ k < n.
    static let curveOrder: [UInt8] =
        Hex.decode("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141") ?? []

    /// Four-letter version prefixes of extended private keys (BIP-32 and SLIP-0132).
    static let extendedPrivatePrefixes: Set<String> = [
        "xprv", "yprv", "zprv", "Yprv", "Zprv", "tprv", "uprv", "vprv", "Uprv", "Vprv",
    ]

    /// Spans of key-shaped ASCII tokens (maximal runs of letters and digits).
    func keySpans(in scalars: [Unicode.Scalar], expectingTransactionID: Bool) -> [SecretSpan] {
        var spans: [SecretSpan] = []
        var start = 0
        var position = 0
        while position <= scalars.count {
            let isAlnum = position < scalars.count && Self.isASCIIAlphanumeric(scalars[position])
            if !isAlnum {
                if position - start >= SecretCandidates.minimumKeyLength {
                    let range = start..<position
                    let token = scalars[range].map { UInt8(truncatingIfNeeded: $0.value) }
                    if let kind = classify(token) {
                        let context = KeyContext(scalars: scalars, token: range)
                        switch kind {
                        case .ambiguous(let secretKind):
                            if !context.isTransactionID(expecting: expectingTransactionID) {
                                spans.append(SecretSpan(range: range, kind: secretKind))
                            }
                        case .secret(let secretKind):
                            spans.append(SecretSpan(range: range, kind: secretKind))
                        }
                    }
                }
                start = position + 1
            }
            position += 1
        }
        return spans
    }

    /// What a token is, if it is key-shaped.
    enum TokenClass: Equatable {
        /// Certainly a secret.
        case secret(SecretKind)
        /// A secret or a transaction id; context decides.
        case ambiguous(SecretKind)
    }

    func classify(_ token: [UInt8]) -> TokenClass? {
        var hexBody = token[...]
        if token.count == 66, token[0] == UInt8(ascii: "0"), token[1] | 0x20 == UInt8(ascii: "x") {
            hexBody = token.dropFirst(2)
        }
        if hexBody.count == 64, hexBody.allSatisfy({ Hex.value(of: $0) != nil }) {
            guard let bytes = Hex.decode(String(decoding: hexBody, as: UTF8.self)) else { return nil }
            return Self.isInCurveRange(bytes) ? .ambiguous(.privateKey) : nil
        }
        let text = String(decoding: token, as: UTF8.self)
        guard Base58.isBase58(text) else { return nil }
        switch token.count {
        case 51, 52:
            return Self.isWIF(text) ? .secret(.wif) : nil
        case 58 where text.hasPrefix("6P"):
            // BIP-38: "6P" + 56 Base58 characters is unmistakable; a typo still leaves an encrypted key.
            return .secret(.bip38)
        case 111 where Self.extendedPrivatePrefixes.contains(String(text.prefix(4))):
            // 78-byte Base58Check; a typo'd xprv is still a private key, so the checksum is not required.
            return .secret(.extendedPrivateKey)
        case 80...90:
            return Base58.decode(text)?.count == 64 ? .ambiguous(.solanaKeypair) : nil
        default:
            return nil
        }
    }

    static func isWIF(_ text: String) -> Bool {
        guard let payload = Base58.decodeCheck(text), let version = payload.first,
            version == 0x80 || version == 0xEF
        else { return false }
        return payload.count == 33 || (payload.count == 34 && payload.last == 0x01)
    }

    static func isInCurveRange(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 32, bytes.contains(where: { $0 != 0 }) else { return false }
        return bytes.lexicographicallyPrecedes(curveOrder)
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }
}

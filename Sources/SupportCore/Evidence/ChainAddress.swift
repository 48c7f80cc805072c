/// A recognised blockchain address: which format family it belongs to and its canonical text.
public struct ChainAddress: Hashable, Sendable {
    /// Address formats. EVM addresses are shared by every EVM chain, so they name no single chain.
    public enum Family: String, Hashable, Sendable, CaseIterable {
        case evm, tron, bitcoin, solana

        /// The chain an address of this family settles, if exactly one.
        public var chain: Chain? {
            switch self {
            case .evm: nil
            case .tron: .tron
            case .bitcoin: .bitcoin
            case .solana: .solana
            }
        }

        /// True if addresses of this family are valid on `chain` (`other` accepts every family).
        public func isValid(on chain: Chain) -> Bool {
            switch self {
            case .evm: chain.isEVM || chain == .other
            case .tron, .bitcoin, .solana: self.chain == chain || chain == .other
            }
        }
    }

    /// What a token looks like as an address.
    public enum Parse: Hashable, Sendable {
        /// A valid address.
        case valid(ChainAddress)
        /// The right shape for `family`, but the checksum fails (a mistyped character).
        case badChecksum(Family)

        /// The address when it is valid.
        public var validAddress: ChainAddress? {
            if case .valid(let address) = self { return address }
            return nil
        }
    }

    public var family: Family
    /// EIP-55 for EVM, lower case for Bech32, as written for Base58.
    public var canonical: String

    public init(family: Family, canonical: String) {
        self.family = family
        self.canonical = canonical
    }

    /// Classifies one token (no spaces) as an address; nil if it has no address shape at all.
    public static func parse(_ token: some StringProtocol) -> Parse? {
        let text = String(token)
        let utf8 = text.utf8
        // EVM: 0x + 40 hex.
        if utf8.count == 42, text.hasPrefix("0x") || text.hasPrefix("0X") {
            guard let status = EIP55.status(of: "0x" + text.dropFirst(2)),
                let canonical = EIP55.checksummed(text)
            else { return nil }
            return status == .invalid ? .badChecksum(.evm) : .valid(ChainAddress(family: .evm, canonical: canonical))
        }
        // Bitcoin SegWit (Bech32 / Bech32m).
        let lower = text.lowercased()
        if lower.hasPrefix("bc1") || lower.hasPrefix("tb1") || lower.hasPrefix("bcrt1") {
            if SegWitAddress.decodeAnyNetwork(text) != nil {
                return .valid(ChainAddress(family: .bitcoin, canonical: lower))
            }
            let body = lower.drop(while: { $0 != "1" }).dropFirst()
            let looksBech32 =
                (14...74).contains(utf8.count) && body.allSatisfy { Bech32.charset.contains($0.asciiValue ?? 0) }
            return looksBech32 ? .badChecksum(.bitcoin) : nil
        }
        // Base58 families, told apart by decoded length and version byte.
        guard (26...44).contains(utf8.count), let bytes = Base58.decode(text) else { return nil }
        if bytes.count == 25 {
            let family: Family
            switch bytes[0] {
            case 0x41 where text.hasPrefix("T"): family = .tron
            case 0x00, 0x05, 0x6F, 0xC4: family = .bitcoin
            default: return nil
            }
            guard Base58.decodeCheck(text) != nil else { return .badChecksum(family) }
            return .valid(ChainAddress(family: family, canonical: text))
        }
        if bytes.count == 32, utf8.count >= 32 {
            return .valid(ChainAddress(family: .solana, canonical: text))
        }
        return nil
    }

    /// Every address-shaped token in free text ("my address is 0x…"), in order of appearance.
    public static func findAll(in text: some StringProtocol) -> [Parse] {
        PhraseMatcher.alphanumericTokens(text).compactMap { parse($0) }
    }
}

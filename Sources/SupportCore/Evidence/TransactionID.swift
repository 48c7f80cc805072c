/// A transaction id as users paste it: bare, or inside a block-explorer URL that also names the chain.
public struct TransactionID: Hashable, Sendable {
    /// Shapes of transaction ids.
    public enum Format: String, Hashable, Sendable {
        /// `0x` + 64 hex (Keccak-256): every EVM chain.
        case evm
        /// 64 hex without `0x`: TRON and Bitcoin.
        case hex64
        /// Base58 of a 64-byte signature: Solana.
        case solanaSignature = "solana_signature"
    }

    /// Canonical id: lower-case hex (with `0x` for EVM) or the Base58 signature as written.
    public var value: String
    public var format: Format
    /// The chain named by the explorer URL the id came from, if any.
    public var chainFromURL: Chain?

    /// Explorer hosts and the chain each serves. Matched on the host or any of its subdomains,
    /// longest suffix first (so `optimistic.etherscan.io` is Optimism, not Ethereum).
    public static let explorers: [(host: String, chain: Chain?)] = [
        ("optimistic.etherscan.io", .optimism), ("etherscan.io", .ethereum), ("bscscan.com", .bsc),
        ("polygonscan.com", .polygon), ("arbiscan.io", .arbitrum), ("basescan.org", .base),
        ("snowtrace.io", .avalanche), ("snowscan.xyz", .avalanche), ("tronscan.org", .tron), ("tronscan.io", .tron),
        ("solscan.io", .solana), ("explorer.solana.com", .solana), ("solana.fm", .solana),
        ("mempool.space", .bitcoin), ("blockstream.info", .bitcoin), ("blockchain.com", .bitcoin),
        ("blockchair.com", nil), ("oklink.com", nil),
    ].sorted { $0.0.count > $1.0.count }

    /// Path segments of blockchair/oklink URLs that name a chain.
    private static let pathChains: [String: Chain] = [
        "bitcoin": .bitcoin, "btc": .bitcoin, "ethereum": .ethereum, "eth": .ethereum, "bnb": .bsc, "bsc": .bsc,
        "polygon": .polygon, "arbitrum": .arbitrum, "arbitrum-one": .arbitrum, "optimism": .optimism,
        "base": .base, "avalanche": .avalanche, "avaxc": .avalanche, "tron": .tron, "trx": .tron, "solana": .solana,
    ]

    /// Classifies one bare token as a transaction id; nil if it has no id shape.
    public static func parse(_ token: some StringProtocol, chainFromURL: Chain? = nil) -> TransactionID? {
        let text = String(token)
        let count = text.utf8.count
        if count == 66, text.hasPrefix("0x") || text.hasPrefix("0X"), Hex.isHexDigits(text.dropFirst(2)) {
            return TransactionID(value: "0x" + text.dropFirst(2).lowercased(), format: .evm, chainFromURL: chainFromURL)
        }
        if count == 64, Hex.isHexDigits(text) {
            return TransactionID(value: text.lowercased(), format: .hex64, chainFromURL: chainFromURL)
        }
        if (64...88).contains(count), let bytes = Base58.decode(text), bytes.count == 64 {
            return TransactionID(value: text, format: .solanaSignature, chainFromURL: chainFromURL)
        }
        return nil
    }

    /// The id inside an explorer URL (`etherscan.io/tx/0x…`, `tronscan.org/#/transaction/…`), with its chain.
    /// Returns nil when `text` is not an explorer URL; `.some(nil)` when it is one without a valid id.
    static func fromExplorerURL(_ text: String) -> TransactionID?? {
        // Every explorer host has a dot. Host normalisation (NFKC) folds several other characters
        // into one but leaves ASCII alone, so an ASCII answer without "." (a bare id, the usual
        // answer) cannot be a URL and skips parsing; anything else is parsed.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 >= 0x80 }), let web = WebAddress.parse(text)
        else { return nil }
        guard let explorer = explorers.first(where: { web.host == $0.host || web.host.hasSuffix("." + $0.host) })
        else { return nil }
        // The id is the path segment after tx / transaction / txs (tronscan puts it after `#/`).
        let segments = (web.path + "/" + web.fragment).split(whereSeparator: { "/#?&=".contains($0) }).map(String.init)
        var chain = explorer.chain
        if chain == nil {
            chain = segments.lazy.compactMap { pathChains[$0.lowercased()] }.first
        }
        for (index, segment) in segments.enumerated()
        where ["tx", "txs", "transaction", "transactions"].contains(segment.lowercased()) && index + 1 < segments.count
        {
            return .some(parse(segments[index + 1], chainFromURL: chain))
        }
        return .some(segments.lazy.compactMap { parse($0, chainFromURL: chain) }.first)
    }

    /// True if this id has the shape transactions on `chain` have.
    public func isValid(on chain: Chain) -> Bool {
        if let chainFromURL, chainFromURL != chain, chain != .other { return false }
        switch chain {
        case .ethereum, .bsc, .polygon, .arbitrum, .optimism, .base, .avalanche: return format == .evm
        case .tron, .bitcoin: return format == .hex64
        case .solana: return format == .solanaSignature
        case .other: return true
        }
    }
}

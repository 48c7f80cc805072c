/// The names people use for chains ("ERC20", "以太坊", "bnb chain", "波场"…), mapped to `Chain`.
public enum ChainName {
    /// Aliases per chain, already normalised (lower case, NFKC). Longer aliases win over shorter ones.
    public static let aliases: [Chain: [String]] = listedAliases.merging([.other: otherAliases]) { $0 + $1 }

    private static let listedAliases: [Chain: [String]] = [
        .ethereum: [
            "ethereum", "eth", "erc20", "erc-20", "erc 20", "ether", "ethereum mainnet", "以太坊", "以太", "以太链", "eth链",
        ],
        .bsc: [
            "bsc", "bep20", "bep-20", "bep 20", "bnb chain", "bnb smart chain", "bnbchain", "bnb",
            "binance smart chain",
            "binance chain", "币安链", "币安智能链", "币安", "bsc链", "bnb链",
        ],
        .polygon: ["polygon", "matic", "pol", "polygon pos", "马蹄链", "马蹄", "polygon链"],
        .arbitrum: ["arbitrum", "arbitrum one", "arb", "arb链"],
        .optimism: ["optimism", "op", "op mainnet", "op链"],
        .base: ["base", "base chain", "base链"],
        .avalanche: ["avalanche", "avax", "avax c-chain", "c-chain", "avalanche c-chain", "雪崩", "雪崩链"],
        // "地址是T开头的": the address shape names the network where the user cannot.
        .tron: [
            "tron", "trx", "trc20", "trc-20", "trc 20", "波场", "波场链", "trx链", "t开头", "t字头", "starts with t",
            "starting with t", "begins with t",
        ],
        .bitcoin: ["bitcoin", "btc", "比特币", "比特币链", "btc链", "bc1开头", "starts with bc1"],
        .solana: ["solana", "sol", "索拉纳", "sol链"],
        .other: ["other", "others", "something else", "其他", "其它", "别的", "其他链"],
    ]

    /// Networks the desk does not list one by one: named, they are "other" rather than unknown. Their
    /// names, except those taken only as the whole answer ("ton"), in a fixed order.
    private static let otherAliases: [String] =
        otherNetworks.keys.sorted().flatMap { otherNetworks[$0] ?? [] }.filter { answerOnlyAliases[$0] == nil }

    /// Network names taken only as the whole answer ("TON"), never from inside a sentence.
    static let answerOnlyAliases: [String: Chain] = ["ton": .other, "near": .other, "sui链": .other]

    /// The networks stored as `other`, by their names: the case keeps which one it was.
    static let otherNetworks: [String: [String]] = [
        "XRP Ledger": ["xrp", "xrp ledger", "xrpl", "ripple", "瑞波"],
        "TON": ["ton", "ton network", "the open network", "toncoin", "ton链"],
        "Cardano": ["cardano"], "Dogecoin": ["dogecoin", "doge", "狗狗币"], "Litecoin": ["litecoin", "ltc", "莱特币"],
        "Bitcoin Cash": ["bitcoin cash", "bch"], "Cosmos": ["cosmos"], "Polkadot": ["polkadot"], "Aptos": ["aptos"],
        "Sui": ["sui", "sui链"], "Fantom": ["fantom", "ftm"], "zkSync": ["zksync"], "Linea": ["linea"],
        "Stellar": ["stellar", "xlm"], "EOS": ["eos"], "Filecoin": ["filecoin"], "NEAR": ["near"],
    ]

    /// The name of the one listed `other` network `text` names ("XRP" → "XRP Ledger"); nil for
    /// "other" itself, for a network with a `Chain` of its own, or for two names.
    static func otherNetwork(in text: String) -> String? {
        guard parse(text) == .other else { return nil }
        let normalized = TextNormalizer.normalize(text)
        let named = otherNetworks.filter { _, names in
            names.contains { $0 == normalized || ($0.count >= 3 && PhraseMatcher.contains(normalized, term: $0)) }
        }
        return named.count == 1 ? named.first?.key : nil
    }

    /// Alias → chain, longest alias first, so "bnb chain" is tried before "bnb".
    private static let orderedAliases: [(alias: String, chain: Chain)] = {
        var pairs: [(String, Chain)] = []
        for (chain, names) in aliases {
            for name in names { pairs.append((name, chain)) }
            pairs.append((chain.rawValue, chain))
        }
        return pairs.sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.0 < $1.0 }
    }()

    /// The chain named by `text` ("ERC20", "TRC-20 network", "币安链"); nil if none or several different ones.
    public static func parse(_ text: String) -> Chain? {
        let normalized = TextNormalizer.normalize(text)
        guard !normalized.isEmpty else { return nil }
        for (alias, chain) in orderedAliases where alias == normalized { return chain }
        // Names that are everyday words inside a sentence ("a ton of usdt") count only said alone.
        if let chain = answerOnlyAliases[normalized] { return chain }
        var remaining = normalized
        var found: Set<Chain> = []
        for (alias, chain) in orderedAliases {
            while let range = PhraseMatcher.firstRange(of: alias, in: remaining) {
                found.insert(chain)
                remaining.replaceSubrange(range, with: " ")
            }
        }
        return found.count == 1 ? found.first : nil
    }

    /// Names that mean a network wherever they appear in a sentence, for reading the chain off a
    /// message that starts a report ("my USDT on TRON was stolen"). Left out: token tickers and
    /// nicknames that name a coin as often as its network ("eth", "bnb", "trx", "以太", "马蹄"),
    /// the exchange "币安" ("从币安提币" is no BSC), everyday words ("base", "op", "other", "别的").
    static let namedInSentences: [(alias: String, chain: Chain)] = {
        let names: [Chain: [String]] = [
            .ethereum: ["ethereum", "erc20", "erc-20", "erc 20", "ethereum mainnet", "以太坊", "以太链", "eth链"],
            .bsc: [
                "bsc", "bep20", "bep-20", "bep 20", "bnb chain", "bnb smart chain", "bnbchain", "binance smart chain",
                "币安链", "币安智能链", "bsc链", "bnb链",
            ],
            .polygon: ["polygon", "polygon pos", "马蹄链", "polygon链"],
            .arbitrum: ["arbitrum", "arbitrum one", "arb链"],
            .optimism: ["optimism", "op mainnet", "op链"],
            .base: ["base chain", "base链"],
            .avalanche: ["avalanche", "avax c-chain", "c-chain", "avalanche c-chain", "雪崩链"],
            .tron: ["tron", "trc20", "trc-20", "trc 20", "波场", "波场链", "trx链"],
            .bitcoin: ["bitcoin", "比特币", "比特币链", "btc链"],
            .solana: ["solana", "索拉纳", "sol链"],
        ]
        return names.flatMap { chain, aliases in aliases.map { ($0, chain) } }
    }()

    /// The one network a sentence (already normalised) names (see `namedInSentences`); nil if
    /// none or several.
    static func named(inNormalizedSentence text: String) -> Chain? {
        var found: Chain?
        for (alias, chain) in namedInSentences where chain != found && PhraseMatcher.contains(text, term: alias) {
            if found != nil { return nil }
            found = chain
        }
        return found
    }
}

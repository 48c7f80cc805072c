/// Asset names as users type them ("u", "泰达币", "eth", "USDT-TRC20") mapped to ticker symbols.
public enum AssetSymbol {
    /// Normalised nickname → symbol.
    public static let aliases: [String: String] = [
        "u": "USDT", "泰达币": "USDT", "泰达": "USDT", "usdt币": "USDT", "u币": "USDT", "tether": "USDT",
        "以太坊": "ETH", "以太": "ETH", "以太币": "ETH", "ether": "ETH", "ethereum": "ETH",
        "比特币": "BTC", "大饼": "BTC", "bitcoin": "BTC",
        "波场": "TRX", "波场币": "TRX", "tron": "TRX",
        "币安币": "BNB", "狗狗币": "DOGE", "莱特币": "LTC", "瑞波币": "XRP", "索拉纳": "SOL", "solana": "SOL",
        "马蹄": "POL", "雪崩": "AVAX",
    ]

    /// Names that mean one token wherever they appear in a sentence, for reading the token off a
    /// message that starts a report ("someone stole my usdt"). Left out: chain names that are also
    /// nicknames ("以太坊", "tron", "波场" name the network as often as the coin), "以太" (inside
    /// "以太坊"), "u" (chat for "you"), and tickers that are everyday words or brands ("win",
    /// "link", "sun", "ton", "op", "uni", "tp", "usd").
    static let mentionable: [String: String] = {
        var terms: [String: String] = [:]
        for ticker in [
            "USDT", "USDC", "DAI", "BUSD", "TUSD", "FDUSD", "ETH", "WETH", "BTC", "WBTC", "TRX", "BNB", "WBNB", "SOL",
            "MATIC", "ARB", "AVAX", "DOGE", "SHIB", "LTC", "XRP", "PEPE", "USDD",
        ] {
            terms[ticker.lowercased()] = ticker
        }
        for nickname in [
            "泰达币", "泰达", "usdt币", "u币", "tether", "以太币", "ether", "比特币", "大饼", "bitcoin", "波场币", "币安币", "狗狗币", "莱特币",
            "瑞波币",
        ] {
            terms[nickname] = aliases[nickname]
        }
        return terms
    }()

    /// The tokens a sentence (already normalised) names (see `mentionable`), as symbols.
    static func mentioned(inNormalized text: String) -> Set<String> {
        var symbols = Set(mentionable.compactMap { term, symbol in PhraseMatcher.contains(text, term: term) ? symbol : nil })
        if namesChineseU(text) { symbols.insert("USDT") }
        return symbols
    }

    /// Whether a normalised text says "u" for USDT the Chinese way, touching a Han character or a
    /// number ("我的u被转走了", "500u"), where English chat's "u" ("thank u") stands between spaces.
    /// Not "u盘" (a USB drive) or "u盾" (a bank's security key).
    static func namesChineseU(_ text: String) -> Bool {
        guard text.contains("u") else { return false }
        let characters = Array(text)
        for index in characters.indices where characters[index] == "u" {
            let before = index > characters.startIndex ? characters[index - 1] : nil
            let after = index + 1 < characters.endIndex ? characters[index + 1] : nil
            if before.map({ $0.isASCII && $0.isLetter }) == true || after.map({ $0.isASCII && $0.isLetter }) == true {
                continue
            }
            if let after, usbWords.contains(after) { continue }
            if [before, after].contains(where: isNumberOrHan) { return true }
        }
        return false
    }

    private static func isNumberOrHan(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isNumber || character.unicodeScalars.first.map(TextNormalizer.isHan) == true
    }

    /// Han characters after "u" that make it a USB drive or key, not USDT.
    private static let usbWords: Set<Character> = ["盘", "盾"]


    /// Tickers common enough to recognise next to an amount ("lost 300 usdt", "USDT 450") even in lower case.
    public static let wellKnown: Set<String> = [
        "USDT", "USDC", "DAI", "BUSD", "TUSD", "FDUSD", "USD", "ETH", "WETH", "BTC", "WBTC", "TRX", "BNB", "WBNB",
        "SOL", "MATIC", "POL", "ARB", "OP", "AVAX", "DOGE", "SHIB", "LTC", "XRP", "TON", "UNI", "LINK", "PEPE",
        "SUN", "JST", "BTT", "WIN", "CAKE", "USDD", "TPT",
    ]

    /// Nicknames that name a network as often as its coin (normalised → the coin).
    private static let networkNicknames: [String: String] = {
        var names: [String: String] = [:]
        for name in ["以太坊", "ethereum", "波场", "tron", "索拉纳", "solana", "马蹄", "雪崩"] { names[name] = aliases[name] }
        return names
    }()

    /// The coin each listed network pays its fees in.
    private static let nativeCoins: [Chain: String] = [
        .ethereum: "ETH", .bsc: "BNB", .polygon: "POL", .arbitrum: "ETH", .optimism: "ETH", .base: "ETH",
        .avalanche: "AVAX", .tron: "TRX", .bitcoin: "BTC", .solana: "SOL",
    ]

    /// Token standards (normalised), which name the kind of token, never one token; their digits
    /// are no amount, day or hour either.
    static let standards = ["trc20", "trc-20", "trc 20", "erc20", "erc-20", "erc 20", "bep20", "bep-20", "bep 20"]

    /// The network of the token standard `normalized` names ("trc20" → TRON).
    static func standardNamed(_ normalized: String) -> Chain? {
        standards.contains(normalized) ? ChainName.parse(normalized) : nil
    }

    /// The network's own coin when `normalized` (a whole answer given for the token) names a listed
    /// network and no coin: "波场", "ethereum", "trc20", "bsc". Those are asked about, since "波场"
    /// may mean TRX or USDT on TRON. Names that are also tickers ("eth", "trx", "bnb") are the coin.
    static func coinOfNetwork(named normalized: String) -> String? {
        if let coin = networkNicknames[normalized] { return coin }
        guard aliases[normalized] == nil, !wellKnown.contains(normalized.uppercased()),
            let chain = ChainName.parse(normalized), ChainName.aliases[chain]?.contains(normalized) == true
        else { return nil }
        return nativeCoins[chain]
    }

    /// Wallet apps, normalised, that people name when asked for the token ("TP").
    static let walletNames: Set<String> = [
        "tp", "tp钱包", "tp wallet", "tokenpocket", "token pocket", "imtoken", "metamask", "小狐狸", "trust wallet",
        "trustwallet", "钱包",
    ]

    /// The ticker named next to an amount: a nickname, a well-known ticker, or an upper-case word as
    /// written ("300 FOO"); nil for ordinary words ("lost 300", "300 bucks").
    static func nextToAmount(_ word: String, original: String) -> String? {
        if let symbol = known(word) { return symbol }
        guard let symbol = parse(word) else { return nil }
        let isWrittenUpperCase = symbol.count >= 2 && original.contains(symbol)
        return isWrittenUpperCase ? symbol : nil
    }

    /// A nickname or a well-known ticker, in any case ("u", "usdt", "Eth"); nil for anything else.
    static func known(_ word: some StringProtocol) -> String? {
        let normalized = TextNormalizer.normalize(String(word))
        if let symbol = aliases[normalized] { return symbol }
        let symbol = normalized.uppercased()
        return wellKnown.contains(symbol) ? symbol : nil
    }

    /// The ticker symbol of `text` (`^[A-Za-z0-9.$]{1,15}$` upper-cased, or a nickname); nil otherwise.
    public static func parse(_ text: String) -> String? {
        let normalized = TextNormalizer.normalize(text)
        if let symbol = aliases[normalized] { return symbol }
        let utf8 = normalized.utf8
        guard (1...15).contains(utf8.count),
            utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2E || $0 == 0x24 }),
            utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A || $0 == 0x24 })
        else { return nil }
        return normalized.uppercased()
    }
}

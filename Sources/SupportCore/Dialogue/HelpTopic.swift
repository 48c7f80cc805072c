/// What a user asks about a question instead of answering it: "where do I find the hash?",
/// "链是什么意思", "is it safe to send my address?". The flow answers with `help.<topic>` and asks
/// its question again.
enum HelpTopic: String, CaseIterable, Sendable {
    case transactionHash = "tx_hash"
    case address
    case network = "chain"
    case appVersion = "version"
    /// A token that arrived but does not show ("how do I add a custom token?"), asked in a late-transfer report.
    case customToken = "custom_token"

    /// Words that name the topic (normalised).
    var words: [String] { Self.topicWords[self] ?? [] }

    private static let topicWords: [HelpTopic: [String]] = [
        .transactionHash: ["hash", "txid", "tx id", "tx hash", "transaction id", "哈希", "交易号", "交易id", "交易编号"],
        .address: ["address", "addy", "地址"],
        .network: ["network", "chain", "trc20", "erc20", "bep20", "链", "网络", "主网"],
        .appVersion: ["version", "版本", "版本号"],
        .customToken: [
            "custom token", "add a token", "add the token", "add token", "add it as a token", "添加代币", "自定义代币", "添加自定义",
            "添加币种", "添加这个币",
        ],
    ]

    /// Words that make a message a question about finding or understanding something (normalised).
    static let askingWords = [
        "where", "how do i find", "how can i find", "how to find", "how do i get", "how to get", "how do i check",
        "how to check", "how do i see", "how do i add", "how to add", "how can i add", "怎么添加", "如何添加", "在哪添加",
        "what is", "what's", "whats", "what does", "what do you mean",
        "is it safe", "safe to", "在哪", "哪里", "哪儿", "怎么找", "怎么看", "怎么查", "如何查", "如何找", "怎么获取", "怎么复制",
        "什么意思", "啥意思", "是什么", "什么是", "是啥", "安全吗",
    ]

    /// Longest message (UTF-8 bytes: 60 Han characters, 180 Latin ones) read as a question about a
    /// topic; a longer one is an answer or a story that happens to hold the words.
    static let longestQuestion = 180

    /// Words that point back at the question just asked ("where do I find it?", "那个在哪看").
    static let pointingWords = ["it", "that", "this", "one", "那个", "这个", "它"]

    /// Longest message (UTF-8 bytes) that may ask about the pending question without naming it.
    static let longestPointingQuestion = 40

    /// The topic of a field of `kind`, if it has one.
    init?(_ kind: FieldKind) {
        switch kind {
        case .txHashes: self = .transactionHash
        case .address: self = .address
        case .chain: self = .network
        case .version: self = .appVersion
        default: return nil
        }
    }

    /// The one topic `normalized` asks about, if it is a short question that names exactly one, or
    /// a shorter one that points back at `pending` ("where do I find it?" asked for the hash).
    static func asked(in normalized: String, pending: HelpTopic?) -> HelpTopic? {
        if let topic = asked(in: normalized) { return topic }
        guard let pending, normalized.utf8.count <= longestPointingQuestion,
            !topicWords.values.joined().contains(where: { PhraseMatcher.contains(normalized, term: $0) }),
            pointingWords.contains(where: { PhraseMatcher.contains(normalized, term: $0) }),
            askingWords.contains(where: { PhraseMatcher.contains(normalized, term: $0) })
        else { return nil }
        return pending
    }

    /// The one topic `normalized` asks about, if it is a short question that names exactly one.
    static func asked(in normalized: String) -> HelpTopic? {
        // Runs on most turns of a flow: the byte length first, then the topic words, which most
        // answers lack, before the asking words.
        guard normalized.utf8.count <= longestQuestion else { return nil }
        var named: HelpTopic?
        for (topic, words) in topicWords where words.contains(where: { PhraseMatcher.contains(normalized, term: $0) }) {
            if named != nil { return nil }
            named = topic
        }
        guard let named, askingWords.contains(where: { PhraseMatcher.contains(normalized, term: $0) }) else { return nil }
        return named
    }
}

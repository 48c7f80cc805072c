/// A question users ask in the middle of trouble that has one honest answer whatever the report:
/// "can you freeze his address?", "should I move my funds now?". Answered with `aside.<rawValue>`,
/// inside a flow (then the question again) or outside one.
enum SafetyQuestion: String, CaseIterable, Sendable {
    case freeze
    case moveFunds = "move_funds"
    /// "how do I move everything to the new wallet?", asked once told to: the steps and the gas.
    case howToMove = "how_to_move"
    /// "你们后台能帮我查一下吗", "can you recover it from my email?": there is no account to look
    /// into or recover.
    case noAccount = "no_account"
    /// "你是机器人吗", "are you a bot?": what the assistant is, and how to reach a person.
    case areYouBot = "are_you_bot"
    /// "someone wants me to send usdt for 3% daily": an investment scam, before any money is sent.
    case investmentScam = "investment_scam"
    /// "怎么把U转到交易所", "how do I send usdt to binance": the same network on both sides, the
    /// address copied from the exchange and checked, the fee coin, a test first. Asked with an
    /// exchange named, so a how-to about anything else is not taken for it.
    case howToSend = "how_to_send"
    /// "a strange token appeared in my wallet, can I sell it?": airdropped bait; leave it alone.
    case unknownToken = "unknown_token"
    /// "a friend gave me his seed phrase to move the usdt out for him": the shared-phrase trap, a
    /// wallet that takes any fee coin sent in.
    case sharedPhraseTrap = "shared_phrase_trap"
    /// "助记词存在手机备忘录里安全吗", "is a screenshot of my seed ok?": paper, offline; not the phone.
    case phraseStorage = "phrase_storage"
    /// "还有一个问题", "one more question": go ahead.
    case oneMore = "one_more"
    /// "用中文可以吗", "can you speak english?": replies follow the language written in.
    case language
    /// "can you just cancel the transaction?", "能撤回吗", asked inside a report: a confirmed
    /// transfer has no undo.
    case reverse
    /// "我的tp突然打不开了 闪退", "the app keeps crashing": the funds are on the chain, not in the
    /// app; the phrase first, then an update or a reinstall from the official source.
    case appProblem = "app_problem"

    /// Phrases that ask it (normalised). Each holds its own asking word, so a statement ("they froze
    /// my account", "I moved my funds") is not taken for the question.
    private static let allPhrases: [SafetyQuestion: [String]] = [
        .freeze: [
            "can you freeze", "could you freeze", "can you block his", "can you block the address", "can tokenpocket freeze",
            "can tp freeze", "can the wallet freeze", "freeze his address", "freeze the address", "freeze their address",
            "freeze the scammer", "freeze the funds", "freeze my stolen", "能冻结", "能不能冻结", "可以冻结", "帮我冻结", "冻结对方",
            "冻结他的", "冻结骗子", "冻结那个地址", "冻结这个地址", "冻结掉", "地址冻结", "block the hacker", "block the scammer",
            "block his wallet", "block their wallet", "block that address", "block the thief",
        ],
        .moveFunds: [
            "should i move", "do i need to move", "should i transfer the rest", "should i empty", "move my funds now",
            "move what's left", "move the rest", "要不要转走", "要不要把剩下的", "要不要转到新钱包", "需要转走吗", "要转走吗", "需不需要转", "该不该转", "要不要转移",
            "需要转移吗", "要转移吗", "剩下的要转", "剩下的币要不要转", "剩下的钱还安全吗", "剩下的币还安全吗", "剩下的还安全吗",
            "剩下的资产还安全吗", "is the rest safe", "is the rest of my money safe", "are my remaining funds safe",
            "is it safe to leave the rest", "safe to leave the rest", "is what's left safe",
        ],
        .noAccount: [
            "recover it from my email", "recover my wallet with my email", "recover it with my email", "recover with my email",
            "reset it with my email", "recover it with my phone number", "verify my identity", "i have my id", "i can show my id",
            "后台能", "后台帮我", "后台查", "你们后台", "我有身份证", "用身份证", "实名认证", "账户被冻结", "账号被冻结", "钱包被冻结",
            "my account is frozen", "my account was frozen", "my account got frozen", "my wallet is frozen", "my wallet was frozen",
            "can u freeze my wallet", "can you freeze my wallet", "freeze my wallet",
        ],
        .areYouBot: [
            "are you a bot", "are you a robot", "are you an ai", "are you human", "are you a human", "are you a real person",
            "am i talking to a bot", "am i talking to a robot", "is this a bot", "is this a robot", "你是机器人吗", "你是机器人",
            "是机器人吗", "你是真人吗", "是真人吗", "你是ai吗", "你是人工智能吗", "是不是机器人", "是自动回复吗",
        ],
        .investmentScam: [
            "% daily", "% a day", "% per day", "% every day", "daily return", "daily returns", "daily profit", "guaranteed return",
            "guaranteed returns", "guaranteed profit", "double your", "doubles your", "risk-free profit", "每天收益", "日收益", "每日收益",
            "天天收益", "稳赚", "保本保息", "带单", "投资群", "拉我进群投资", "收益翻倍", "翻倍", "高额回报", "高回报", "%收益",
        ],
        .howToMove: [
            "how do i move my", "how do i move everything", "how do i move the rest", "how to move my", "how to move everything",
            "how can i move my", "how do i transfer everything", "how do i transfer my coins to", "move them to the new wallet",
            "怎么把币转过去", "怎么把币转到新钱包", "怎么转到新钱包", "怎么把资产转", "怎么把钱转", "如何转到新钱包", "怎么转过去",
        ],
        .oneMore: [
            "one more question", "another question", "i have another question", "i have one more question", "can i ask something else",
            "还有一个问题", "还有个问题", "我还有问题", "我还有一个问题", "再问一个问题", "再问一下",
        ],
        .language: [
            "用中文可以吗", "可以用中文吗", "能用中文吗", "说中文", "讲中文", "中文可以吗", "can you speak english", "do you speak english",
            "english please", "in english please", "can you speak chinese", "speak chinese",
        ],
        .reverse: [
            "cancel the transaction", "cancel the transfer", "cancel this transaction", "cancel this transfer",
            "cancel my transaction", "cancel my transfer", "cancel the payment", "reverse the transaction",
            "reverse the transfer", "reverse my transaction", "reverse my transfer", "reverse it", "reverse this",
            "can it be reversed", "can it be cancelled", "can it be canceled", "undo the transaction", "undo the transfer",
            "undo it", "能撤回吗", "能不能撤回", "可以撤回吗", "撤回转账", "撤回这笔", "撤回来", "撤销交易", "撤销转账", "撤销这笔",
            "取消转账", "取消交易", "取消这笔转账", "取消这笔交易", "能不能取消这笔", "把转账撤回",
        ],
        .howToSend: [
            "how do i send", "how to send", "how can i send", "how do i transfer", "how to transfer", "how can i transfer",
            "how do i deposit", "how to deposit", "how can i deposit", "how do i move", "how to move", "how do i withdraw",
            "how to withdraw", "怎么转", "如何转", "怎样转", "咋转", "怎么充", "如何充", "怎么提", "如何提", "怎么把", "如何把", "怎么打到",
        ],
    ]

    /// Phrases of the questions whose answer fits a statement as well ("I keep my phrase in my notes"
    /// needs the same answer as asking whether that is safe).
    private static let statementPhrases: [SafetyQuestion: [String]] = [
        .appProblem: [
            "闪退", "钱包打不开", "tp打不开", "tokenpocket打不开", "app打不开", "应用打不开", "软件打不开", "突然打不开", "打开就闪", "白屏",
            "app crashes", "app crashed", "app keeps crashing", "app is crashing", "app won't open", "app wont open",
            "app doesn't open", "app does not open", "app not opening", "wallet won't open", "wallet wont open", "can't open the app",
            "cannot open the app", "can't open my wallet app", "tp won't open", "tokenpocket won't open", "tokenpocket keeps crashing",
        ],
        .phraseStorage: [
            "助记词存在", "助记词放在", "助记词保存在", "助记词存到", "助记词截图", "截图保存助记词", "助记词拍照", "存备忘录", "存在备忘录",
            "放在备忘录", "备忘录里", "store my seed", "store my phrase", "save my seed", "save my phrase", "keep my seed", "keep my phrase",
            "phrase in my notes", "seed in my notes", "screenshot of my seed", "screenshot of my phrase", "seed in icloud",
            "phrase in icloud", "phrase in a password manager", "seed in a password manager",
        ],
        .unknownToken: [
            "appeared in my wallet", "showed up in my wallet", "token i didn't buy", "token i never bought", "coin i never bought",
            "strange token", "unknown token", "random token", "airdropped token", "airdrop token i", "没买过的币", "不认识的币",
            "陌生的币", "陌生代币", "多了个币", "多了一个币", "莫名其妙多了", "突然多了", "钱包里多了", "空投的币", "莫名出现",
        ],
        .sharedPhraseTrap: [
            "gave me his seed", "gave me his phrase", "gave me their seed", "gave me the seed phrase", "sent me his seed",
            "sent me his phrase", "shared his seed", "shared his phrase", "his seed phrase to", "import his wallet", "用他的助记词",
            "他的助记词导入", "给了我助记词", "把助记词给我", "发给我助记词", "发了助记词给我", "导入他的钱包", "给我他的助记词",
        ],
    ]

    /// Words one of which a message must hold to ask the question, besides one of its phrases.
    private static let alsoNeeded: [SafetyQuestion: [String]] = [
        .howToSend: [
            "exchange", "binance", "okx", "bybit", "coinbase", "kraken", "bitget", "huobi", "htx", "gate.io", "kucoin", "mexc",
            "交易所", "币安", "欧易", "火币", "抹茶", "芝麻开门",
        ]
    ]

    /// The phrases that ask this question, or say what it is about (normalised).
    var phrases: [String] { Self.allPhrases[self] ?? Self.statementPhrases[self] ?? [] }

    /// Longest message (UTF-8 bytes) read as this question; a longer one is a story that mentions it.
    static let longestQuestion = 160

    /// A word every phrase of the question holds, looked for first: this runs on most turns, and
    /// most messages hold none of them.
    private var anchors: [String] {
        switch self {
        case .freeze: ["freeze", "block", "冻结"]
        case .moveFunds: ["move", "transfer", "empty", "rest", "remaining", "left", "转", "剩下"]
        case .howToMove: ["move", "transfer", "转"]
        case .noAccount: ["email", "phone", "identity", " id", "frozen", "freeze", "后台", "身份证", "实名", "冻结"]
        case .areYouBot: ["bot", "robot", "ai", "human", "person", "机器人", "真人", "人工智能", "自动回复"]
        case .investmentScam: ["daily", "a day", "per day", "every day", "return", "profit", "double", "收益", "稳赚", "保本", "带单", "投资", "翻倍", "回报"]
        case .howToSend: ["send", "transfer", "deposit", "move", "withdraw", "转", "充", "提", "打到"]
        case .unknownToken: ["token", "coin", "币", "appeared", "showed up", "多了", "出现"]
        case .phraseStorage: ["助记词", "备忘录", "seed", "phrase"]
        case .oneMore: ["question", "ask", "问"]
        case .language: ["中文", "english", "chinese"]
        case .reverse: ["cancel", "revers", "undo", "撤回", "撤销", "取消"]
        case .appProblem: ["闪退", "打不开", "白屏", "crash", "open"]
        case .sharedPhraseTrap: ["seed", "phrase", "his wallet", "助记词", "他的钱包"]
        }
    }

    /// The question `normalized` asks, if it is short and asks one: where the phrases of two
    /// questions overlap ("can you freeze my wallet" holds "can you freeze"), the longer phrase's.
    static func asked(in normalized: String) -> SafetyQuestion? {
        guard normalized.utf8.count <= longestQuestion else { return nil }
        var found: [(question: SafetyQuestion, phrase: String)] = []
        for question in allCases where question.anchors.contains(where: { normalized.contains($0) }) {
            if let needed = alsoNeeded[question], !needed.contains(where: { PhraseMatcher.contains(normalized, term: $0) }) {
                continue
            }
            if let phrase = question.phrases.filter({ PhraseMatcher.contains(normalized, term: $0) }).max(by: { $0.count < $1.count }) {
                found.append((question, phrase))
            }
        }
        // "how do I move my usdt to binance": the exchange says what the moving is for.
        if found.contains(where: { $0.question == .howToSend }) { found.removeAll { $0.question == .howToMove } }
        guard let longest = found.max(by: { $0.phrase.count < $1.phrase.count }) else { return nil }
        // Another question asked in its own words: two questions, answered by neither.
        let others = found.filter { $0.question != longest.question && !longest.phrase.contains($0.phrase) }
        return others.isEmpty ? longest.question : nil
    }

    /// Whether a report may start from the rest of a message that asks it ("my wallet was drained,
    /// can you freeze his address?"). Not after an investment pitch: "is this address safe?" beside
    /// it asks before sending, and the answer invites a report if money already went. Nor after
    /// the shared-phrase trap, whose story ("里面有很多u") is no loss of the user's.
    var mayStartReport: Bool { ![.investmentScam, .sharedPhraseTrap].contains(self) }

    /// Whether it is answered before a report that starts from the same message. Not an app that
    /// crashed: beside "and now my usdt is gone", "the app can't lose your funds" reads as a brush-off.
    var answeredBesideReport: Bool { self != .appProblem }

    /// Whether it is answered only inside a report. Outside one, "can I cancel the transfer I just
    /// made?" is better met by the report's opening, which says so and what to check first.
    var onlyInsideReport: Bool { self == .reverse }

    /// The intent a reply that answers it is reported as.
    var intent: IntentID {
        switch self {
        case .freeze, .reverse: .compensation
        case .moveFunds, .howToMove, .howToSend, .investmentScam, .sharedPhraseTrap, .phraseStorage, .appProblem: .securityTips
        case .noAccount: .userRights
        case .areYouBot: .contactSupport
        case .unknownToken: .contractRisk
        case .oneMore, .language: .greeting
        }
    }
}

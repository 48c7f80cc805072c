import Foundation
import SupportCatalog
import SupportCore
import SupportTestSupport
import Testing

/// The routing table: messages people really send, each with the intent the bot must act on, checked
/// against the shipped `Intents/` and classifier with the bot's own thresholds.
///
/// The table is written separately from the training examples: the first three sentences per intent and
/// language are `DOMAIN.md` §4's samples, the last two are fresh. None of them may be copied into
/// `Intents/` (`isIndependentOfTrainingExamples` fails if one is), so a pass here means the classifier
/// generalises rather than remembers.
@Suite("Routing table")
struct RoutingTableTests {
    /// One row of the table: a message and the intent it must route to.
    struct Row: Sendable, CustomTestStringConvertible {
        let intent: IntentID
        let language: Language
        let text: String

        var testDescription: String { "\(intent) [\(language.rawValue)] \"\(text)\"" }
    }

    @Test("each table message routes to its intent", arguments: Self.rows)
    func routes(_ row: Row) throws {
        let engine = try TestCatalog.engine()
        let prediction = engine.classifier.classify(row.text)
        let decided = engine.catalog.configuration.thresholds.decide(prediction)
        #expect(
            decided == row.intent,
            """
            "\(row.text)" routed to \(decided) (best \(prediction.intent) \(prediction.confidence), \
            runner-up \(prediction.runnerUp?.rawValue ?? "none") \(prediction.runnerUpConfidence))
            """)
    }

    @Test(
        "an incident report is a report, even when it names a clock time or an approval",
        arguments: [
            "hacker took 2000 usdt yesterday at 10pm", "my wallet got emptied at 3am last night",
            "someone took all my trx this morning at 7am", "昨晚10点钱包里的u被人转走了",
            // An approval that ended in loss is a theft report first, not a how-to.
            "点了空投链接授权之后u全没了", "昨天晚上8点授权了，今天早上发现usdt全没了",
        ])
    func reportWithClockTime(text: String) throws {
        let engine = try TestCatalog.engine()
        #expect(engine.catalog.configuration.thresholds.decide(engine.classifier.classify(text)) == .reportTheft)
    }

    @Test(
        "importing with a phrase the user still has is the password answer; a lost phrase is not",
        arguments: [
            ("那我用助记词导入就行了吗", IntentID.forgotPassword), ("i have the 12 words, how to import on a new phone", .forgotPassword),
            ("i lost my 12 words", .lostMnemonic), ("助记词丢了怎么办", .lostMnemonic),
        ] as [(String, IntentID)])
    func phraseStillAtHand(text: String, intent: IntentID) throws {
        let engine = try TestCatalog.engine()
        #expect(engine.catalog.configuration.thresholds.decide(engine.classifier.classify(text)) == intent)
    }

    @Test(
        "cancelling an approval or a transfer is a question about it, not the cancel command",
        arguments: [
            ("i approved something weird on an airdrop site, how can i cancel it", IntentID.revokeApproval),
            ("之前签的那个授权能取消吗", .revokeApproval), ("can i cancel the transfer i just made", .transferNotArrived),
            ("cancel", .cancel),
        ] as [(String, IntentID)])
    func cancellingSomething(text: String, intent: IntentID) throws {
        let engine = try TestCatalog.engine()
        let turn = engine.handle(text, in: Session(id: SessionID("routing")), at: Date(timeIntervalSince1970: 1_790_000_000))
        #expect(turn.reply?.intent == intent, "\(turn.reply?.text ?? "")")
    }

    @Test("the table covers every intent with five messages per language")
    func coversEveryIntent() throws {
        let catalog = try TestCatalog.catalog()
        let ids = Set(IntentID.required).union(catalog.intents.map(\.id))
        for id in ids.sorted() {
            for language in Language.allCases {
                let count = Self.rows.filter { $0.intent == id && $0.language == language }.count
                #expect(count >= 5, "\(id) has \(count) \(language.rawValue) rows; add more to the routing table")
            }
        }
    }

    @Test("no table message is a training example, so the table stays independent")
    func isIndependentOfTrainingExamples() throws {
        let catalog = try TestCatalog.catalog()
        var trained: [String: IntentID] = [:]
        for intent in catalog.intents {
            for text in intent.examples.values.joined() { trained[TextNormalizer.normalize(text)] = intent.id }
        }
        for row in Self.rows {
            let owner = trained[TextNormalizer.normalize(row.text)]
            #expect(
                owner == nil,
                """
                "\(row.text)" is also a training example of \(owner?.rawValue ?? ""); \
                remove it from Intents/ or reword the row
                """)
        }
    }

    @Test("no message appears twice in the table")
    func hasNoDuplicateRows() {
        let normalized = Self.rows.map { TextNormalizer.normalize($0.text) }
        #expect(Set(normalized).count == normalized.count)
    }
}

extension RoutingTableTests {
    /// Every row: per intent, `DOMAIN.md` §4's three samples then two fresh messages, per language.
    static let rows: [Row] = [
        table(
            .greeting,
            en: [
                "hi",
                "Hello, is this TokenPocket support?",
                "good evening, can anyone help me",
                "hey there, anybody around?",
                "good morning support team",
            ],
            zh: [
                "哈喽",
                "你好，这里是TP钱包客服吗",
                "客服你好，在不在",
                "嗨，有人吗",
                "你好呀客服",
            ]
        ),
        table(
            .goodbye,
            en: [
                "great, that answers it, bye!",
                "appreciate it, I'm all set",
                "ok thanks, talk later",
                "perfect, that's all I needed, cheers",
                "thanks a lot, have a nice day",
            ],
            zh: [
                "明白了，谢谢你",
                "好的，没有其他问题了，拜拜",
                "辛苦了，先这样吧",
                "好的谢谢，再见",
                "没事了，感谢帮助",
            ]
        ),
        table(
            .cancel,
            en: [
                "scrap that, I'll do it later",
                "stop, I don't want to file this anymore",
                "never mind, forget the report",
                "forget it, cancel this request",
                "I changed my mind, don't submit anything",
            ],
            zh: [
                "不填了，取消吧",
                "算了，不用提交了",
                "先不弄了，退出这个流程",
                "不用了，取消这个申请",
                "我不想继续填了，停止吧",
            ]
        ),
        table(
            .reportTheft,
            en: [
                "my MetaMask got emptied overnight, every USDC sent out",
                "there's an outgoing transfer of 3 ETH I never made",
                "my wallet got hacked, what should I do first?",
                "someone drained all my BNB while I was asleep",
                "all my tokens were stolen from my wallet this morning",
            ],
            zh: [
                "我钱包里的U昨天晚上被人转走了",
                "TP钱包里的币莫名其妙没了，记录里有一笔不是我转的",
                "钱包被黑了，ETH全没了，第一步该做什么",
                "我的USDT被盗了，怎么办",
                "早上起来发现钱包里的币全被转走了",
            ]
        ),
        table(
            .contactSupport,
            en: [
                "I want to talk to a real person",
                "how do I reach your customer service team?",
                "can you transfer me to an agent",
                "connect me with a human please",
                "I need to speak to customer support staff",
            ],
            zh: [
                "帮我接一下人工",
                "有没有客服电话或者邮箱",
                "机器人解决不了，给我找个真人",
                "转人工客服",
                "我想找真人客服聊聊",
            ]
        ),
        table(
            .compensation,
            en: [
                "will you refund the money the hacker took?",
                "does the wallet company cover losses from theft?",
                "can I get compensated for the stolen tokens",
                "will TokenPocket reimburse my stolen funds?",
                "is there any compensation for hacked users",
            ],
            zh: [
                "丢的币官方给不给报销",
                "官方能不能补偿我的损失",
                "资产被盗平台负责赔付吗",
                "被盗了平台会赔偿吗",
                "你们能不能赔我损失的币",
            ]
        ),
        table(
            .supportHours,
            en: [
                "until what time can I chat with someone today?",
                "is anyone on duty Sunday morning?",
                "when can I reach a human agent",
                "what are your opening hours?",
                "do you guys work on saturdays?",
            ],
            zh: [
                "晚上十点以后还有人回复吗",
                "节假日能联系上你们吗",
                "你们的服务时间是什么时候",
                "客服一般几点下班呀",
                "周末有客服在线吗",
            ]
        ),
        table(
            .securityTips,
            en: [
                "tips for locking down my TP wallet?",
                "any advice to avoid getting hacked",
                "what's the best way to store my seed phrase?",
                "how can I keep my crypto wallet safe?",
                "best practices to protect my funds from hackers",
            ],
            zh: [
                "怎么才能保护好我的钱包",
                "平时要注意什么才不会被盗币",
                "助记词应该怎么保存比较安全",
                "怎样防止钱包被盗",
                "有什么保护资产安全的建议",
            ]
        ),
        table(
            .riskControls,
            en: [
                "does the app warn me about scam dapps?",
                "what security features does the wallet have?",
                "is there any protection if I approve a malicious contract",
                "does TokenPocket block phishing websites?",
                "will the wallet alert me before I sign a risky transaction?",
            ],
            zh: [
                "钱包有没有风险提示功能",
                "钱包会不会自动识别恶意合约",
                "TP会拦截钓鱼网站吗",
                "钱包有没有防钓鱼功能",
                "签名前钱包会提示风险吗",
            ]
        ),
        table(
            .phishingCheck,
            en: [
                "is tp-wallet-support.xyz an official site?",
                "someone sent me a link to claim an airdrop, is it legit",
                "how do I tell if a download page is the real one",
                "is this link really the official TokenPocket site?",
                "found a TP download page on Google, is it fake?",
            ],
            zh: [
                "这个网站是不是官方的 tpwallet-download.cc",
                "有人发了个领空投的链接，安全吗",
                "怎么辨别官网真假",
                "这个链接是真的官网吗",
                "网上搜到的下载地址是不是假的",
            ]
        ),
        table(
            .fakeSupportScam,
            en: [
                "a guy on Telegram says he's MetaMask support and wants my 12 words",
                "got a call from 'imToken security' telling me to move my funds to a safe address",
                "someone claiming to be your staff told me to get my family to send them the recovery phrase",
                "a so-called TP agent on WhatsApp asked for my private key",
                "somebody pretending to be support wants me to move my coins to his address",
                "support called me, i said nothing, what do i do",
            ],
            zh: [
                "有人自称TP官方客服加我微信，让我提供助记词",
                "接到电话说我钱包有风险，要我把币转到安全账户",
                "对方说是客服，让我联系家人帮忙验证助记词",
                "有个假客服在电报上问我要私钥",
                "冒充官方的人让我把币转到他给的地址",
                "助记词发给客服了，现在怎么办",
            ]
        ),
        table(
            .forgotPassword,
            en: [
                "the unlock password for my wallet app is gone from my memory, help",
                "is there a reset-password option in imToken?",
                "the app keeps saying wrong password and I can't remember it",
                "can't remember the password I set for my TP wallet",
                "how do I reset the password of my TP wallet app?",
            ],
            zh: [
                "钱包的密码想不起来了，资产会不会丢",
                "能帮我重置交易密码吗",
                "支付密码输错好多次，想不起来了",
                "我忘记钱包密码了",
                "钱包密码怎么找回",
            ]
        ),
        table(
            .lostMnemonic,
            en: [
                "I lost the paper with my recovery phrase",
                "can you recover my seed phrase from my address?",
                "phone broke and I never wrote down the mnemonic",
                "I can't find my seed phrase anywhere",
                "lost my 12-word backup, can it be restored?",
            ],
            zh: [
                "记助记词的纸被我扔了，还有办法吗",
                "私钥忘记备份了，手机也坏了",
                "能不能通过地址帮我找回助记词",
                "助记词丢了怎么办",
                "我没有备份助记词，还能找回吗",
            ]
        ),
        table(
            .unauthorizedAccess,
            en: [
                "I got an alert that a new device logged into my wallet",
                "I think someone else has access to my account",
                "got an email saying my wallet was accessed from another country",
                "I received a notification that my wallet was logged in on an unknown device",
                "I suspect somebody is secretly using my wallet",
            ],
            zh: [
                "收到短信说我的钱包在其他设备登录了",
                "感觉有人在用我的钱包",
                "有陌生设备登录提醒，是不是被盗了",
                "我的钱包好像被别人登录了",
                "收到异地登录提醒，怎么回事",
            ]
        ),
        table(
            .transferNotArrived,
            en: [
                "sent USDT to Binance two hours ago and it still hasn't shown up",
                "my transaction has been pending forever",
                "the recipient says they never got the ETH I sent",
                "my withdrawal to OKX hasn't arrived yet",
                "my transfer is stuck and hasn't been confirmed",
            ],
            zh: [
                "转账一直显示打包中",
                "USDT转出去了对方没收到",
                "提币到交易所三个小时了还没到账",
                "转出的ETH一直没到账",
                "交易卡住了，还没确认",
            ]
        ),
        table(
            .wrongAddress,
            en: [
                "typo'd the recipient and the USDT went to a stranger, is there an undo?",
                "pasted an address from my history and it wasn't my friend's",
                "transferred BEP20 USDT to an ERC20 address by mistake",
                "I sent my coins to the wrong address",
                "accidentally transferred USDT on the wrong network",
            ],
            zh: [
                "地址填错了一位，币已经转出去了",
                "复制了历史记录里的地址，结果转给了一个很像的陌生地址",
                "把币转到合约地址上了怎么办",
                "我把币转错地址了",
                "转账时选错了网络，币还能追回吗",
            ]
        ),
        table(
            .contractRisk,
            en: [
                "before I buy, could you check whether this token contract is legit?",
                "a DApp wants me to sign something, can you check it",
                "is this swap site a honeypot",
                "is this token contract a scam?",
                "can you check whether this DeFi contract is safe?",
            ],
            zh: [
                "这个代币合约有没有后门",
                "这个DApp靠谱吗，要我授权",
                "帮我看看这个代币是不是貔貅盘",
                "这个代币合约安全吗",
                "这个项目是不是貔貅",
            ]
        ),
        table(
            .revokeApproval,
            en: [
                "where do I see which contracts can spend my tokens?",
                "I approved a suspicious site, how can I cancel it",
                "need to kill an unlimited USDT allowance I gave a DEX",
                "how do I revoke token approvals?",
                "how to cancel a contract authorization in TokenPocket",
            ],
            zh: [
                "授权管理在哪里，我想把不用的都撤掉",
                "之前授权了一个可疑网站，怎么撤销",
                "USDT无限授权怎么关掉",
                "给DApp的授权要怎么解除",
                "如何撤销合约授权",
            ]
        ),
        table(
            .escalateComplaint,
            en: [
                "seven days and zero reply on my case, this is unacceptable",
                "your support ignored my theft case, I'm going to report you",
                "put me through to a supervisor, the bot isn't helping",
                "I want to file a formal complaint",
                "nobody has helped me for days, escalate this now",
            ],
            zh: [
                "我要投诉，工单一周都没人处理",
                "你们客服不作为，我要去报警",
                "这个问题我要升级处理",
                "我要投诉你们的客服",
                "一直没人管，我要求升级处理",
            ]
        ),
        table(
            .recoveryTime,
            en: [
                "realistically, how many weeks until hacked coins come back?",
                "when will my lost coins be recovered?",
                "what's the timeline after I file the report",
                "how long will it take to get my stolen funds back?",
                "any estimate on when the hacked coins will be returned?",
            ],
            zh: [
                "被盗的资产一般要等多久才有消息",
                "报案后一般多久有结果",
                "资金追回大概要几天",
                "被盗的币多久能追回",
                "大概要多长时间才能找回资金",
            ]
        ),
        table(
            .chooseWallet,
            en: [
                "TP, imToken or MetaMask: which one is more secure?",
                "is a Ledger worth it for about 5k USDT?",
                "how do I pick a trustworthy crypto wallet",
                "which wallet do you recommend for beginners?",
                "is a hardware wallet safer than a mobile wallet?",
            ],
            zh: [
                "想换个更安全的钱包，有什么挑选标准",
                "有必要买硬件钱包吗",
                "新手应该用什么钱包",
                "哪款钱包安全性最好",
                "冷钱包和热钱包选哪个好",
            ]
        ),
        table(
            .userRights,
            en: [
                "what personal data do you keep about me?",
                "can I have my chat history deleted?",
                "what are my rights as a user if I lose money",
                "do you store my chat messages?",
                "how long do you keep my personal information?",
            ],
            zh: [
                "你们会保存我的哪些信息",
                "我能要求删除聊天记录吗",
                "我的个人信息你们会给第三方吗",
                "我的聊天记录会被保存多久",
                "你们会收集我的个人数据吗",
            ]
        ),
        table(
            .ticketStatus,
            en: [
                "checking on T-000481, anything new?",
                "did anybody look at the report I filed yesterday",
                "has someone picked up my report yet",
                "any update on my ticket?",
                "what's the status of case T-000777?",
            ],
            zh: [
                "T-000231这个单子现在什么进度",
                "我的案子有进展吗",
                "提交的工单有人跟进了吗",
                "我的工单处理到哪一步了",
                "T-000888有结果了吗",
            ]
        ),
        table(
            .outOfScope,
            en: [
                "will bitcoin go up tomorrow?",
                "recommend a coin that will 10x",
                "tell me a joke about penguins",
                "what's the weather like in Tokyo?",
                "should I buy ETH or SOL right now?",
            ],
            zh: [
                "明天比特币会涨吗",
                "推荐个能翻倍的币",
                "推荐一家好吃的火锅店",
                "今天天气怎么样",
                "帮我写一首诗",
            ]
        ),
    ].flatMap { $0 }

    private static func table(_ intent: IntentID, en: [String], zh: [String]) -> [Row] {
        en.map { Row(intent: intent, language: .en, text: $0) }
            + zh.map { Row(intent: intent, language: .zh, text: $0) }
    }
}

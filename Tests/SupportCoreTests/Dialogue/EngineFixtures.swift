import Foundation
import SupportCore

/// A small catalog built in Swift for the engine's tests: a few intents with distinctive training
/// examples, flows covering every behaviour, and messages that name their key so tests can see which
/// sentence the engine chose. Independent of the real `Intents/` content.
enum EngineFixtures {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21T14:13:20Z, 22:13 in Shanghai

    static let tronAddress = "TUoHaVjx7n5xz8LwPRDckgFrDWhMhuSuJM"
    static let tronAddressBadChecksum = "TUoHaVjx7n5xz8LwPRDckgFrDWhMhuSuJN"
    static let evmAddress = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
    static let evmAddressBadChecksum = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"
    static let intendedAddress = "0xabcd111111111111111111111111111111111234"
    static let poisonedAddress = "0xabcd222222222222222222222222222222221234"
    static let unrelatedAddress = "0x27b1fdb04752bbc536007a920d24acb045561c26"
    /// A public sample private key (DOMAIN.md §1); never funded.
    static let privateKey = "0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d"

    static let engine = DialogueEngine(catalog: catalog, classifier: classifier, scanner: scanner)

    static let scanner = SecretScanner(
        wordlists: MnemonicWordlists(english: [], chineseSimplified: [], chineseTraditional: []))

    static let classifier = IntentClassifier(catalog: catalog)

    /// An engine over the fixture catalog with `change` applied to every intent (a test's own flows).
    static func engine(changing change: (IntentDefinition) -> IntentDefinition) -> DialogueEngine {
        let catalog = Catalog(configuration: catalog.configuration, intents: intents.map(change), messages: messages)
        return DialogueEngine(catalog: catalog, classifier: IntentClassifier(catalog: catalog), scanner: scanner)
    }

    // MARK: - Catalog

    static let catalog = Catalog(
        configuration: DeskConfiguration(
            brand: "TestWallet", officialDomains: ["testwallet.io"], supportEmail: "help@testwallet.io",
            supportHours: LocalizedText(en: "9:00-18:00 weekdays", zh: "工作日9点到18点"),
            timeZone: "Asia/Shanghai"),
        intents: intents, messages: messages)

    /// Every engine message: `(key) {placeholders}` in English, `（key）{placeholders}` in Chinese.
    static let messages: [MessageKey: LocalizedText] = {
        let placeholders: [String: String] = [
            "flow.resume": "{prompt}", "flow.skipped": "{label}", "flow.cannot_skip": "{label}",
            "flow.filed": "{ticket_id} {contact}", "flow.hand_over_incomplete": "{ticket_id}",
            "flow.choice_options": "{options}", "flow.change_which": "{fields}",
            "secret.warning": "{kind}",
            "phishing.official": "{host}", "phishing.lookalike": "{host} {reason}",
            "phishing.unknown": "{host}",
            "ticket.status_found": "{ticket_id} {status} {updated}",
            "ticket.status_not_found": "{ticket_id}", "ticket.note_added": "{ticket_id}", "ticket.note_failed": "{ticket_id}",
            "case.contact_note": "{contact}", "flow.dropped_by_change": "{fields}",
            "flow.value_approximate": "~{value}", "case.summary": "{intent} {priority}: {facts}",
            "case.missing": "{fields}", "case.opening": "{text}", "case.follows_note": "{ticket_id}", "flow.follow_up_stopped": "{ticket_id}", "reject.address_wrong_chain": "{found}",
            "reject.choice_unknown": "{options}", "flow.too_many_attempts_optional": "{label}",
            "flow.too_many_attempts_required": "{label}",
        ]
        var messages: [MessageKey: LocalizedText] = [:]
        for key in MessageKey.all {
            let extra = placeholders[key.rawValue].map { " " + $0 } ?? ""
            messages[key] = LocalizedText(
                en: "(\(key.rawValue))\(extra)", zh: "（\(key.rawValue)）\(extra)")
        }
        messages[.valueYes] = LocalizedText(en: "Yes", zh: "是")
        messages[.valueNo] = LocalizedText(en: "No", zh: "否")
        messages[.secretKind(.privateKey)] = LocalizedText(en: "a private key", zh: "私钥")
        return messages
    }()

    static func text(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }

    static func field(
        _ name: String, _ kind: FieldKind, required: Bool = true, label: (String, String),
        when: FieldCondition? = nil
    ) -> FieldDefinition {
        FieldDefinition(
            name: name, kind: kind, isRequired: required, prompt: text("ASK \(name)", "请提供 \(name)"),
            label: text(label.0, label.1), condition: when)
    }

    static let intents: [IntentDefinition] = [
        IntentDefinition(
            id: .greeting,
            examples: [
                .en: ["hello", "hi there", "good morning", "hey, anyone around?"],
                .zh: ["你好", "您好啊", "在吗", "哈喽"],
            ], keywords: [.en: ["hello": 2], .zh: ["你好": 2]], reply: text("GREETING", "问候")),
        IntentDefinition(
            id: .cancel,
            examples: [
                .en: ["cancel the report", "stop this form", "never mind, cancel", "abort the report"],
                .zh: ["取消报告", "不填了取消吧", "算了不弄了", "退出这个流程"],
            ], keywords: [.en: ["cancel": 2], .zh: ["取消": 2]], reply: text("CANCEL", "取消")),
        IntentDefinition(
            id: .supportHours,
            examples: [
                .en: [
                    "what are your support hours", "when is support open",
                    "opening hours of customer support",
                    "what time do your agents work",
                ],
                .zh: ["客服几点上班", "你们的服务时间是什么时候", "客服工作时间", "几点有人工"],
            ], keywords: [.en: ["hours": 2.5, "open": 1.5], .zh: ["几点": 2, "时间": 2]],
            reply: text("HOURS {support_hours}", "时间 {support_hours}")),
        IntentDefinition(
            id: .outOfScope,
            examples: [
                .en: [
                    "will bitcoin go up tomorrow", "tell me a joke", "recommend a good restaurant",
                    "what's the weather",
                ],
                .zh: ["明天比特币会涨吗", "讲个笑话", "推荐一家火锅店", "今天天气怎么样"],
            ], reply: text("OUT OF SCOPE", "超出范围")),
        IntentDefinition(
            id: .reportTheft,
            examples: [
                .en: [
                    "my wallet was drained", "someone stole my usdt", "my coins were stolen",
                    "a hacker took my funds",
                ],
                .zh: ["我的币被盗了", "钱包被盗了", "资产被人转走了", "我的USDT被偷了"],
            ],
            keywords: [.en: ["stole": 2.5, "stolen": 2.5, "drained": 2.5], .zh: ["被盗": 3, "转走": 2.5]],
            reply: text("THEFT ADVICE", "被盗建议"), priority: .high,
            flow: FlowDefinition(fields: [
                field("wallet_address", .address, label: ("Wallet address", "钱包地址")),
                field("chain", .chain, label: ("Network", "链")),
                field("amount", .amount, label: ("Amount", "金额")),
                field("asset", .asset, label: ("Asset", "币种")),
                field("tx_hash", .txHashes, required: false, label: ("Transaction hash", "交易哈希")),
                field("contact", .contact, label: ("Contact", "联系方式")),
            ])),
        IntentDefinition(
            id: .fakeSupportScam,
            examples: [
                .en: [
                    "someone pretending to be support asked for my phrase",
                    "a fake support agent messaged me",
                    "scammer posing as your staff", "impostor claiming to be customer support",
                ],
                .zh: ["有人冒充客服要我的助记词", "假客服加我微信", "骗子自称官方客服", "冒充客服的人找我"],
            ], keywords: [.en: ["pretending": 2.5, "fake": 2, "posing": 2], .zh: ["冒充": 3, "假客服": 3]],
            reply: text("SCAM ADVICE", "诈骗建议"),
            flow: FlowDefinition(fields: [
                field(
                    "scam_channel",
                    .choice([
                        ChoiceOption(
                            id: "telegram", label: text("Telegram", "Telegram"), aliases: ["tg", "电报"]),
                        ChoiceOption(id: "wechat", label: text("WeChat", "微信"), aliases: ["weixin"]),
                        ChoiceOption(id: "phone", label: text("Phone call", "电话"), aliases: ["call"]),
                    ]), label: ("Channel", "渠道")),
                field("secret_shared", .yesNo, label: ("Phrase shared", "是否泄露助记词")),
                field(
                    "wallet_address", .address, label: ("Wallet address", "钱包地址"),
                    when: FieldCondition(field: "secret_shared", values: ["yes"])),
                field("contact", .contact, required: false, label: ("Contact", "联系方式")),
            ])),
        IntentDefinition(
            id: .phishingCheck,
            examples: [
                .en: [
                    "is this website official", "check this link for phishing", "is this site fake",
                    "is this url legit",
                ],
                .zh: ["这个网站是官方的吗", "帮我看看这个链接是不是钓鱼", "这个网址是真的吗", "钓鱼网站怎么辨别"],
            ],
            keywords: [
                .en: ["website": 2, "link": 2, "phishing": 2.5], .zh: ["网站": 2.5, "链接": 2, "钓鱼": 2.5],
            ],
            reply: text("PHISHING ADVICE", "钓鱼建议"),
            flow: FlowDefinition(
                fields: [field("url", .url, label: ("Link", "链接"))], createsTicket: false,
                completion: text("DONE {url}", "完成 {url}"))),
        IntentDefinition(
            id: .wrongAddress,
            examples: [
                .en: [
                    "I sent coins to the wrong address", "transferred to a wrong recipient by mistake",
                    "pasted the wrong address", "sent usdt to an incorrect address",
                ],
                .zh: ["转错地址了", "地址填错了", "币转到错误的地址", "复制错了地址"],
            ], keywords: [.en: ["wrong": 2.5, "incorrect": 2], .zh: ["错": 2.5]],
            reply: text("WRONG ADDRESS ADVICE", "转错建议"),
            flow: FlowDefinition(fields: [
                field("intended_address", .address, label: ("Intended address", "原本要转的地址")),
                field("to_address", .address, label: ("Recipient", "实际收款地址")),
            ])),
        IntentDefinition(
            id: .transferNotArrived,
            examples: [
                .en: [
                    "my transfer has not arrived", "the usdt I sent never showed up", "my deposit is still pending",
                    "withdrawal not received yet",
                ],
                .zh: ["转账还没到账", "提币一直没到", "充值没到账", "转出去的币对方没收到"],
            ], keywords: [.en: ["arrived": 2.5, "pending": 2], .zh: ["到账": 3]],
            reply: text("TRANSFER ADVICE", "转账建议"),
            flow: FlowDefinition(fields: [
                field("chain", .chain, label: ("Network", "链")),
                field("tx_hash", .txHashes, required: false, label: ("Transaction hash", "交易哈希")),
                field(
                    "wallet_address", .address, label: ("Sending address", "转出地址"),
                    when: FieldCondition(field: "tx_hash", values: [])),
                field("to_address", .address, label: ("Recipient address", "收款地址")),
                field("asset", .asset, label: ("Token", "币种")),
                field("amount", .amount, label: ("Amount", "数量")),
                field("incident_time", .dateTime, label: ("When you sent it", "转账时间")),
            ])),
        IntentDefinition(
            id: .ticketStatus,
            examples: [
                .en: [
                    "what is the status of my ticket", "any update on my case", "check my ticket",
                    "ticket progress",
                ],
                .zh: ["我的工单进度", "工单有进展吗", "查一下我的工单", "案子处理得怎么样了"],
            ], keywords: [.en: ["ticket": 2.5, "status": 2], .zh: ["工单": 3, "进度": 2]],
            reply: text("TICKET LOOKUP", "查询工单"),
            flow: FlowDefinition(
                fields: [field("ticket_id", .ticketID, label: ("Ticket", "工单号"))], createsTicket: false)),
        IntentDefinition(
            id: .contactSupport,
            examples: [
                .en: [
                    "I want to talk to a real person", "connect me with customer service",
                    "put me through to an agent",
                    "I need a human",
                ],
                .zh: ["我要找人工客服", "帮我接真人", "我想联系你们的客服团队", "人工服务在哪"],
            ], keywords: [.en: ["person": 2, "human": 2.5], .zh: ["人工": 3, "真人": 2.5]],
            reply: text("CONTACT", "联系"),
            flow: FlowDefinition(fields: [
                field("summary", .text(minLength: 10, maxLength: 2000), label: ("Summary", "问题描述")),
                field("contact", .contact, label: ("Contact", "联系方式")),
            ])),
    ]
}

/// Runs a conversation through the engine, answering desk requests like a host would.
struct Conversation {
    var engine = EngineFixtures.engine
    var session: Session
    var turns: [Turn] = []
    var filed: [CaseFile] = []
    /// Notes the engine asked to add to filed tickets.
    var notes: [(ticket: String, note: String)] = []
    var nextTicket = 1
    /// Tickets the fake desk knows, for lookups.
    var tickets: [String: TicketSnapshot] = [:]

    init(_ id: SessionID = "test", language: Language = .en) {
        session = Session(id: id, language: language)
    }

    /// Sends `text`; a pending request is answered the way `response` says (default: file / look up).
    @discardableResult
    mutating func say(_ text: String, respond response: DeskResponse? = nil) -> Reply {
        var turn = engine.handle(text, in: session, at: EngineFixtures.now)
        if let request = turn.request {
            let answer: DeskResponse
            switch request {
            case .fileCase(let file):
                if let response {
                    answer = response
                } else {
                    filed.append(file)
                    let id = "T-" + String(format: "%06d", nextTicket)
                    nextTicket += 1
                    answer = .filed(TicketReference(id: id, status: .open))
                }
            case .lookUpTicket(let id):
                answer = response ?? .ticket(tickets[id])
            case .addNote(let id, let note):
                notes.append((id, note))
                answer = response ?? .noted(true)
            }
            turns.append(turn)
            turn = engine.resume(turn, with: answer, at: EngineFixtures.now)
        }
        turns.append(turn)
        session = turn.session
        return turn.reply
            ?? Reply(text: "<no reply>", language: .en, intent: .outOfScope, confidence: 0)
    }
}

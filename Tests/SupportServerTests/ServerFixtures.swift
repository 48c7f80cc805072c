import Foundation
import SupportCore
import SupportStore

/// A tiny catalog for the server's tests, independent of the shipped `Intents/` content: a
/// greeting, support hours, out of scope, and one two-field flow that files a ticket.
enum ServerFixtures {
    static let engine = DialogueEngine(catalog: catalog, classifier: classifier, scanner: scanner)

    static let scanner = SecretScanner(
        wordlists: MnemonicWordlists(english: [], chineseSimplified: [], chineseTraditional: []))

    static let classifier = IntentClassifier(catalog: catalog)

    /// A desk on a fresh in-memory database.
    static func makeDesk() throws -> SupportDesk {
        SupportDesk(engine: engine, database: try SupportDatabase.inMemory())
    }

    /// A desk on the SQLite file at `path`.
    static func makeDesk(path: String) throws -> SupportDesk {
        SupportDesk(engine: engine, database: try SupportDatabase.open(at: path))
    }

    static let catalog = Catalog(
        configuration: DeskConfiguration(
            brand: "TestWallet", officialDomains: ["testwallet.io"], supportEmail: "help@testwallet.io",
            supportHours: text("9:00-18:00 weekdays", "工作日9点到18点")),
        intents: intents, messages: messages)

    /// Every engine sentence names its key, so a test can tell which one was chosen.
    static let messages: [MessageKey: LocalizedText] = {
        var messages: [MessageKey: LocalizedText] = [:]
        for key in MessageKey.all {
            messages[key] = text("(\(key.rawValue)) {ticket_id}", "（\(key.rawValue)）{ticket_id}")
        }
        messages[.valueYes] = text("Yes", "是")
        messages[.valueNo] = text("No", "否")
        return messages
    }()

    static func text(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }

    static let intents: [IntentDefinition] = [
        IntentDefinition(
            id: .greeting,
            examples: [
                .en: ["hello", "hi there", "good morning", "hey, anyone around?"],
                .zh: ["你好", "您好啊", "在吗", "哈喽"],
            ], keywords: [.en: ["hello": 2], .zh: ["你好": 2]], reply: text("GREETING", "问候")),
        IntentDefinition(
            id: .supportHours,
            examples: [
                .en: ["what are your support hours", "when is support open", "opening hours of customer support"],
                .zh: ["客服几点上班", "你们的服务时间是什么时候", "客服工作时间"],
            ], keywords: [.en: ["hours": 2.5], .zh: ["几点": 2]], reply: text("HOURS {support_hours}", "时间 {support_hours}")),
        IntentDefinition(
            id: .outOfScope,
            examples: [
                .en: ["will bitcoin go up tomorrow", "tell me a joke", "recommend a good restaurant", "what's the weather"],
                .zh: ["明天比特币会涨吗", "讲个笑话", "推荐一家火锅店", "今天天气怎么样"],
            ], reply: text("OUT OF SCOPE", "超出范围")),
        IntentDefinition(
            id: .contactSupport,
            examples: [
                .en: ["I want to talk to a real person", "connect me with customer service", "I need a human"],
                .zh: ["我要找人工客服", "帮我接真人", "人工服务在哪"],
            ], keywords: [.en: ["person": 2, "human": 2.5], .zh: ["人工": 3, "真人": 2.5]],
            reply: text("CONTACT", "联系"),
            flow: FlowDefinition(fields: [
                FieldDefinition(
                    name: "summary", kind: .text(minLength: 10, maxLength: 2000), isRequired: true,
                    prompt: text("ASK summary", "请描述问题"), label: text("Summary", "问题描述")),
                FieldDefinition(
                    name: "contact", kind: .contact, isRequired: true, prompt: text("ASK contact", "请留联系方式"),
                    label: text("Contact", "联系方式")),
            ])),
    ]
}

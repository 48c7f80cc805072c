import Foundation
import Testing

@testable import SupportCore

@Suite("Questions about a question: where to find the hash, what a network is")
struct HelpTopicTests {
    @Test(
        "a short question naming one topic asks about it",
        arguments: [
            ("where do i find the hash?", HelpTopic.transactionHash), ("哈希在哪里看？", .transactionHash),
            ("what's a txid", .transactionHash), ("what is a network", .network), ("链是什么意思", .network),
            ("is it safe to give you my address?", .address), ("地址发给你安全吗", .address),
            ("where is the app version", .appVersion), ("版本号在哪看", .appVersion),
        ])
    func asked(text: String, topic: HelpTopic) {
        #expect(HelpTopic.asked(in: TextNormalizer.normalize(text)) == topic)
    }

    @Test(
        "no question word, two topics, or a long story is no question about a topic",
        arguments: [
            "the hash is 0x5c50", "tron", "which network is my address on?",
            "i have no idea where the money went, the hacker's address was in the transaction and i copied the hash",
            "what are your support hours", "erc20, i mean trc20",
        ])
    func notAsked(text: String) {
        #expect(HelpTopic.asked(in: TextNormalizer.normalize(text)) == nil)
    }

    @Test("a short question pointing back at the pending question asks about its topic; naming another topic does not")
    func pointingBack() {
        for text in ["where do I find it?", "where do i find that", "这个在哪里看", "那个怎么找"] {
            #expect(HelpTopic.asked(in: TextNormalizer.normalize(text), pending: .transactionHash) == .transactionHash, "\(text)")
            #expect(HelpTopic.asked(in: TextNormalizer.normalize(text), pending: nil) == nil, "\(text)")
        }
        #expect(HelpTopic.asked(in: "where is the network", pending: .transactionHash) == .network)
        #expect(HelpTopic.asked(in: "that's it", pending: .transactionHash) == nil)
        #expect(
            HelpTopic.asked(in: "where do i find it? i looked everywhere in the app and in my old phone", pending: .address)
                == nil)
    }

    @Test("asked mid-flow, the bot says how to find it and asks its question again, counting no failed attempt")
    func answeredInFlow() {
        var conversation = Conversation()
        conversation.say("my wallet was drained")
        let reply = conversation.say("where do I find my address?")
        #expect(reply.text == "(help.address)\n\n(flow.resume) ASK wallet_address", "\(reply.text)")
        #expect(conversation.session.flow?.attempts == 0)
        #expect(conversation.session.flow?.pendingField == "wallet_address")
        conversation.say(EngineFixtures.tronAddress)

        var chinese = Conversation(language: .zh)
        chinese.say("我的币被盗了")
        chinese.say(EngineFixtures.tronAddress)
        let network = chinese.say("链是什么意思？")
        #expect(network.text.hasPrefix("（help.chain）"), "\(network.text)")
        #expect(network.awaiting == "amount", "the TRON address settled the network")
    }

    @Test("a free-text answer that mentions where something is stays an answer")
    func freeTextIsAnAnswer() {
        var conversation = Conversation()
        conversation.say("I want to talk to a real person")
        let reply = conversation.say("where is my hash? the transfer shows in the app but not on the explorer")
        #expect(!reply.text.contains("(help."), "\(reply.text)")
        #expect(conversation.session.flow?.answer("summary") != nil)
    }
}

@Suite("Questions mid-report for an intent with its own flow")
struct ReplyInFlowTests {
    /// The fixture catalog where the phishing check (a flow) has an answer for the middle of a report.
    static let engine = EngineFixtures.engine { intent in
        guard intent.id == .phishingCheck else { return intent }
        var intent = intent
        intent.replyInFlow = EngineFixtures.text("PHISHING IN FLOW", "流程中的钓鱼说明")
        return intent
    }

    @Test("a question for an intent with a reply_in_flow is answered with it and the question asked again; without one it is not")
    func answeredWithReplyInFlow() {
        var conversation = Conversation()
        conversation.engine = Self.engine
        conversation.say("my wallet was drained")
        let reply = conversation.say("how do i check if a website is phishing?")
        #expect(reply.text == "PHISHING IN FLOW\n\n(flow.resume) ASK wallet_address", "\(reply.text)")
        #expect(reply.intent == .phishingCheck)
        #expect(conversation.session.flow?.intent == .reportTheft)

        var plain = Conversation()
        plain.say("my wallet was drained")
        let asked = plain.say("how do i check if a website is phishing?")
        #expect(!asked.text.contains("PHISHING"), "\(asked.text)")
        #expect(plain.session.flow?.intent == .reportTheft)
    }
}

@Suite("Answers corrected as they are typed")
struct CorrectedAnswerTests {
    @Test(
        "the value after a correction, or before a 'not', is the one meant",
        arguments: [
            ("50u 不对 是500u", " 是500u"), ("50, sorry 500", " 500"), ("yesterday 5pm, no wait 6pm", " 6pm"),
            ("500 not 50", "500"), ("是500不是50", "是500"), ("不是50，是500", "是500"), ("not 50, 500", " 500"), ("500", "500"), ("sorry", "sorry"), ("不对", "不对"),
        ])
    func corrected(text: String, meant: String) {
        #expect(DialogueEngine.correctedAnswer(text, normalized: TextNormalizer.normalize(text)) == meant)
    }

    @Test(
        "a claim that replaces a denied one is read on its own; without a denial followed by a claim there is none",
        arguments: [
            ("不对 我发现不是没到账 是被盗了", "是被盗了"), ("不是转错了，而是被盗了", "而是被盗了"),
            ("it's not late, it was stolen", "it was stolen"), ("it wasn't a delay but a theft", "but a theft"),
            ("不是", nil), ("不是是", nil), ("是被盗了", nil), ("i did not send it", nil), ("it was stolen, not late", nil),
        ] as [(String, String?)])
    func correctingClaim(text: String, claim: String?) {
        #expect(DialogueEngine.correctingClaim(in: TextNormalizer.normalize(text)) == claim)
    }

    @Test("a corrected amount is stored as meant, in either language")
    func correctedInFlow() {
        var english = Conversation()
        for line in ["my wallet was drained", EngineFixtures.tronAddress] { english.say(line) }
        english.say("50 USDT, sorry 500 USDT")
        #expect(english.session.flow?.answer("amount")?.value == "500")

        var chinese = Conversation(language: .zh)
        for line in ["我的币被盗了", EngineFixtures.tronAddress] { chinese.say(line) }
        chinese.say("50u 不对 是500u")
        #expect(chinese.session.flow?.answer("amount")?.value == "500")
    }
}

@Suite("What a message says once a greeting or a denied loss is taken out")
struct RemovedWordsTests {
    @Test(
        "the rest when something was taken out and a sentence is left; nil otherwise",
        arguments: [
            ("support scam, nothing stolen yet", "support scam,   yet"),
            ("有人冒充客服，但是资产还在", "有人冒充客服,但是 "),
            ("nothing was stolen", nil), ("my usdt is gone", nil), ("没被盗", nil),
        ] as [(String, String?)])
    func removedDeniedLoss(text: String, rest: String?) {
        #expect(DialogueEngine.removing(DialogueEngine.deniedLoss, from: text) == rest)
    }
}

@Suite("Questions asked in trouble: freezing an address, moving what's left")
struct SafetyQuestionTests {
    @Test(
        "a short message that asks one of them is that question; statements and long stories are not",
        arguments: [
            ("can you freeze his address?", SafetyQuestion.freeze), ("你们能冻结对方地址吗", .freeze),
            ("should I move my funds now?", .moveFunds), ("我现在要不要把剩下的币转走？", .moveFunds),
            ("你们能不能把那个地址冻结掉", .freeze), ("can you block the hacker's wallet?", .freeze),
            ("剩下的钱还安全吗", .moveFunds), ("is it safe to leave the rest in the wallet?", .moveFunds),
            ("要不要把转账记录发给你？", nil),
            ("how do I move my coins to the new wallet, is there a fee?", .howToMove), ("那我新建钱包之后怎么把币转过去，要手续费吗", .howToMove),
            ("they froze my exchange account", nil), ("I moved my funds to a new wallet", nil),
            ("can you freeze his address? and should I move the rest?", nil),
            ("can you freeze my wallet so no one can touch it", .noAccount), ("那你们后台能帮我查一下吗，我有身份证", .noAccount),
            ("can you recover it from my email?", .noAccount), ("我的账户被冻结了，提不了币", .noAccount),
            ("are you a bot?", .areYouBot), ("你是机器人吗", .areYouBot), ("I paid the bot fee", nil),
            ("someone wants me to send usdt for an investment with 3% daily", .investmentScam),
            ("有人拉我进群投资，说每天3%收益，靠谱吗", .investmentScam),
            ("早上好，我想问一下怎么把U转到交易所", .howToSend), ("how do i send usdt to binance?", .howToSend),
            ("how do I move my usdt to my exchange account", .howToSend), ("how do I send usdt to my friend", nil),
            ("我转到币安的U还没到账", nil),
            ("我的钱包里出现了一个我没买过的币 叫USDT-Airdrop 能卖吗", .unknownToken),
            ("a strange token appeared in my wallet worth 5000 usdt, can i swap it?", .unknownToken),
            ("我朋友让我用他的助记词导入钱包 里面有很多u 他说帮他转出来给我分一半 靠谱吗", .sharedPhraseTrap),
            ("a guy on telegram gave me his seed phrase and wants me to move his usdt", .sharedPhraseTrap),
            ("fake support asked for my seed phrase and i gave it", nil),
            ("助记词存在手机备忘录里安全吗", .phraseStorage), ("is it ok to keep a screenshot of my seed phrase?", .phraseStorage),
            ("还有一个问题", .oneMore), ("i have another question", .oneMore), ("用中文可以吗", .language),
            ("can you speak english?", .language), ("no i mean can you just cancel the transaction", .reverse),
            ("转错了 能撤回吗", .reverse), ("我的tp突然打不开了 闪退", .appProblem), ("the app keeps crashing when i open it", .appProblem),
            ("这个链接打不开", nil), ("i can't open the link", nil), ("可以取消这笔转账吗", .reverse), ("怎么撤销授权", nil), ("cancel the report", nil),
            (String(repeating: "my wallet was drained and I am very worried, ", count: 4) + "can you freeze his address?", nil),
        ] as [(String, SafetyQuestion?)])
    func asked(text: String, question: SafetyQuestion?) {
        #expect(SafetyQuestion.asked(in: TextNormalizer.normalize(text)) == question)
    }
}

@Suite("A message read without its addresses and hashes")
struct WithoutIdentifiersTests {
    private func message(_ text: String) -> UserMessage {
        UserMessage(text: text, language: .en, now: EngineFixtures.now, hasSecret: false)
    }

    @Test("identifiers are blanked, the rest kept; nothing is returned when only an identifier was sent")
    func blanked() {
        let rest = DialogueEngine.withoutIdentifiers(message("200 usdt to \(EngineFixtures.tronAddress), yesterday"))
        #expect(rest?.text == "200 usdt to  , yesterday")
        #expect(rest?.normalized.contains("usdt") == true)
        #expect(DialogueEngine.withoutIdentifiers(message(EngineFixtures.tronAddress)) == nil)
        #expect(DialogueEngine.withoutIdentifiers(message("-> \(EngineFixtures.tronAddress) !")) == nil)
        #expect(DialogueEngine.withoutIdentifiers(message("short words stay"))?.text == "short words stay")
    }
}

@Suite("The clauses of a message without a question's phrases")
struct ClausesWithoutTests {
    @Test("clauses holding a phrase are dropped; what is left must make a sentence")
    func clauses() {
        let freeze = SafetyQuestion.freeze.phrases
        #expect(DialogueEngine.clauses(of: "我的U被盗了，能冻结对方地址吗", without: freeze) == "我的u被盗了")
        #expect(DialogueEngine.clauses(of: "能冻结对方地址吗", without: freeze) == nil)
        #expect(
            DialogueEngine.clauses(of: "my wallet was drained last night, can you freeze his address?", without: freeze)
                == "my wallet was drained last night")
    }
}

@Suite("A complaint inside a report")
struct ComplaintInReportTests {
    private func message(_ text: String) -> UserMessage {
        UserMessage(text: text, language: .en, now: EngineFixtures.now, hasSecret: false)
    }

    @Test(
        "said alone, or asked for in a short message, it is a complaint; a story that mentions a supervisor is not",
        arguments: [
            ("投诉！", true), ("supervisor", true), ("I want to talk to a supervisor, this is ridiculous", true),
            ("我要投诉你们，太慢了", true), ("the scammer said he was a supervisor at the exchange", false),
            ("I clicked a link and signed something, then it was gone", false),
            (String(repeating: "they told me to wait and wait, ", count: 4) + "then said I could talk to a supervisor", false),
        ])
    func complains(text: String, expected: Bool) {
        #expect(DialogueEngine.complains(message(text)) == expected)
    }

    @Test("the case handed over on a complaint says so for the agent; a plain hand-over says the user asked for a person")
    func complaintNoteOnCase() throws {
        var complaining = Conversation(language: .en)
        complaining.say("my usdt was stolen")
        complaining.say("I want to talk to a supervisor, this is ridiculous")
        let complaintCase = try #require(complaining.filed.first)
        #expect(complaintCase.summary.contains("(case.complaint_note)"), "\(complaintCase.summary)")
        #expect(!complaintCase.summary.contains("(case.hand_over_note)"))

        var asking = Conversation(language: .en)
        asking.say("my usdt was stolen")
        asking.say("agent")
        let askedCase = try #require(asking.filed.first)
        #expect(askedCase.summary.contains("(case.hand_over_note)"), "\(askedCase.summary)")
    }
}

@Suite("The words after a marker")
struct FollowingWordsTests {
    @Test(
        "each marker's clause, a few words long; none without the marker",
        arguments: [
            ("i sent 200 usdt from my wallet to binance, 3 hours ago", "binance"),
            ("我从币安提币到tp，一直没到账", "tp | 账"), ("sent it to my friend yesterday and he says no", "my friend yesterday and"),
            ("nothing here", ""),
        ])
    func following(text: String, expected: String) {
        #expect(DialogueEngine.following(["to", "到"], in: text).trimmingCharacters(in: .whitespaces) == expected)
    }

    @Test(
        "where a transfer came from ends where it went begins",
        arguments: [
            ("我从币安提币到tp，一直没到账", "币安提币"), ("i withdrew usdt from binance to my wallet", "binance"),
            ("withdrawal from okx", "okx"),
        ])
    func source(text: String, expected: String) {
        #expect(DialogueEngine.following(["from", "从"], in: text).trimmingCharacters(in: .whitespaces) == expected)
    }
}

@Suite("A skip said first, with a reason after it")
struct BeginsWithSkipTests {
    static let hashField = FieldDefinition(
        name: "tx_hash", kind: .txHashes, isRequired: false, prompt: LocalizedText(en: "", zh: ""),
        label: LocalizedText(en: "", zh: ""))

    @Test(
        "the first words skip, the topic word left out; a lone 'no' or one word does not",
        arguments: [
            ("i dont have hash, binance show completed", true), ("没有哈希 币安上看不到", true),
            ("no idea, the exchange did it", true), ("no wait let me look", false), ("skip", false),
            ("the exchange shows completed", false),
        ])
    func beginsWithSkip(text: String, expected: Bool) {
        #expect(DialogueEngine.beginsWithSkip(TextNormalizer.normalize(text), field: Self.hashField) == expected)
    }
}

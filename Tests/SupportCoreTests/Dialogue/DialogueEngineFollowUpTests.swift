import Foundation
@testable import SupportCore
import Testing

/// A fake-support report in which money left the wallet: the yes/no answers the opening gives, and
/// the theft report that follows the filed case.
@Suite("DialogueEngine: yes/no from the opening and follow-up reports")
struct DialogueEngineFollowUpTests {
    /// The fixture catalog with a fake-support flow that asks whether money moved and follows up with
    /// the theft report, taking over the wallet address and the contact.
    static let engine = EngineFixtures.engine { intent in
        guard intent.id == .fakeSupportScam, var flow = intent.flow else { return intent }
        var intent = intent
        let ask = { (name: String) in EngineFixtures.text("ASK \(name)", "请提供 \(name)") }
        flow.fields = [
            flow.fields[0],
            FieldDefinition(
                name: "secret_shared", kind: .yesNo, isRequired: true, prompt: ask("secret_shared"),
                label: EngineFixtures.text("Phrase shared", "是否泄露助记词"), openingYes: ["I gave it to him", "发给他"],
                unsureHint: EngineFixtures.text("TREAT AS YES", "按是处理")),
            FieldDefinition(
                name: "funds_moved", kind: .yesNo, isRequired: true, prompt: ask("funds_moved"),
                label: EngineFixtures.text("Money moved", "资产损失"), openingYes: ["is gone", "被转走"]),
            EngineFixtures.field(
                "wallet_address", .address, label: ("Wallet address", "钱包地址"),
                when: FieldCondition(field: "secret_shared", values: ["yes"])),
            EngineFixtures.field("contact", .contact, required: false, label: ("Contact", "联系方式")),
        ]
        flow.followUp = FollowUp(
            condition: FieldCondition(field: "funds_moved", values: ["yes"]), intent: .reportTheft,
            carried: ["wallet_address", "contact"],
            answers: [
                FollowUpAnswer(
                    field: "tx_hash", value: "none", condition: FieldCondition(field: "secret_shared", values: ["no"]))
            ])
        intent.flow = flow
        return intent
    }

    private func conversation(_ language: Language = .en) -> Conversation {
        var conversation = Conversation(language: language)
        conversation.engine = Self.engine
        return conversation
    }

    @Test("an opening that says the phrase was given and the money is gone answers both questions yes, shown back")
    func yesFromOpening() {
        var english = conversation()
        let reply = english.say(
            "someone pretending to be support asked for my phrase, I gave it to him and my usdt is gone")
        #expect(
            reply.text.hasSuffix("(flow.noted_from_opening)\nPhrase shared: Yes\nMoney moved: Yes\n\nASK scam_channel"),
            "\(reply.text)")
        #expect(english.session.flow?.answer("secret_shared")?.value == "yes")
        #expect(english.session.flow?.answer("funds_moved")?.value == "yes")

        var chinese = conversation(.zh)
        chinese.say("冒充客服的人找我要助记词，我已经发给他了，U全被转走了")
        #expect(chinese.session.flow?.answer("secret_shared")?.value == "yes")
        #expect(chinese.session.flow?.answer("funds_moved")?.value == "yes")
    }

    @Test(
        "a phrase after a negation, in a question or a hedging or denying message, or no phrase at all, leaves the question to be asked; an opening never answers no",
        arguments: [
            "冒充客服的人找我要助记词，我没有发给他，币也没有被转走",
            "someone pretending to be support asked for my phrase, I never said I gave it to him",
            "someone pretending to be support asked for my phrase",
            "冒充客服的人找我要助记词，我差点就发给他了", "冒充客服的人找我，如果我发给他了会怎样",
            "冒充客服的人说发给他就能解冻，我没发", "冒充客服的人找我要助记词，发给他了币会被转走吗？",
            "someone pretending to be support asked for my phrase, what if I gave it to him?",
            "冒充客服的人让我把助记词发给他验证钱包",
            "someone pretending to be support asked for my phrase, nothing is gone", "someone pretending to be support called, no usdt is gone",
        ])
    func notFromOpening(text: String) {
        var conversation = conversation()
        conversation.say(text)
        #expect(conversation.session.flow?.answer("secret_shared") == nil, "\(text)")
        #expect(conversation.session.flow?.answer("funds_moved") == nil, "\(text)")
    }

    @Test("a request carried out ('让我交了') is what happened; the same request not carried out is not")
    func requestCarriedOut() {
        #expect(DialogueEngine.says(anyOf: ["交了"], in: "他还让我交了保证金"))
        #expect(!DialogueEngine.says(anyOf: ["交了"], in: "他说让我交保证金, 我没交"))
        #expect(!DialogueEngine.says(anyOf: ["发给他"], in: "冒充客服的人让我把助记词发给他验证钱包"))
        #expect(!DialogueEngine.says(anyOf: ["交了"], in: "我没有交了"))
    }

    @Test("'my usdt is gone' given for another question is noted as the yes, and that question asked again")
    func volunteeredYes() {
        var conversation = conversation()
        conversation.say("someone pretending to be support asked for my phrase")
        let reply = conversation.say("my usdt is gone")
        #expect(reply.text == "(flow.noted)\nMoney moved: Yes\n\nASK scam_channel", "\(reply.text)")
        #expect(conversation.session.flow?.answer("funds_moved")?.value == "yes")
    }

    @Test("asked the question itself, a sentence with one of its phrases is the yes; without one it is asked again")
    func phraseAnswersItsQuestion() {
        var conversation = conversation(.zh)
        for line in ["冒充客服的人找我", "电报", "没有"] { conversation.say(line) }
        #expect(conversation.session.flow?.pendingField == "funds_moved")
        let unclear = conversation.say("转了500U")
        #expect(unclear.text.hasPrefix("（reject.yes_no_unclear）"), "\(unclear.text)")
        conversation.say("我的500U已经被转走了")
        #expect(conversation.session.flow?.answer("funds_moved")?.value == "yes")
    }

    @Test("a filed report in which money moved goes on to the theft report with the answers both ask for")
    func followUpAfterFiling() throws {
        var conversation = conversation()
        for line in [
            "someone pretending to be support asked for my phrase", "telegram", "yes", "yes",
            EngineFixtures.tronAddress,
            "alice@example.com",
        ] {
            conversation.say(line)
        }
        let filed = conversation.say("yes")
        #expect(conversation.filed.map(\.intent) == [.fakeSupportScam])
        #expect(filed.ticket?.id == "T-000001")
        #expect(filed.text.contains("(flow.filed) T-000001"))
        #expect(filed.text.hasSuffix("(flow.follow_up) (flow.follow_up_carried)\n\nASK amount"), "\(filed.text)")
        #expect(!filed.text.contains("THEFT ADVICE"), "the advice was given with the first report")
        let flow = try #require(conversation.session.flow)
        #expect(flow.intent == .reportTheft)
        #expect(flow.followsTicket == "T-000001")
        #expect(flow.answer("wallet_address")?.value == EngineFixtures.tronAddress)
        #expect(flow.answer("contact")?.value == "alice@example.com")
        #expect(flow.answer("chain")?.value == "tron", "the TRON address carried over settles the network")

        for line in ["300 USDT", "skip", "yes"] { conversation.say(line) }
        let theft = try #require(conversation.filed.last)
        #expect(conversation.filed.count == 2)
        #expect(theft.intent == .reportTheft)
        #expect(theft.priority == .urgent, "the phrase was given away in the case it follows")
        #expect(theft.summary.contains("(case.follows_note) T-000001"), "\(theft.summary)")
        #expect(theft.summary.contains("someone pretending to be support asked for my phrase"), "the opening is quoted")
        #expect(conversation.session.flow == nil)
    }

    @Test(
        "the follow-up starts with what the yes said besides ('yes, 300 USDT is gone') and the answers whose condition holds"
    )
    func yesWithAmountAndSetAnswers() throws {
        var unshared = conversation()
        for line in [
            "someone pretending to be support asked for my phrase", "telegram", "no", "yes, 300 USDT is gone", "skip",
        ] {
            unshared.say(line)
        }
        let filed = unshared.say("yes")
        let flow = try #require(unshared.session.flow)
        #expect(flow.intent == .reportTheft)
        #expect(flow.answer("amount")?.value == "300")
        #expect(flow.answer("asset")?.value == "USDT")
        #expect(flow.answer("tx_hash")?.value == "none", "set because the phrase was not shared")
        #expect(filed.awaiting == "wallet_address", "\(filed.text)")

        var shared = conversation()
        for line in [
            "someone pretending to be support asked for my phrase", "telegram", "yes", "yes",
            EngineFixtures.tronAddress, "skip", "yes",
        ] {
            shared.say(line)
        }
        #expect(shared.session.flow?.answer("tx_hash") == nil, "the condition does not hold")
    }

    @Test(
        "'not sure' to a required question with a hint gets the hint and the question again; without one it cannot be skipped"
    )
    func unsureHint() {
        var conversation = conversation(.zh)
        for line in ["冒充客服的人找我", "电报"] { conversation.say(line) }
        let hinted = conversation.say("不太确定")
        #expect(hinted.text == "按是处理\n\n请提供 secret_shared", "\(hinted.text)")
        // "I can't remember" is not knowing either.
        #expect(conversation.say("不记得了").text == "按是处理\n\n请提供 secret_shared")
        #expect(conversation.session.flow?.attempts == 0)
        conversation.say("是")
        let unhinted = conversation.say("不确定")
        #expect(unhinted.text.hasPrefix("（flow.cannot_skip）"), "\(unhinted.text)")
        #expect(unhinted.awaiting == "funds_moved")
    }

    /// A fake-support report at its summary: the phrase not shared, `fundsMoved` said to the money
    /// question, the contact skipped.
    private func atSummary(_ language: Language, fundsMoved: String) -> Conversation {
        var conversation = conversation(language)
        let opening = language == .zh ? "冒充客服的人找我" : "someone pretending to be support asked for my phrase"
        for line in [opening, "telegram", "no", fundsMoved, "skip"] { conversation.say(line) }
        #expect(conversation.session.flow?.stage == .confirming)
        return conversation
    }

    @Test("at the summary, a no for one of two yes/no questions goes to the one whose label it names")
    func yesNoChangeByLabel() {
        for (language, change) in [(Language.zh, "其实没有资产损失"), (.en, "no money moved after all")] {
            var conversation = atSummary(language, fundsMoved: "yes")
            conversation.say(change)
            #expect(conversation.session.flow?.answer("funds_moved")?.value == "no", "\(change)")
            #expect(conversation.session.flow?.answer("secret_shared")?.value == "no")
            #expect(conversation.session.flow?.stage == .confirming)
        }
    }

    @Test("at the summary, admitting what was answered no turns it to yes and asks what that makes relevant")
    func admissionAtSummary() {
        for (language, admission) in [(Language.en, "actually I gave it to him"), (.zh, "其实我发给他了")] {
            var conversation = atSummary(language, fundsMoved: "no")
            let reply = conversation.say(admission)
            #expect(conversation.session.flow?.answer("secret_shared")?.value == "yes", "\(admission)")
            #expect(reply.awaiting == "wallet_address", "\(reply.text)")
        }
        // Admitted before the summary, at another question: noted the same, that question asked again,
        // and the exposed wallet asked after it.
        var early = conversation()
        for line in ["someone pretending to be support asked for my phrase", "telegram", "no"] { early.say(line) }
        #expect(early.session.flow?.pendingField == "funds_moved")
        let admittedEarly = early.say("actually I gave it to him")
        #expect(early.session.flow?.answer("secret_shared")?.value == "yes")
        #expect(admittedEarly.text.hasPrefix("(flow.noted)\nPhrase shared: Yes"), "\(admittedEarly.text)")
        #expect(admittedEarly.awaiting == "funds_moved")
        #expect(early.say("no").awaiting == "wallet_address")
        // A denial at the summary changes nothing this way.
        var denied = atSummary(.en, fundsMoved: "no")
        denied.say("I never said I gave it to him")
        #expect(denied.session.flow?.answer("secret_shared")?.value == "no")
    }

    @Test("a change at the summary that makes answered questions unneeded says which were left out")
    func droppedByChange() {
        var conversation = conversation()
        for line in [
            "someone pretending to be support asked for my phrase", "telegram", "yes", "no", EngineFixtures.tronAddress, "skip",
        ] {
            conversation.say(line)
        }
        #expect(conversation.session.flow?.stage == .confirming)
        let reply = conversation.say("Phrase shared: no")
        #expect(conversation.session.flow?.answer("secret_shared")?.value == "no")
        #expect(reply.text.hasPrefix("(flow.dropped_by_change) Wallet address"), "\(reply.text)")
        #expect(reply.awaiting == "confirm")
        let unchanged = conversation.say("Money moved: yes")
        #expect(!unchanged.text.contains("flow.dropped_by_change"), "\(unchanged.text)")
    }

    @Test("a follow-up report stopped unfiled says the ticket it followed stands")
    func stoppedFollowUp() {
        var conversation = conversation()
        for line in ["someone pretending to be support asked for my phrase", "telegram", "no", "yes", "skip", "yes"] {
            conversation.say(line)
        }
        #expect(conversation.session.flow?.followsTicket == "T-000001")
        let reply = conversation.say("cancel")
        #expect(reply.text == "(flow.follow_up_stopped) T-000001", "\(reply.text)")
        #expect(conversation.filed.count == 1)

        var plain = Conversation()
        plain.say("my wallet was drained")
        #expect(plain.say("cancel").text == "(flow.cancelled)")
    }

    @Test("a look-alike of the desk's site in the opening of a flow that keeps no link is named once")
    func lookalikeInOpening() {
        var conversation = conversation()
        let reply = conversation.say(
            "someone pretending to be support sent me testwallet-verify.com and asked for my phrase")
        #expect(reply.text.contains("(phishing.lookalike) testwallet-verify.com"), "\(reply.text)")
        var official = Conversation()
        let officialReply = official.say("someone pretending to be support said to download from testwallet.io")
        #expect(!officialReply.text.contains("(phishing."), "\(officialReply.text)")
    }

    @Test("with instead_at_opening, an opening that already says the money is gone starts the follow-up report instead")
    func followUpInsteadAtOpening() {
        let engine = EngineFixtures.engine { intent in
            guard let replaced = Self.engine.catalog.intent(intent.id), replaced.id == .fakeSupportScam else { return intent }
            var intent = replaced
            intent.flow?.followUp?.replacesAtOpening = true
            return intent
        }
        var gone = Conversation(language: .en)
        gone.engine = engine
        gone.say("someone pretending to be support called me and my usdt is gone")
        #expect(gone.session.flow?.intent == .reportTheft)

        var notGone = Conversation(language: .en)
        notGone.engine = engine
        notGone.say("someone pretending to be support called me, my usdt is not gone")
        #expect(notGone.session.flow?.intent == .fakeSupportScam)

        var without = conversation()
        without.say("someone pretending to be support called me and my usdt is gone")
        #expect(without.session.flow?.intent == .fakeSupportScam)
    }

    @Test("no follow-up when no money moved, nor after a hand-over to a person")
    func noFollowUp() {
        var unharmed = conversation()
        for line in ["someone pretending to be support asked for my phrase", "telegram", "no", "no", "skip", "yes"] {
            unharmed.say(line)
        }
        #expect(unharmed.filed.map(\.intent) == [.fakeSupportScam])
        #expect(unharmed.session.flow == nil)

        var handedOver = conversation()
        for line in ["someone pretending to be support asked for my phrase", "telegram", "no", "yes"] {
            handedOver.say(line)
        }
        let reply = handedOver.say("agent")
        #expect(handedOver.filed.count == 1)
        #expect(!reply.text.contains("(flow.follow_up)"), "\(reply.text)")
        #expect(handedOver.session.flow == nil)
    }
}

import Foundation
import SupportCore
import Testing

@Suite("DialogueEngine: answers outside a flow")
struct DialogueEngineAnswerTests {
    @Test("a FAQ intent answers with its reply, placeholders filled, in each language")
    func faq() {
        var en = Conversation()
        let reply = en.say("what are your support hours?")
        #expect(reply.intent == .supportHours)
        #expect(reply.text == "HOURS 9:00-18:00 weekdays")
        #expect(reply.flow == nil && reply.awaiting == nil)
        #expect(reply.confidence > 0)

        var zh = Conversation()
        let zhReply = zh.say("你们的客服几点上班？")
        #expect(zhReply.intent == .supportHours)
        #expect(zhReply.language == .zh)
        #expect(zhReply.text == "时间 工作日9点到18点")
    }

    @Test("an unrelated question gets the out-of-scope reply in both languages")
    func outOfScope() {
        var en = Conversation()
        let reply = en.say("tell me a joke about penguins")
        #expect(reply.intent == .outOfScope)
        #expect(reply.text == "OUT OF SCOPE")
        var zh = Conversation()
        let zhReply = zh.say("明天比特币会涨吗")
        #expect(zhReply.intent == .outOfScope)
        #expect(zhReply.text == "超出范围")
    }

    @Test("gibberish below the confidence threshold is out of scope, never a guess")
    func lowConfidence() {
        var conversation = Conversation()
        let reply = conversation.say("qwxz vbnm plok")
        #expect(reply.intent == .outOfScope)
    }

    @Test("a link sent with only a greeting is checked, not greeted")
    func linkWithGreeting() {
        var conversation = Conversation()
        let reply = conversation.say("hello there tp-wallet-verify.com")
        #expect(reply.intent == .phishingCheck, "\(reply.text)")
        #expect(!reply.text.contains("GREETING"))
        var email = Conversation()
        #expect(email.say("hello there, I'm bob@example.com").intent == .greeting, "an e-mail address is no link")
    }

    @Test("several links in one message: the look-alike is named first and recorded, the official one said too")
    func severalLinks() {
        var conversation = Conversation()
        let reply = conversation.say("is testwallet.io real? and testwallet.io.download-app.cc?")
        #expect(reply.intent == .phishingCheck)
        let lookalike = reply.text.range(of: "testwallet.io.download-app.cc")
        let official = reply.text.range(of: "testwallet.io\n")
        #expect(lookalike != nil && official != nil, "\(reply.text)")
        if let lookalike, let official { #expect(lookalike.lowerBound < official.lowerBound, "\(reply.text)") }
    }

    @Test("cancel with nothing running says there is nothing to cancel")
    func nothingToCancel() {
        var conversation = Conversation()
        #expect(conversation.say("cancel").text == "(flow.nothing_to_cancel)")
        var zh = Conversation()
        #expect(zh.say("取消").text == "（flow.nothing_to_cancel）")
    }

    @Test("a flow intent gives its advice, then the first field's prompt")
    func flowStart() {
        var conversation = Conversation()
        let reply = conversation.say("someone stole my usdt last night")
        #expect(reply.intent == .reportTheft)
        #expect(reply.text == "THEFT ADVICE\n\nASK wallet_address")
        #expect(reply.flow == .reportTheft)
        #expect(reply.awaiting == "wallet_address")
        #expect(conversation.session.flow?.openingMessage == "someone stole my usdt last night")

        var zh = Conversation()
        let zhReply = zh.say("我的币被盗了")
        #expect(zhReply.text == "被盗建议\n\n请提供 wallet_address")
        #expect(zhReply.language == .zh)
    }

    @Test("same input twice gives identical turns")
    func determinism() {
        let script = [
            "someone stole my usdt", EngineFixtures.tronAddressBadChecksum, EngineFixtures.tronAddress,
            "300 USDT",
            "what are your support hours", "skip", "my private key is \(EngineFixtures.privateKey)",
            "@alice_wallet",
            "change the amount to 500", "yes",
        ]
        var first = Conversation()
        var second = Conversation()
        for line in script {
            first.say(line)
            second.say(line)
        }
        #expect(first.turns.count == second.turns.count)
        for (a, b) in zip(first.turns, second.turns) {
            #expect(a.reply == b.reply)
            #expect(a.session == b.session)
            #expect(a.request == b.request)
            #expect(a.redactedText == b.redactedText)
        }
        #expect(first.filed == second.filed)
    }
}

@Suite("DialogueEngine: collecting a flow")
struct DialogueEngineFlowTests {
    @Test("a complete English theft report reaches the summary, files on yes, then shows the ticket")
    func fullFlowEnglish() throws {
        var conversation = Conversation()
        conversation.say("my wallet was drained")
        var reply = conversation.say(EngineFixtures.tronAddress)
        // The TRON address settles the chain, so the next question is the amount.
        #expect(reply.awaiting == "amount")
        reply = conversation.say("about 300 USDT")
        // "300 USDT" settles the asset too.
        #expect(reply.awaiting == "tx_hash")
        #expect(reply.text.contains("(flow.optional_hint)"))
        reply = conversation.say("skip")
        #expect(reply.text.hasPrefix("(flow.skipped) Transaction hash"))
        #expect(reply.awaiting == "contact")
        reply = conversation.say("alice@example.com")
        #expect(reply.awaiting == "confirm")
        let lines = reply.text.components(separatedBy: "\n")
        #expect(lines.contains("(flow.summary_intro)"))
        #expect(lines.contains("Wallet address: \(EngineFixtures.tronAddress)"))
        #expect(lines.contains("Network: TRON"))
        #expect(lines.contains("Amount: (flow.value_approximate) ~300"))
        #expect(lines.contains("Asset: USDT"))
        #expect(lines.contains("Transaction hash: (flow.summary_skipped)"))
        #expect(reply.text.hasSuffix("(flow.confirm_question)"))

        reply = conversation.say("yes")
        #expect(reply.text == "(flow.filed) T-000001 alice@example.com")
        #expect(reply.ticket == TicketReference(id: "T-000001", status: .open))
        #expect(reply.flow == nil && reply.awaiting == nil)
        #expect(conversation.session.lastTicketID == "T-000001")
        #expect(conversation.session.lastCaseIntent == .reportTheft)
        #expect(conversation.session.flow == nil)

        let file = try #require(conversation.filed.first)
        #expect(file.intent == .reportTheft)
        #expect(file.priority == .high)
        #expect(file.language == .en)
        #expect(file.sessionID == "test")
        #expect(file.fields.map(\.field) == ["wallet_address", "chain", "amount", "asset", "contact"])
        #expect(file.fields.first { $0.field == "chain" }?.value.value == "tron")
        #expect(file.fields.first { $0.field == "amount" }?.value.isApproximate == true)
        #expect(file.missingFields == ["tx_hash"])
        #expect(!file.secretExposed)
        #expect(file.summary.hasPrefix("(case.summary) report_theft (priority.high): Wallet address: "))
        #expect(file.summary.contains("(case.opening) my wallet was drained"))
    }

    @Test("a complete Chinese report ends with a ticket, prompts and summary in Chinese")
    func fullFlowChinese() throws {
        var conversation = Conversation(language: .zh)
        conversation.say("我的USDT被盗了")
        conversation.say(EngineFixtures.evmAddress)
        var reply = conversation.say("以太坊")
        #expect(reply.awaiting == "amount")
        #expect(reply.text == "请提供 amount")
        reply = conversation.say("20000")
        #expect(reply.awaiting == "asset")
        reply = conversation.say("泰达币")
        reply = conversation.say(
            "交易哈希 0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b")
        #expect(reply.awaiting == "contact")
        reply = conversation.say("@alice_wallet")
        #expect(reply.text.contains("钱包地址：\(EngineFixtures.evmAddress)"))
        #expect(reply.text.contains("金额：20000"))
        reply = conversation.say("确认提交")
        #expect(reply.text == "（flow.filed） T-000001 @alice_wallet")
        let file = try #require(conversation.filed.first)
        #expect(file.language == .zh)
        // 20000 ≥ highValueAmount: one step above the intent's high.
        #expect(file.priority == .urgent)
        #expect(file.fields.first { $0.field == "asset" }?.value.value == "USDT")
        #expect(file.summary.contains("钱包地址："))
        // Chinese sentences of the summary run on, without the spaces English puts between them.
        #expect(file.summary.contains("（case.opening）"))
        #expect(!file.summary.contains(" （case.opening）"))
    }

    @Test("a wrong value gets its specific reason; the third failure offers a way out")
    func rejections() {
        var conversation = Conversation()
        conversation.say("my wallet was drained")
        var reply = conversation.say(EngineFixtures.tronAddressBadChecksum)
        #expect(reply.text == "(reject.address_checksum)\n\nASK wallet_address")
        #expect(reply.awaiting == "wallet_address")
        reply = conversation.say("my address")
        #expect(reply.text.hasPrefix("(reject.address_format)"))
        reply = conversation.say("0x1234")
        #expect(reply.text.hasPrefix("(flow.too_many_attempts_required) Wallet address"))
        #expect(reply.text.hasSuffix("ASK wallet_address"))
        // The counter resets on the next field.
        conversation.say(EngineFixtures.tronAddress)
        #expect(conversation.session.flow?.attempts == 0)
    }

    @Test("three failures on an optional field offer to skip it; skip then moves on")
    func optionalTooManyAttempts() {
        var conversation = Conversation()
        for line in ["my wallet was drained", EngineFixtures.tronAddress, "300 USDT"] {
            conversation.say(line)
        }
        #expect(conversation.session.flow?.pendingField == "tx_hash")
        conversation.say("abc")
        conversation.say("def")
        let reply = conversation.say("ghi")
        #expect(reply.text.hasPrefix("(flow.too_many_attempts_optional) Transaction hash"))
        let skipped = conversation.say("跳过")
        #expect(skipped.text.hasPrefix("（flow.skipped） 交易哈希"))
        #expect(skipped.awaiting == "contact")
    }

    @Test("a required field cannot be skipped")
    func cannotSkip() {
        var conversation = Conversation()
        conversation.say("my wallet was drained")
        let reply = conversation.say("I don't know")
        #expect(reply.text == "(flow.cannot_skip) Wallet address\n\nASK wallet_address")
        #expect(reply.awaiting == "wallet_address")
        var zh = Conversation(language: .zh)
        zh.say("钱包被盗了")
        #expect(zh.say("不知道").text.hasPrefix("（flow.cannot_skip） 钱包地址"))
    }

    @Test(
        "cancel mid-flow drops the flow and files nothing",
        arguments: ["cancel", "算了", "不填了", "never mind"])
    func cancelMidFlow(word: String) {
        var conversation = Conversation()
        conversation.say("my wallet was drained")
        conversation.say(EngineFixtures.tronAddress)
        let reply = conversation.say(word)
        #expect(reply.text.contains("flow.cancelled"))
        #expect(reply.flow == nil)
        #expect(conversation.session.flow == nil)
        #expect(conversation.filed.isEmpty)
    }

    @Test(
        "a message only the classifier calls a cancel asks first and keeps the case",
        arguments: ["drop this form", "先别记录了吧"])
    func classifiedCancelAsks(text: String) {
        var conversation = Conversation()
        conversation.say("my wallet was drained")
        conversation.say(EngineFixtures.tronAddress)
        let reply = conversation.say(text)
        #expect(reply.text.hasPrefix(text.contains("记录") ? "（flow.cancel_check）" : "(flow.cancel_check)"), "\(reply.text)")
        #expect(reply.awaiting == "amount")
        #expect(conversation.session.flow?.answer("wallet_address")?.value == EngineFixtures.tronAddress)
        #expect(conversation.say("cancel").text.contains("flow.cancelled"))
    }

    @Test("'submit' before the summary says the case goes once complete, and asks on", arguments: ["submit", "提交"])
    func submitTooEarly(text: String) {
        var conversation = Conversation()
        conversation.say("my wallet was drained")
        let reply = conversation.say(text)
        #expect(reply.text.contains("flow.submit_too_early"), "\(reply.text)")
        #expect(reply.awaiting == "wallet_address")
        #expect(conversation.filed.isEmpty)
    }

    @Test("the user's own contact given for a free-text field goes to the contact field")
    func ownContactForText() {
        var conversation = Conversation()
        #expect(conversation.say("I want to talk to a real person").awaiting == "summary")
        let reply = conversation.say("my email is bob@example.com, reach me there")
        #expect(reply.text == "(flow.noted)\nContact: bob@example.com\n\nASK summary")
        #expect(reply.awaiting == "summary")
        #expect(conversation.session.flow?.answer("summary") == nil)
    }

    @Test("a different question mid-flow is answered, then the pending question resumes")
    func interruption() {
        var conversation = Conversation()
        conversation.say("my wallet was drained")
        var reply = conversation.say("what are your support hours?")
        #expect(reply.intent == .supportHours)
        #expect(reply.text == "HOURS 9:00-18:00 weekdays\n\n(flow.resume) ASK wallet_address")
        #expect(reply.flow == .reportTheft && reply.awaiting == "wallet_address")
        #expect(conversation.session.flow?.attempts == 0)
        reply = conversation.say(EngineFixtures.tronAddress)
        #expect(reply.awaiting == "amount")

        var zh = Conversation(language: .zh)
        zh.say("钱包被盗了")
        let zhReply = zh.say("你们的服务时间是什么时候")
        #expect(zhReply.text == "时间 工作日9点到18点\n\n（flow.resume） 请提供 wallet_address")
    }

    @Test("the user switching language mid-flow gets prompts in the new language")
    func languageSwitch() {
        var conversation = Conversation()
        conversation.say("my wallet was drained")
        var reply = conversation.say("地址是 \(EngineFixtures.tronAddress)")
        #expect(reply.language == .zh)
        #expect(reply.text == "请提供 amount")
        // An answer without words keeps the language of the conversation.
        reply = conversation.say("300")
        #expect(reply.language == .zh)
        #expect(reply.text == "请提供 asset")
        reply = conversation.say("skip it please")
        #expect(reply.language == .en)
        #expect(reply.text == "(flow.cannot_skip) Asset\n\nASK asset")
    }

    @Test("a field asked only on a condition is asked when it holds and left out when not")
    func conditionalFields() throws {
        var shared = Conversation()
        shared.say("someone pretending to be support asked for my phrase")
        var reply = shared.say("telegram")
        #expect(reply.awaiting == "secret_shared")
        reply = shared.say("yes")
        #expect(reply.awaiting == "wallet_address")

        var kept = Conversation()
        kept.say("someone pretending to be support asked for my phrase")
        kept.say("电报")
        reply = kept.say("没有")
        #expect(reply.awaiting == "contact")
        reply = kept.say("skip")
        #expect(reply.awaiting == "confirm")
        #expect(!reply.text.contains("Wallet address"))
        kept.say("yes")
        let file = try #require(kept.filed.first)
        #expect(file.fields.map(\.field) == ["scam_channel", "secret_shared"])
        #expect(file.missingFields == ["contact"])
        #expect(file.priority == .normal)
    }

    @Test("a phrase given to a scammer makes the case urgent")
    func secretSharedIsUrgent() throws {
        var conversation = Conversation()
        for line in [
            "a fake support agent messaged me", "wechat", "yes", EngineFixtures.evmAddress, "skip", "yes",
        ] {
            conversation.say(line)
        }
        let file = try #require(conversation.filed.first)
        #expect(file.priority == .urgent)
        #expect(file.fields.first { $0.field == "scam_channel" }?.value.value == "wechat")
    }

    @Test("'still draining' raises the case to urgent")
    func stillHappening() throws {
        var conversation = Conversation()
        for line in [
            "my wallet was drained and it is still draining", EngineFixtures.tronAddress, "5 USDT",
            "skip",
            "a@b.io", "yes",
        ] {
            conversation.say(line)
        }
        let file = try #require(conversation.filed.first)
        #expect(file.priority == .urgent)
        #expect(file.summary.contains("(case.ongoing_note)"))
    }

    @Test("asking for a person mid-flow hands the case over as it is, acknowledged only after filing")
    func handOver() throws {
        var conversation = Conversation()
        conversation.say("my wallet was drained")
        conversation.say(EngineFixtures.tronAddress)
        let reply = conversation.say("转人工")
        #expect(reply.text == "（flow.hand_over_incomplete） T-000001")
        #expect(reply.ticket?.id == "T-000001")
        #expect(conversation.session.flow == nil)
        let file = try #require(conversation.filed.first)
        #expect(file.missingFields == ["amount", "asset", "tx_hash", "contact"])
        #expect(file.summary.contains("（case.hand_over_note）"))
    }
}

import Foundation
@testable import SupportCore
import Testing

/// Walks a theft report up to its summary.
private func theftAtSummary(language: Language = .en) -> Conversation {
    var conversation = Conversation(language: language)
    for line in [
        language == .zh ? "我的币被盗了" : "my wallet was drained", EngineFixtures.tronAddress, "300 USDT",
        "skip",
        "alice@example.com",
    ] {
        conversation.say(line)
    }
    return conversation
}

/// Walks a wrong-address report (two address fields) up to its summary.
private func wrongAddressAtSummary(language: Language = .en) -> Conversation {
    var conversation = Conversation(language: language)
    conversation.say(language == .zh ? "转错地址了" : "I sent coins to the wrong address")
    conversation.say(EngineFixtures.evmAddress)
    conversation.say(EngineFixtures.unrelatedAddress)
    #expect(conversation.session.flow?.stage == .confirming)
    return conversation
}

@Suite("DialogueEngine: confirmation and hand-off")
struct DialogueEngineConfirmationTests {
    @Test("no at the confirmation discards the case")
    func confirmNo() {
        var conversation = theftAtSummary()
        let reply = conversation.say("no")
        #expect(reply.text == "(flow.discarded)")
        #expect(conversation.session.flow == nil)
        #expect(conversation.filed.isEmpty)
        var zh = theftAtSummary(language: .zh)
        #expect(zh.say("不提交").text == "（flow.discarded）")
    }

    @Test("'change the amount to 500' updates that field and shows the summary again")
    func changeWithValue() throws {
        var conversation = theftAtSummary()
        let reply = conversation.say("change the amount to 500")
        #expect(reply.awaiting == "confirm")
        #expect(reply.text.contains("Amount: 500"))
        #expect(!reply.text.contains("Amount: 300"))
        conversation.say("yes")
        let file = try #require(conversation.filed.first)
        #expect(file.fields.first { $0.field == "amount" }?.value.value == "500")
    }

    @Test("'金额改成 800' updates the amount in Chinese")
    func changeChinese() {
        var conversation = theftAtSummary(language: .zh)
        let reply = conversation.say("金额改成 800")
        #expect(reply.text.contains("金额：800"))
        #expect(reply.awaiting == "confirm")
    }

    @Test("a bare new value that fits exactly one field replaces it")
    func changeByValue() {
        var conversation = theftAtSummary()
        let reply = conversation.say("bob@example.com")
        #expect(reply.text.contains("Contact: bob@example.com"))
        #expect(reply.awaiting == "confirm")
    }

    @Test("corrections at the summary as people write them: a case-sensitive address, 'X not Y', a token among words")
    func correctionsAsWritten() {
        let tron = "TUSQzWDnJfWTmvXrQAx4Vk13LLdp1BJMgC"
        var conversation = theftAtSummary(language: .zh)
        var reply = conversation.say("钱包地址改成 \(tron)")
        #expect(conversation.session.flow?.answer("wallet_address")?.value == tron, "\(reply.text)")
        #expect(reply.awaiting == "confirm")

        var english = theftAtSummary()
        reply = english.say("oh sorry it was 200 not 300")
        #expect(english.session.flow?.answer("amount")?.value == "200", "\(reply.text)")
        reply = english.say("the asset was usdc sorry")
        #expect(english.session.flow?.answer("asset")?.value == "USDC", "\(reply.text)")
        #expect(reply.awaiting == "confirm")
    }

    @Test(
        "a token corrected at the summary with the old one named: 'it was trx, not usdt', '不是USDT，是TRX'",
        arguments: [
            (Language.en, "it was trx, not usdt"), (.zh, "不是USDT，是TRX"), (.en, "actually the token was TRX not usdt"),
            (.en, "not usdt, trx"),
        ])
    func tokenCorrectedAgainstOld(language: Language, change: String) {
        var conversation = theftAtSummary(language: language)
        #expect(conversation.session.flow?.answer("asset")?.value == "USDT")
        let reply = conversation.say(change)
        #expect(conversation.session.flow?.answer("asset")?.value == "TRX", "\(reply.text)")
        #expect(reply.awaiting == "confirm")
    }

    @Test("an address given at the summary when two fields hold addresses asks which one")
    func addressForWhichField() {
        var conversation = wrongAddressAtSummary()
        let reply = conversation.say("wrong one, it's \(EngineFixtures.tronAddress)")
        #expect(reply.text == "(flow.change_which) Intended address, Recipient", "\(reply.text)")
        #expect(conversation.session.flow?.stage == .choosingChange)
    }

    @Test("a network changed at the summary that the address cannot be on is refused, the summary kept")
    func networkChangeAgainstAddress() {
        var conversation = theftAtSummary()
        let before = conversation.session.flow?.answer("chain")?.value
        let reply = conversation.say("Network: ethereum")
        #expect(reply.text.hasPrefix("(reject.chain_not_address_network)"), "\(reply.text)")
        #expect(conversation.session.flow?.answer("chain")?.value == before)
        #expect(reply.awaiting == "confirm")
    }

    @Test("a contact changed at the summary in Chinese goes to the contact, never the amount")
    func contactChangedInChinese() {
        for (edit, value) in [("邮箱改成abc@163.com", "abc@163.com"), ("手机号改成13912345678", "+8613912345678")] {
            var conversation = theftAtSummary(language: .zh)
            let reply = conversation.say(edit)
            #expect(conversation.session.flow?.answer("contact")?.value == value, "\(reply.text)")
            #expect(conversation.session.flow?.answer("amount")?.value == "300")
            #expect(reply.awaiting == "confirm")
        }
    }

    @Test("the user's own contact at the summary replaces the contact, never a choice its words mention")
    func ownContactAtSummary() {
        // "phone" is also an option of the scam report's channel; "my phone is …" gives the contact.
        var conversation = Conversation()
        for line in ["someone pretending to be support asked for my phrase", "telegram", "no", "skip"] {
            conversation.say(line)
        }
        #expect(conversation.session.flow?.stage == .confirming)
        let reply = conversation.say("my phone is +44 7700 900123")
        #expect(reply.awaiting == "confirm")
        #expect(conversation.session.flow?.answer("scam_channel")?.value == "telegram")
        #expect(conversation.session.flow?.answer("contact")?.value == "+447700900123")
    }

    @Test("a contact left at the summary of a report without a contact field is thanked for, and the question asked again")
    func ownContactNotNeeded() {
        for (language, contact) in [(Language.en, "my email is bob@example.com"), (.zh, "我的邮箱是 bob@example.com")] {
            var conversation = wrongAddressAtSummary(language: language)
            let reply = conversation.say(contact)
            let expected = language == .zh
                ? "（flow.contact_not_needed）\n\n（flow.confirm_question）"
                : "(flow.contact_not_needed)\n\n(flow.confirm_question)"
            #expect(reply.text == expected)
            #expect(reply.awaiting == "confirm")
            #expect(conversation.session.flow?.answers.count == 2)
        }
    }

    @Test("naming a field without a value asks for it, then returns to the summary")
    func changeFieldThenValue() {
        var conversation = theftAtSummary()
        var reply = conversation.say("contact")
        #expect(reply.text == "ASK contact")
        #expect(reply.awaiting == "contact")
        reply = conversation.say("@bob_wallet")
        #expect(reply.awaiting == "confirm")
        #expect(reply.text.contains("Contact: @bob_wallet"))
    }

    @Test("'change' alone asks which item, listing the labels")
    func changeWhich() {
        var conversation = theftAtSummary()
        var reply = conversation.say("I need to change something")
        #expect(reply.text.hasPrefix("(flow.change_which) Wallet address, Network, Amount, Asset"))
        #expect(reply.awaiting == "confirm")
        #expect(conversation.session.flow?.stage == .choosingChange)
        reply = conversation.say("asset")
        #expect(reply.awaiting == "asset")
        reply = conversation.say("USDC")
        #expect(reply.text.contains("Asset: USDC"))
        #expect(conversation.session.flow?.stage == .confirming)
    }

    @Test("an unclear answer at the confirmation asks again")
    func confirmUnclear() {
        var conversation = theftAtSummary()
        let reply = conversation.say("qwxz vbnm plok")
        #expect(reply.text == "(flow.confirm_unclear)\n\n(flow.confirm_question)")
        #expect(reply.awaiting == "confirm")
    }

    @Test("no ticket id is shown before the desk reports the case stored")
    func writeThenAcknowledge() throws {
        let conversation = theftAtSummary()
        let engine = conversation.engine
        let turn = engine.handle("yes", in: conversation.session, at: EngineFixtures.now)
        #expect(turn.reply == nil)
        guard case .fileCase(let file) = turn.request else {
            Issue.record("expected a fileCase request")
            return
        }
        #expect(file.intent == .reportTheft)
        for earlier in conversation.turns {
            #expect(earlier.reply?.text.contains("T-0") != true)
            #expect(earlier.reply?.ticket == nil)
        }
        let failed = engine.resume(turn, with: .failed, at: EngineFixtures.now)
        let failedReply = try #require(failed.reply)
        #expect(failedReply.text == "(flow.filing_failed)\n\n(flow.confirm_question)")
        #expect(failedReply.ticket == nil)
        #expect(failed.session.flow?.stage == .confirming)
        #expect(failed.request == nil)

        let retry = engine.handle("yes", in: failed.session, at: EngineFixtures.now)
        let done = engine.resume(
            retry, with: .filed(TicketReference(id: "T-000042", status: .open)), at: EngineFixtures.now)
        #expect(done.reply?.ticket?.id == "T-000042")
        #expect(done.session.lastTicketID == "T-000042")
    }
}

@Suite("DialogueEngine: secrets")
struct DialogueEngineSecretTests {
    @Test("a key pasted mid-flow is redacted everywhere, warned about, and makes the case urgent")
    func secretMidFlow() throws {
        var conversation = Conversation()
        conversation.say("my wallet was drained")
        let reply = conversation.say("here is my private key \(EngineFixtures.privateKey)")
        #expect(reply.warnings == [.secretRedacted])
        #expect(reply.text.hasPrefix("(secret.warning) a private key"))
        #expect(reply.text.hasSuffix("ASK wallet_address"))
        #expect(!reply.text.contains(EngineFixtures.privateKey))
        let turn = try #require(conversation.turns.last)
        #expect(turn.redactedText == "here is my private key [private key removed]")
        #expect(conversation.session.secretExposed)
        #expect(conversation.session.flow?.priority == .urgent)
        #expect(conversation.session.flow?.attempts == 0)

        for line in [EngineFixtures.tronAddress, "3 USDT", "skip", "a@b.io", "yes"] {
            conversation.say(line)
        }
        let file = try #require(conversation.filed.first)
        #expect(file.priority == .urgent)
        #expect(file.secretExposed)
        #expect(file.summary.contains("(case.secret_note)"))
        for turn in conversation.turns {
            #expect(!turn.redactedText.contains(EngineFixtures.privateKey))
            #expect(turn.reply.map { !$0.text.contains(EngineFixtures.privateKey) } ?? true)
        }
        #expect(!file.summary.contains("0c28fca3"))
    }

    @Test("a key pasted outside a flow gets the warning in Chinese, and a later case is urgent")
    func secretOutsideFlow() throws {
        var conversation = Conversation()
        let reply = conversation.say("私钥是 \(EngineFixtures.privateKey)")
        #expect(reply.language == .zh)
        #expect(reply.warnings == [.secretRedacted])
        #expect(reply.text.hasPrefix("（secret.warning） 私钥"))
        #expect(conversation.session.secretExposed)
        conversation.say("someone stole my usdt")
        #expect(conversation.session.flow?.priority == .urgent)
    }

    @Test(
        "a lone 64-hex code with no word for a key may be a transaction hash; beside 'private key' or '私钥', or two of them, it is a key",
        arguments: [
            ("sent usdt to wrong address 0x\(EngineFixtures.privateKey)", true), (EngineFixtures.privateKey, true),
            ("my private key is \(EngineFixtures.privateKey)", false), ("私钥：\(EngineFixtures.privateKey)", false),
            ("\(EngineFixtures.privateKey) \(String(EngineFixtures.privateKey.reversed()))", false),
        ])
    func mayBeTransactionID(text: String, expected: Bool) {
        let scan = EngineFixtures.engine.scanner.scan(text)
        #expect(scan.hasSecret)
        #expect(DialogueEngine.mayBeTransactionID(scan, text: text) == expected)
    }

    @Test(
        "a secret pasted alone keeps the conversation's language: the placeholder's English words do not count",
        arguments: [Language.zh, .en])
    func secretAloneKeepsLanguage(_ language: Language) throws {
        var conversation = Conversation(language: language)
        let reply = conversation.say(EngineFixtures.privateKey)
        #expect(reply.language == language)
        #expect(reply.warnings == [.secretRedacted])
        // A lone 64-hex code may as well be a transaction hash: the warning says it may be either.
        #expect(reply.text == (language == .zh ? "（secret.maybe_transaction_id）" : "(secret.maybe_transaction_id)"))
        let turn = try #require(conversation.turns.last)
        #expect(turn.redactedText == "[private key removed]")
        #expect(conversation.session.language == language)
    }

    @Test("a 64-hex token is a transaction id when the flow asks for one")
    func txHashIsNotASecret() {
        var conversation = Conversation()
        for line in ["my wallet was drained", EngineFixtures.tronAddress, "300 USDT"] {
            conversation.say(line)
        }
        let hash = "01b4cde4197b9d1a1ff09ef5d2b1d939d3ec2401b3f002ebd0802c0f30a6e4ca"
        let reply = conversation.say(hash)
        #expect(reply.warnings.isEmpty)
        #expect(reply.awaiting == "contact")
        #expect(!conversation.session.secretExposed)
    }
}

@Suite("DialogueEngine: special fields")
struct DialogueEngineSpecialFieldTests {
    @Test("a phishing check gives the verdict first and never calls a site safe")
    func phishingVerdicts() {
        var lookalike = Conversation()
        lookalike.say("is this website official?")
        let reply = lookalike.say("https://testwa11et.io/claim")
        #expect(reply.warnings == [.phishingLookalike])
        #expect(
            reply.text.hasPrefix("(phishing.lookalike) testwa11et.io (phishing.reason.lookalike_digits)"))
        #expect(reply.text.hasSuffix("DONE testwa11et.io/claim"))
        #expect(reply.flow == nil)

        var official = Conversation()
        official.say("is this website official?")
        let officialReply = official.say("www.testwallet.io")
        #expect(officialReply.text.hasPrefix("(phishing.official) testwallet.io"))
        #expect(officialReply.warnings.isEmpty)

        var unknown = Conversation(language: .zh)
        unknown.say("这个网站是官方的吗")
        let unknownReply = unknown.say("example.org")
        #expect(unknownReply.text.hasPrefix("（phishing.unknown） example.org"))
        #expect(unknownReply.text.hasSuffix("完成 example.org"))
    }

    @Test("a link in the opening question is checked at once, verdict first; an official one ends the check")
    func linkInOpeningQuestion() {
        var lookalike = Conversation()
        let reply = lookalike.say("is the website testwa11et.io official?")
        #expect(reply.intent == .phishingCheck)
        #expect(reply.warnings == [.phishingLookalike])
        #expect(reply.text.hasPrefix("(phishing.lookalike) testwa11et.io"))
        #expect(reply.text.contains("PHISHING ADVICE"))
        #expect(reply.text.hasSuffix("DONE testwa11et.io"))

        var official = Conversation()
        let officialReply = official.say("is the website testwallet.io official?")
        #expect(officialReply.text == "(phishing.official) testwallet.io\n\nPHISHING ADVICE")
        #expect(officialReply.flow == nil)
        #expect(official.session.flow == nil)

        var asked = Conversation()
        asked.say("is this website official?")
        let askedReply = asked.say("testwallet.io")
        #expect(askedReply.text == "(phishing.official) testwallet.io")
        #expect(asked.session.flow == nil)
    }

    @Test("a token named where the network was asked is kept, and the network asked again; a plain word is not a token")
    func tokenForNetwork() {
        var conversation = Conversation()
        conversation.say("my wallet was drained")
        #expect(conversation.say(EngineFixtures.evmAddress).awaiting == "chain")
        let reply = conversation.say("usdt")
        #expect(reply.text.hasPrefix("(reject.chain_is_token)"))
        #expect(reply.awaiting == "chain")
        #expect(conversation.session.flow?.answer("asset")?.value == "USDT")
        #expect(conversation.say("ethereum").awaiting == "amount")
        #expect(conversation.say("300").awaiting == "tx_hash", "the token is not asked again")

        var word = Conversation()
        word.say("my wallet was drained")
        word.say(EngineFixtures.evmAddress)
        #expect(word.say("hello").text.hasPrefix("(reject.chain_unknown)"))
        #expect(word.session.flow?.answer("asset") == nil)
    }

    @Test("a full address in the opening message answers the first question; a sentence alone does not")
    func addressInOpeningMessage() {
        var withAddress = Conversation()
        let reply = withAddress.say("my wallet \(EngineFixtures.tronAddress) was drained")
        #expect(reply.intent == .reportTheft)
        #expect(withAddress.session.flow?.answer("wallet_address")?.value == EngineFixtures.tronAddress)
        #expect(withAddress.session.flow?.answer("chain")?.value == "tron")
        #expect(reply.awaiting == "amount")

        var twoAddresses = Conversation()
        let ambiguous = twoAddresses.say(
            "my wallet \(EngineFixtures.tronAddress) was drained to \(EngineFixtures.evmAddress)")
        #expect(ambiguous.awaiting == "wallet_address")
    }

    @Test("a recipient sharing its ends with the intended address is called out as poisoning")
    func addressPoisoning() throws {
        var conversation = Conversation()
        conversation.say("I sent coins to the wrong address")
        conversation.say(EngineFixtures.intendedAddress)
        let reply = conversation.say(EngineFixtures.poisonedAddress)
        #expect(reply.warnings == [.addressPoisoning])
        #expect(reply.text.hasPrefix("(safety.address_poisoning)"))
        conversation.say("yes")
        let file = try #require(conversation.filed.first)
        #expect(file.summary.contains("(case.poisoning_note)"))

        var plain = Conversation()
        plain.say("I sent coins to the wrong address")
        plain.say(EngineFixtures.intendedAddress)
        #expect(plain.say(EngineFixtures.unrelatedAddress).warnings.isEmpty)
    }

    @Test("a ticket id in the message is looked up; found and not found")
    func ticketLookup() {
        var conversation = Conversation()
        let snapshot = TicketSnapshot(
            reference: TicketReference(id: "T-000481", status: .claimed), intent: .reportTheft,
            updatedAt: Date(timeIntervalSince1970: 1_789_990_000))
        conversation.tickets["T-000481"] = snapshot
        let found = conversation.say("what is the status of my ticket T-000481?")
        #expect(found.intent == .ticketStatus)
        #expect(found.text == "(ticket.status_found) T-000481 (ticket.status.claimed) 2026-09-21 19:26")
        #expect(found.ticket == snapshot.reference)

        let missing = conversation.say("工单 T-000999 有进展吗")
        #expect(missing.text == "（ticket.status_not_found） T-000999")
        #expect(missing.ticket == nil)
    }

    @Test("without an id the session's last ticket is looked up, else the id is asked for")
    func ticketLookupFallback() {
        var fresh = Conversation()
        var reply = fresh.say("any update on my case?")
        #expect(reply.awaiting == "ticket_id")
        reply = fresh.say("T-000007")
        #expect(reply.text == "(ticket.status_not_found) T-000007")
        #expect(fresh.session.flow == nil)

        var after = theftAtSummary()
        after.say("yes")
        after.tickets["T-000001"] = TicketSnapshot(
            reference: TicketReference(id: "T-000001", status: .open), intent: .reportTheft,
            updatedAt: EngineFixtures.now)
        reply = after.say("check my ticket")
        #expect(reply.text.hasPrefix("(ticket.status_found) T-000001 (ticket.status.open)"))
    }

    @Test("a contact-support summary that describes a theft switches to the theft report")
    func contactSupportSwitch() {
        var conversation = Conversation()
        let start = conversation.say("I want to talk to a real person")
        #expect(start.intent == .contactSupport)
        #expect(start.awaiting == "summary")
        let reply = conversation.say("someone stole my usdt from my wallet")
        #expect(reply.intent == .reportTheft)
        #expect(reply.flow == .reportTheft)
        #expect(reply.text == "THEFT ADVICE\n\nASK wallet_address")

        var plain = Conversation()
        plain.say("I want to talk to a real person")
        let stay = plain.say("I have a question about my account settings page")
        #expect(stay.flow == .contactSupport)
        #expect(stay.awaiting == "contact")
    }
}

@Suite("Session persistence")
struct SessionCodingTests {
    @Test(
        "a session mid-flow survives a JSON round trip, and older flows without new keys still decode")
    func roundTrip() throws {
        var conversation = Conversation()
        conversation.say("my wallet was drained and it is still draining")
        conversation.say(EngineFixtures.tronAddress)
        let data = try JSONEncoder().encode(conversation.session)
        let decoded = try JSONDecoder().decode(Session.self, from: data)
        #expect(decoded == conversation.session)
        #expect(decoded.flow?.isStillHappening == true)

        let older = """
            {"intent":"report_theft","stage":"collecting","answers":[],"skipped":[],"pendingField":"chain",\
            "attempts":1,"priority":"high"}
            """
        let flow = try JSONDecoder().decode(FlowState.self, from: Data(older.utf8))
        #expect(
            flow.pendingField == "chain" && flow.attempts == 1 && !flow.isStillHappening
                && flow.openingMessage == nil)
    }
}

@Suite("DialogueEngine: questions at the summary")
struct DialogueEngineSummaryQuestionTests {
    @Test("a question at the confirmation is answered, then the confirm question is asked again")
    func questionAtSummary() {
        var conversation = theftAtSummary()
        let reply = conversation.say("what are your support hours?")
        #expect(reply.intent == .supportHours)
        #expect(reply.text == "HOURS 9:00-18:00 weekdays\n\n(flow.resume) (flow.confirm_question)")
        #expect(reply.awaiting == "confirm")
        #expect(conversation.filed.isEmpty)
    }
}

@Suite("DialogueEngine: choice fields")
struct DialogueEngineChoiceTests {
    @Test("an answer matching no option is re-asked with the short list of options")
    func unknownChoice() {
        var conversation = Conversation()
        conversation.say("a fake support agent messaged me")
        let reply = conversation.say("carrier pigeon")
        #expect(reply.text == "(reject.choice_unknown) Telegram, WeChat, Phone call (flow.choice_options) Telegram, WeChat, Phone call")
        #expect(reply.awaiting == "scam_channel")
        #expect(conversation.say("微信").awaiting == "secret_shared")
    }

    @Test("in Chinese the reason and the list of options run on without a space")
    func unknownChoiceChinese() {
        var conversation = Conversation(language: .zh)
        conversation.say("假客服加我微信")
        let reply = conversation.say("飞鸽传书")
        #expect(reply.language == .zh)
        #expect(reply.text.hasPrefix("（reject.choice_unknown）"))
        #expect(reply.text.contains("（flow.choice_options）"))
        #expect(!reply.text.contains(" （flow.choice_options）"))
        #expect(reply.awaiting == "scam_channel")
    }
}

@Suite("DialogueEngine: a contact sent after filing")
struct ContactAfterFilingTests {
    @Test("after a hand-over, the user's contact, said as theirs or alone, is added to the ticket as a note")
    func addedAsNote() {
        for contact in ["my email is sam@example.com", "sam@example.com", "我的邮箱是 sam@example.com"] {
            var conversation = Conversation()
            conversation.say("my wallet was drained")
            conversation.say("agent")
            #expect(conversation.session.lastTicketID == "T-000001")
            let reply = conversation.say(contact)
            #expect(reply.text.contains("ticket.note_added") && reply.text.hasSuffix("T-000001"), "\(contact): \(reply.text)")
            #expect(conversation.notes.map(\.ticket) == ["T-000001"])
            #expect(conversation.notes.first?.note.contains("sam@example.com") == true)
        }
        var failing = Conversation()
        failing.say("my wallet was drained")
        failing.say("agent")
        #expect(failing.say("sam@example.com", respond: .noted(false)).text == "(ticket.note_failed) T-000001")
    }

    @Test("without a filed case, or with more than a contact, nothing is added")
    func notAdded() {
        var unfiled = Conversation()
        unfiled.say("sam@example.com")
        #expect(unfiled.notes.isEmpty)
        var story = Conversation()
        story.say("my wallet was drained")
        story.say("agent")
        story.say("the scammer wrote from scam@example.com")
        #expect(story.notes.isEmpty)
    }
}

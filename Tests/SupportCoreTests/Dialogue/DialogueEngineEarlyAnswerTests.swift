import Foundation
import SupportCore
import Testing

/// Answers given before their question: noted, shown back, and not asked again.
@Suite("DialogueEngine: answers given early")
struct DialogueEngineEarlyAnswerTests {
    static let txHash = "0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b"

    /// A transfer report at its first question, the network.
    private func transferAtNetwork(language: Language = .en) -> Conversation {
        var conversation = Conversation(language: language)
        let reply = conversation.say(language == .zh ? "转账还没到账" : "my transfer has not arrived")
        #expect(reply.awaiting == "chain")
        return conversation
    }

    @Test("an EVM address given for the network is noted as the recipient; the network is asked again with why")
    func addressForNetwork() {
        var conversation = transferAtNetwork()
        let reply = conversation.say(EngineFixtures.evmAddress)
        #expect(
            reply.text
                == "(flow.noted)\nRecipient address: \(EngineFixtures.evmAddress)\n\n(reject.chain_not_in_address)\n\nASK chain")
        #expect(reply.awaiting == "chain")
        #expect(conversation.session.flow?.answer("to_address")?.value == EngineFixtures.evmAddress)
        #expect(conversation.session.flow?.attempts == 0, "an early answer is no failed attempt")
        #expect(conversation.say("ethereum").awaiting == "tx_hash")
        #expect(conversation.say("skip").awaiting == "wallet_address")
        #expect(conversation.say(EngineFixtures.unrelatedAddress).awaiting == "asset", "the recipient is not asked again")
    }

    @Test("a 0x address given for the network is named as no network even when it cannot be noted")
    func evmAddressForNetworkNotNoted() {
        var conversation = Conversation()
        conversation.say("my wallet was drained")
        conversation.say(EngineFixtures.evmAddress)
        // The only address field is answered: the address is not noted, but the reason is said.
        let reply = conversation.say(EngineFixtures.unrelatedAddress)
        #expect(reply.text.hasPrefix("(reject.chain_not_in_address)\n\nASK chain"), "\(reply.text)")
        #expect(conversation.session.flow?.answer("wallet_address")?.value == EngineFixtures.evmAddress)
    }

    @Test("a transaction hash given for the network is noted and the network asked again; an explorer link answers both")
    func hashForNetwork() {
        // Said to be a hash: a bare 64-digit hex string where no hash is asked may be a private key.
        var conversation = transferAtNetwork()
        let reply = conversation.say("tx hash \(Self.txHash)")
        #expect(reply.text == "(flow.noted)\nTransaction hash: \(Self.txHash)\n\nASK chain")
        #expect(conversation.say("bsc").awaiting == "to_address", "the hash is not asked again")

        var link = transferAtNetwork()
        let linkReply = link.say("https://etherscan.io/tx/\(Self.txHash)")
        #expect(linkReply.text.hasPrefix("(flow.noted)\nTransaction hash: "), "\(linkReply.text)")
        #expect(link.session.flow?.answer("chain")?.value == "ethereum")
        #expect(linkReply.awaiting == "to_address")
    }

    @Test("TRC20, 500U for the network gives the network, the amount and the token; TRC20 is no amount of 20")
    func networkWithAmount() {
        for (language, answer, amount) in [(Language.en, "TRC20, 500U", "500"), (.zh, "波场TRC20，五百U", "500")] {
            var conversation = transferAtNetwork(language: language)
            let reply = conversation.say(answer)
            let flow = conversation.session.flow
            #expect(flow?.answer("chain")?.value == "tron")
            #expect(flow?.answer("amount")?.value == amount)
            #expect(flow?.answer("asset")?.value == "USDT")
            let noted = language == .zh ? "（flow.noted）\n数量：500\n币种：USDT" : "(flow.noted)\nAmount: 500\nToken: USDT"
            #expect(reply.text.hasPrefix(noted), "\(reply.text)")
            #expect(reply.awaiting == "tx_hash")
        }
    }

    @Test("an address is never guessed for one of two open address fields")
    func twoAddressFields() {
        var conversation = transferAtNetwork()
        conversation.say("tron")
        #expect(conversation.say("skip").awaiting == "wallet_address")
        // Both the sending and the recipient address are open now; at the token question an
        // address could be either, so it is not noted.
        conversation.say(EngineFixtures.tronAddress)
        #expect(conversation.say("TQrY8tryqsYVCYS3MFbtffiPp2ccyn4STm").awaiting == "asset")
        var twoOpen = transferAtNetwork()
        twoOpen.say("tron")
        twoOpen.say("skip")
        let reply = twoOpen.say("500 USDT")
        #expect(reply.awaiting == "wallet_address")
        #expect(!reply.text.contains("(flow.noted)\nSending"), "\(reply.text)")
    }

    @Test("a time given early is noted only when written with words; a bare number is not a time")
    func timeGivenEarly() {
        var conversation = transferAtNetwork()
        conversation.say("tron")
        let reply = conversation.say("yesterday at 10pm")
        #expect(reply.text.hasPrefix("(flow.noted)\nWhen you sent it: "), "\(reply.text)")
        #expect(reply.awaiting == "tx_hash")
        #expect(conversation.session.flow?.answer("incident_time") != nil)

        var bare = transferAtNetwork()
        bare.say("tron")
        let bareReply = bare.say("10")
        #expect(bareReply.text.hasPrefix("(reject.tx_hash_format)"), "\(bareReply.text)")
        #expect(bare.session.flow?.answer("incident_time") == nil)
        #expect(bare.session.flow?.answer("amount") == nil)
    }

    @Test("a time given again is an answer, not a question about opening hours")
    func timeGivenAgain() {
        for (language, time) in [(Language.en, "yesterday at 10pm, what time"), (.zh, "昨天晚上十点左右")] {
            var conversation = transferAtNetwork(language: language)
            conversation.say("tron")
            conversation.say(time)
            let reply = conversation.say(time)
            #expect(reply.intent == .transferNotArrived, "\(reply.text)")
            #expect(reply.awaiting == "tx_hash")
        }
    }

    @Test(
        "a contact said to be the user's is noted; a bare number or e-mail may be the scammer's and is not",
        arguments: [
            ("my phone is +44 7700 900123", "+447700900123"), ("你们联系我 13800138000", "+8613800138000"),
            ("reach me at alice@example.com", "alice@example.com"), ("+44 7700 900123", nil),
            ("scam@example.com", nil), ("my number 19283746", nil),
        ] as [(String, String?)])
    func contactGivenEarly(text: String, noted: String?) {
        var conversation = Conversation()
        conversation.say("my wallet was drained")
        conversation.say(EngineFixtures.evmAddress)
        let reply = conversation.say(text)
        #expect(conversation.session.flow?.answer("contact")?.value == noted)
        #expect(reply.awaiting == "chain")
        if let noted {
            #expect(reply.text.hasSuffix("Contact: \(noted)\n\nASK chain") || reply.text.hasSuffix("联系方式：\(noted)\n\n请提供 chain"), "\(reply.text)")
        }
    }

    @Test("an answer the classifier calls out of scope is asked again, not answered as an aside")
    func outOfScopeAnswer() {
        var conversation = transferAtNetwork()
        let reply = conversation.say("tell me a joke")
        #expect(reply.text.hasPrefix("(reject.chain_unknown)"), "\(reply.text)")
        #expect(!reply.text.contains("OUT OF SCOPE"))
        #expect(reply.awaiting == "chain")
    }

    /// The fixture engine with the fake-support flow's channel and requests marked `from_opening`,
    /// each with a catch-all `other`, and the theft flow's token, amount and a time field marked too.
    static let openingEngine: DialogueEngine = {
        func options(_ ids: [(String, [String])]) -> [ChoiceOption] {
            ids.map { ChoiceOption(id: $0.0, label: EngineFixtures.text($0.0, $0.0), aliases: $0.1) }
        }
        return EngineFixtures.engine { intent in
            if intent.id == .reportTheft, var flow = intent.flow {
                var intent = intent
                for index in flow.fields.indices where [.amount, .asset, .chain].contains(flow.fields[index].kind) {
                    flow.fields[index].fromOpening = true
                }
                var time = EngineFixtures.field("incident_time", .dateTime, label: ("When", "时间"))
                time.fromOpening = true
                flow.fields.append(time)
                intent.flow = flow
                return intent
            }
            guard intent.id == .fakeSupportScam else { return intent }
            var intent = intent
            intent.flow = FlowDefinition(fields: [
                FieldDefinition(
                    name: "scam_channel",
                    kind: .choice(options([("telegram", ["tg", "电报"]), ("phone", ["called", "打电话"]), ("other", ["else", "别的"])])),
                    isRequired: true, prompt: EngineFixtures.text("ASK scam_channel", "请提供 scam_channel"),
                    label: EngineFixtures.text("Channel", "渠道"), fromOpening: true),
                FieldDefinition(
                    name: "requested_items",
                    kind: .multiChoice(options([("mnemonic", ["phrase", "助记词"]), ("fee", ["fee", "手续费"]), ("other", ["else"])])),
                    isRequired: true, prompt: EngineFixtures.text("ASK requested_items", "请提供 requested_items"),
                    label: EngineFixtures.text("Asked for", "索要"), fromOpening: true),
                EngineFixtures.field("secret_shared", .yesNo, label: ("Phrase shared", "是否泄露助记词")),
            ])
            return intent
        }
    }()

    @Test("the opening message answers choices marked from_opening, shown back; the catch-all other never")
    func choicesFromOpening() {
        var conversation = Conversation()
        conversation.engine = Self.openingEngine
        let reply = conversation.say("a fake support agent called me and asked for my phrase and a fee")
        #expect(reply.text.hasSuffix("(flow.noted_from_opening)\nChannel: phone\nAsked for: mnemonic, fee\n\nASK secret_shared"), "\(reply.text)")
        #expect(conversation.session.flow?.answer("scam_channel")?.value == "phone")
        #expect(conversation.session.flow?.answer("requested_items")?.value == "mnemonic,fee")

        var vague = Conversation()
        vague.engine = Self.openingEngine
        let vagueReply = vague.say("someone else pretending to be support messaged me")
        #expect(vagueReply.awaiting == "scam_channel", "\(vagueReply.text)")
        #expect(!vagueReply.text.contains("(flow.noted_from_opening)"))
        #expect(vague.say("tg").awaiting == "requested_items")

        var unmarked = Conversation()
        unmarked.say("a fake support agent messaged me on telegram")
        #expect(unmarked.session.flow?.answer("scam_channel") == nil, "fields not marked are asked as before")
    }

    @Test("at the summary, 'they also asked for …' adds to a multiple choice; without 'also' it replaces it")
    func multipleChoiceAddedAtSummary() {
        for (change, expected) in [
            ("they also asked me to pay a fee", "mnemonic,fee"), ("还让我交手续费", "mnemonic,fee"),
            ("they asked for a fee", "fee"),
        ] {
            var conversation = Conversation()
            conversation.engine = Self.openingEngine
            for line in ["a fake support agent called me and asked for my phrase", "no"] { conversation.say(line) }
            #expect(conversation.session.flow?.stage == .confirming)
            conversation.say(change)
            #expect(conversation.session.flow?.answer("requested_items")?.value == expected, "\(change)")
        }
    }

    @Test(
        "an opening gives the amount only as its one number with a token, the token only as the one it names, and a time",
        arguments: [
            ("my wallet was drained, about 8000 usdt an hour ago", "8000", "USDT", true),
            ("3 hours ago my wallet was drained of 250 USDC", "250", "USDC", true),
            ("my wallet was drained, about 800 USDT last night", "800", "USDT", true),
            ("my wallet was drained at 21:30, they took 2 ETH", "2", "ETH", true),
            ("my wallet was drained, I had 10000 USDT and 2000 are left", nil, "USDT", false),
            ("my TP wallet was drained, it won't open", nil, nil, false),
            ("my wallet was drained, they took my ETH and my USDT", nil, nil, false),
            ("我的钱包被盗了，昨晚十点泰达币全被转走了", nil, "USDT", true),
            // Numbers counted as the amount validator reads them: "一下" is a word, "1万5" one number.
            ("稍等一下，我的钱包被盗了，转走了500u", "500", "USDT", false),
            ("钱包被盗了 1万5的U没了", "15000", "USDT", false),
            // Two amounts of two tokens: neither is the loss alone, and no one token is.
            ("钱包被盗了，被转走了2个ETH和300U", nil, nil, false),
        ] as [(String, String?, String?, Bool)])
    func amountTokenAndTimeFromOpening(text: String, amount: String?, asset: String?, hasTime: Bool) {
        var conversation = Conversation()
        conversation.engine = Self.openingEngine
        let reply = conversation.say(text)
        let flow = conversation.session.flow
        #expect(flow?.intent == .reportTheft)
        #expect(flow?.answer("amount")?.value == amount)
        #expect(flow?.answer("asset")?.value == asset)
        #expect((flow?.answer("incident_time") != nil) == hasTime)
        #expect(reply.text.contains("flow.noted_from_opening") == (amount != nil || asset != nil || hasTime))
        #expect(reply.awaiting == "wallet_address")
    }

    @Test("a network the address already given cannot be on is refused, naming both readably")
    func networkAgainstAddress() {
        var conversation = Conversation()
        conversation.say("my wallet was drained")
        conversation.say(EngineFixtures.evmAddress)
        let reply = conversation.say("tron")
        #expect(reply.text.hasPrefix("(reject.chain_not_address_network)"), "\(reply.text)")
        #expect(reply.awaiting == "chain")
        #expect(conversation.session.flow?.answer("chain") == nil)
        #expect(conversation.say("bsc").awaiting != "chain")
    }

    @Test("an address in the opening is the user's wallet unless the words before it make it where funds went")
    func openingAddressOwner() {
        var sentTo = Conversation()
        let reply = sentTo.say("my wallet was drained, they sent it to \(EngineFixtures.tronAddress)")
        #expect(sentTo.session.flow?.answer("wallet_address") == nil)
        #expect(reply.awaiting == "wallet_address")

        var own = Conversation()
        let ownReply = own.say("my wallet \(EngineFixtures.tronAddress) was drained")
        #expect(own.session.flow?.answer("wallet_address")?.value == EngineFixtures.tronAddress)
        #expect(ownReply.text.contains("Wallet address: \(EngineFixtures.tronAddress)"), "shown, so a misreading is seen")
    }

    @Test("an hour said without its unit in the opening is kept for the time: 'last night around 11' is 23:00")
    func bareHourInOpening() {
        var conversation = Conversation()
        conversation.engine = Self.openingEngine
        conversation.say("my usdt got stolen last night around 11")
        #expect(conversation.session.flow?.answer("incident_time")?.value == "2026-09-20T23:00+08:00")
        #expect(conversation.session.flow?.answer("incident_time")?.isApproximate == false)
    }

    @Test(
        "an opening gives the network only when it names exactly one by a network word",
        arguments: [
            ("my USDT on TRON was stolen", "tron"), ("我在波场上的币被盗了", "tron"), ("stolen on bsc (bep20)", "bsc"),
            ("my ETH was stolen", nil), ("我从币安提出来的币被盗了", nil), ("stolen on bsc, then bridged to ethereum", nil),
        ] as [(String, String?)])
    func chainFromOpening(text: String, chain: String?) {
        var conversation = Conversation()
        conversation.engine = Self.openingEngine
        conversation.say(text)
        #expect(conversation.session.flow?.intent == .reportTheft)
        #expect(conversation.session.flow?.answer("chain")?.value == chain)
    }

    @Test("an address in the opening fills the flow's one open address field, shown back; the first question's rule is kept")
    func addressInOpening() {
        var conversation = Conversation()
        let reply = conversation.say("my transfer to \(EngineFixtures.evmAddress) has not arrived")
        #expect(conversation.session.flow?.answer("to_address")?.value == EngineFixtures.evmAddress)
        #expect(reply.text.hasSuffix("(flow.noted_from_opening)\nRecipient address: \(EngineFixtures.evmAddress)\n\nASK chain"), "\(reply.text)")

        var theft = Conversation()
        theft.say("my wallet \(EngineFixtures.tronAddress) was drained")
        #expect(theft.session.flow?.answer("wallet_address")?.value == EngineFixtures.tronAddress)
        #expect(theft.session.flow?.pendingField == "amount", "the network came with the address")
    }

    @Test("a ticket id in the opening answers a flow that asks for it first")
    func ticketIDInOpening() {
        let complaint = IntentDefinition(
            id: .escalateComplaint,
            examples: [
                .en: ["I want to file a complaint", "this service is terrible, I am complaining", "escalate my case"],
                .zh: ["我要投诉", "你们服务太差了我要投诉", "帮我升级处理"],
            ], keywords: [.en: ["complaint": 3], .zh: ["投诉": 3]], reply: EngineFixtures.text("COMPLAINT", "投诉"),
            flow: FlowDefinition(fields: [
                EngineFixtures.field("ticket_id", .ticketID, required: false, label: ("Ticket", "工单号")),
                EngineFixtures.field("complaint_text", .text(minLength: 5, maxLength: 500), label: ("Complaint", "投诉内容")),
            ]))
        let catalog = Catalog(
            configuration: EngineFixtures.catalog.configuration, intents: EngineFixtures.intents + [complaint],
            messages: EngineFixtures.messages)
        var conversation = Conversation()
        conversation.engine = DialogueEngine(
            catalog: catalog, classifier: IntentClassifier(catalog: catalog), scanner: EngineFixtures.scanner)
        let reply = conversation.say("I want to file a complaint, ticket T-000042 was ignored for a week")
        #expect(reply.intent == .escalateComplaint)
        #expect(conversation.session.flow?.answer("ticket_id")?.value == "T-000042")
        #expect(reply.awaiting == "complaint_text")
    }
}

@Suite("Two addresses in one opening, placed by the words before each")
struct PlacedAddressTests {
    @Test("'meant to send to A, it went to B' fills both address fields, in either order and language")
    func placedByMarkers() {
        let intended = EngineFixtures.intendedAddress, sent = EngineFixtures.unrelatedAddress
        for text in [
            "I sent coins to the wrong address: I meant to send to \(intended) but it went to \(sent)",
            "I sent coins to the wrong address, it went to \(sent) when I meant to send to \(intended)",
            "转错地址了，本来要转到\(intended) 结果转到了\(sent)",
        ] {
            var conversation = Conversation()
            conversation.say(text)
            let flow = conversation.session.flow
            #expect(flow?.intent == .wrongAddress, "\(text)")
            #expect(flow?.answer("intended_address")?.value.lowercased() == intended, "\(text)")
            #expect(flow?.answer("to_address")?.value.lowercased() == sent, "\(text)")
        }
    }

    @Test("without words that place them, two addresses are left to their questions")
    func unplaced() {
        var conversation = Conversation()
        conversation.say("转错地址了 \(EngineFixtures.intendedAddress) \(EngineFixtures.unrelatedAddress)")
        #expect(conversation.session.flow?.answer("intended_address") == nil)
        #expect(conversation.session.flow?.answer("to_address") == nil)
    }
}

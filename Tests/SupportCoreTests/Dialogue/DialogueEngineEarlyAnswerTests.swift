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
                == "(flow.noted)\nRecipient address: \(EngineFixtures.evmAddress)\n\n(flow.no_chain_in_address)\n\nASK chain")
        #expect(reply.awaiting == "chain")
        #expect(conversation.session.flow?.answer("to_address")?.value == EngineFixtures.evmAddress)
        #expect(conversation.session.flow?.attempts == 0, "an early answer is no failed attempt")
        #expect(conversation.say("ethereum").awaiting == "tx_hash")
        #expect(conversation.say("skip").awaiting == "wallet_address")
        #expect(conversation.say(EngineFixtures.unrelatedAddress).awaiting == "asset", "the recipient is not asked again")
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
        for (language, answer) in [(Language.en, "TRC20, 500U"), (.zh, "波场TRC20，500U")] {
            var conversation = transferAtNetwork(language: language)
            let reply = conversation.say(answer)
            let flow = conversation.session.flow
            #expect(flow?.answer("chain")?.value == "tron")
            #expect(flow?.answer("amount")?.value == "500")
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

    @Test("an e-mail or a phone number with its country is noted as the contact; a bare run of digits is not")
    func contactGivenEarly() {
        var conversation = Conversation()
        conversation.say("my wallet was drained")
        conversation.say(EngineFixtures.evmAddress)
        let reply = conversation.say("+44 7700 900123")
        #expect(reply.text == "(flow.noted)\nContact: +447700900123\n\nASK chain")
        #expect(conversation.say("ethereum").awaiting == "amount")

        var digits = Conversation()
        digits.say("my wallet was drained")
        digits.say(EngineFixtures.evmAddress)
        let digitsReply = digits.say("19283746")
        #expect(digitsReply.text.hasPrefix("(reject.chain_unknown)"), "\(digitsReply.text)")
        #expect(digits.session.flow?.answer("contact") == nil)
    }

    @Test("an answer the classifier calls out of scope is asked again, not answered as an aside")
    func outOfScopeAnswer() {
        var conversation = transferAtNetwork()
        let reply = conversation.say("tell me a joke")
        #expect(reply.text.hasPrefix("(reject.chain_unknown)"), "\(reply.text)")
        #expect(!reply.text.contains("OUT OF SCOPE"))
        #expect(reply.awaiting == "chain")
    }
}

import Foundation
import Testing

@testable import SupportCore

@Suite struct JSONWriterTests {
    @Test(
        "strings escape quotes, backslashes, control characters and U+2028/U+2029, nothing else",
        arguments: [
            ("plain", #""plain""#), ("say \"hi\"", #""say \"hi\"""#), (#"a\b"#, #""a\\b""#),
            ("l1\nl2\r\t", #""l1\nl2\r\t""#), ("\u{1}\u{1F}", #""\u0001\u001f""#),
            ("a\u{2028}b\u{2029}", #""a\u2028b\u2029""#), ("钱包/wallet 💸", "\"钱包/wallet 💸\""),
            ("\u{2027}\u{202A}", "\"\u{2027}\u{202A}\""), ("", #""""#),
            ("5 € — “quoted” ‘x’…", "\"5 € — “quoted” ‘x’…\""), ("\u{2028}", #""\u2028""#),
        ])
    func escapes(value: String, expected: String) throws {
        var writer = JSONWriter()
        writer.string(value)
        #expect(writer.text == expected)
        // And a JSON parser reads the value back.
        let parsed = try JSONDecoder().decode([String].self, from: Data("[\(writer.text)]".utf8))
        #expect(parsed == [value])
    }

    @Test("members and elements are separated by commas at every level")
    func structure() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("a")
        writer.beginArray()
        writer.number(1)
        writer.beginObject()
        writer.endObject()
        writer.beginArray()
        writer.endArray()
        writer.null()
        writer.endArray()
        writer.key("b")
        writer.bool(false)
        writer.key("c")
        writer.number(0.25)
        writer.key("d")
        writer.string(nil as String?)
        writer.member("e", nil, omittingNil: true)
        writer.member("f", nil)
        writer.member("g", "h", omittingNil: true)
        writer.member("i", 7)
        writer.member("j", true)
        writer.endObject()
        #expect(writer.text == #"{"a":[1,{},[],null],"b":false,"c":0.25,"d":null,"f":null,"g":"h","i":7,"j":true}"#)
    }
}

@Suite struct SessionJSONTests {
    static let sessions: [Session] = {
        var plain = Session(id: "web-1")
        plain.turnCount = 3
        var full = Session(id: "tcp-\"quoted\"\n", language: .zh)
        full.lastTicketID = "T-000042"
        full.lastCaseIntent = .phishingCheck
        full.lastAnswer = .compensation
        full.secretExposed = true
        var flow = FlowState(intent: .reportTheft, priority: .urgent)
        flow.stage = .confirming
        flow.answers = [
            FieldAnswer(field: "address", value: EvidenceValue("0xabc", inferred: ["chain": "ethereum", "asset": "ETH"])),
            FieldAnswer(field: "amount", value: EvidenceValue("300", isApproximate: true)),
        ]
        flow.skipped = ["tx_hashes"]
        flow.pendingField = "contact"
        flow.attempts = 2
        flow.openingMessage = "我的钱包被盗了\u{2028}，快帮我 \\ [secret removed]"
        flow.isStillHappening = true
        flow.followsTicket = "T-000007"
        full.flow = flow
        var bare = Session(id: "s")
        bare.flow = FlowState(intent: .contactSupport, priority: .low)
        return [plain, full, bare]
    }()

    @Test("the written JSON decodes to the same session", arguments: sessions)
    func roundTrip(session: Session) throws {
        #expect(try JSONDecoder().decode(Session.self, from: Data(session.json.utf8)) == session)
    }

    @Test("the written JSON is the document JSONEncoder makes", arguments: sessions)
    func sameDocument(session: Session) throws {
        let written = try JSONSerialization.jsonObject(with: Data(session.json.utf8)) as? NSDictionary
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(session)) as? NSDictionary
        #expect(written != nil)
        #expect(written == encoded)
    }
}

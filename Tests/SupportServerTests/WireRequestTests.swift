import Foundation
import SupportCore
import SupportServer
import Testing

@Suite("WireRequest and WireResponse")
struct WireRequestTests {
    func code(of line: String) -> ProtocolError? {
        do {
            _ = try WireRequest.parse(line)
            return nil
        } catch {
            return error
        }
    }

    @Test("valid requests parse")
    func valid() throws {
        #expect(
            try WireRequest.parse(#"{"type":"message","session":"web-42","text":"我的USDT被盗了","id":"c1"}"#)
                == .message(session: "web-42", text: "我的USDT被盗了", id: "c1"))
        #expect(try WireRequest.parse(#"{"type":"reset","session":"a","extra":[1,2]}"#) == .reset(session: "a", id: nil))
        #expect(try WireRequest.parse(#"{"type":"ping","id":null}"#) == .ping(id: nil))
    }

    @Test(
        "malformed requests map to their error code",
        arguments: [
            (#"{"type":"message""#, ProtocolError.Code.invalidJSON),
            ("[1,2,3]", .invalidJSON),
            (#""just a string""#, .invalidJSON),
            (#"{"session":"a","text":"hi"}"#, .missingField),
            (#"{"type":"message","text":"hi"}"#, .missingField),
            (#"{"type":"message","session":"a"}"#, .missingField),
            (#"{"type":"message","session":"","text":"hi"}"#, .missingField),
            (#"{"type":"message","session":7,"text":"hi"}"#, .missingField),
            (#"{"type":"reset"}"#, .missingField),
            (#"{"type":"subscribe","session":"a"}"#, .unknownType),
        ])
    func malformed(line: String, expected: ProtocolError.Code) {
        #expect(code(of: line)?.code == expected)
    }

    @Test("errors carry the request id when it could be read")
    func errorsEchoID() {
        #expect(code(of: #"{"type":"message","session":"a","id":"r9"}"#)?.requestID == "r9")
        #expect(code(of: #"{"type":"nope","id":"r10"}"#)?.requestID == "r10")
        #expect(code(of: #"{"type":"message","session":5,"text":"x","id":"r11"}"#)?.requestID == "r11")
    }

    @Test("a reply line carries every protocol field, ticket as an object")
    func replyLine() throws {
        let reply = Reply(
            text: "Filed.", language: .en, intent: .reportTheft, confidence: 0.93456, flow: nil, awaiting: nil,
            ticket: TicketReference(id: "T-000123", status: .open), warnings: [.secretRedacted])
        let line = WireResponse.reply(reply, session: "web-42", id: "c1").line
        #expect(line.hasSuffix("\n"))
        #expect(line.filter { $0 == "\n" }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "reply")
        #expect(object["session"] as? String == "web-42")
        #expect(object["id"] as? String == "c1")
        #expect(object["lang"] as? String == "en")
        #expect(object["intent"] as? String == "report_theft")
        #expect(object["confidence"] as? Double == 0.935)
        #expect(object["flow"] is NSNull)
        #expect(object["awaiting"] is NSNull)
        #expect((object["ticket"] as? [String: Any])?["id"] as? String == "T-000123")
        #expect((object["ticket"] as? [String: Any])?["status"] as? String == "open")
        #expect(object["warnings"] as? [String] == ["secret_redacted"])
    }

    @Test("an error line has a null id when the request had none")
    func errorLine() {
        let line = WireResponse.error(ProtocolError(.lineTooLong, "too long")).line
        #expect(line == #"{"type":"error","code":"line_too_long","message":"too long","id":null}"# + "\n")
    }

    @Test("text with quotes, newlines, control characters and CJK round-trips through the line")
    func escaping() throws {
        let text = "say \"hi\"\nback\\slash\ttab \u{01} 你好 https://tokenpocket.pro/a\u{2028}"
        let reply = Reply(text: text, language: .zh, intent: .greeting, confidence: 1)
        let line = WireResponse.reply(reply, session: "s", id: nil).line
        #expect(line.dropLast().contains("\n") == false)
        #expect(line.contains("https://tokenpocket.pro/a"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["text"] as? String == text)
        #expect(object["id"] is NSNull)
    }
}

import Foundation
import Testing

@testable import SupportServer

@Suite struct FlatJSONObjectTests {
    @Test(
        "objects of strings and nulls read as JSONDecoder reads them",
        arguments: [
            #"{"type":"message","session":"web-42","text":"hi","id":"c1"}"#,
            #"  { "type" : "ping" ,"id":null }  "#,
            #"{}"#,
            #"{"text":"say \"hi\" \\ \/ \b\f\n\r\t","x":"\u00e9\u4f60\ud83d\ude00"}"#,
            #"{"text":"钱包被盗了 💸","extra":"kept out"}"#,
        ])
    func readsLikeTheDecoder(line: String) throws {
        let fast = try #require(FlatJSONObject.members(of: line))
        let decoded = try JSONDecoder().decode([String: String?].self, from: Data(line.utf8))
        #expect(fast == decoded)
    }

    @Test(
        "anything else is left to JSONDecoder",
        arguments: [
            #"{"type":"message","n":1}"#, #"{"a":{"b":"c"}}"#, #"{"a":["b"]}"#, #"{"a":true}"#, #"["a"]"#,
            #"{"a":"b","a":"c"}"#, #"{"a":"\ud83d"}"#, #"{"a":"\x"}"#, "{\"a\":\"tab\there\"}", #"{"a":"b"} x"#,
            #"{"a":"b",}"#, #"{"a" "b"}"#, #"{"a":"b""#, "", "hello",
        ])
    func declines(line: String) {
        #expect(FlatJSONObject.members(of: line) == nil)
    }

    @Test("strings written by JSONEncoder read back unchanged")
    func encoderRoundTrip() throws {
        let pieces = ["a", "\"", "\\", "/", "\n", "\u{1}", "\u{7F}", "é", "钱", "😀", "\u{2028}", " "]
        var state: UInt64 = 9
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<8 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let line = String(decoding: try JSONEncoder().encode(["text": text]), as: UTF8.self)
            #expect(FlatJSONObject.members(of: line) == ["text": text], "\(line)")
        }
    }
}

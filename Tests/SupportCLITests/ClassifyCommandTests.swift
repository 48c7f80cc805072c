import Foundation
import SupportCore
import SupportTestSupport
import Testing

@testable import SupportCLI

@Suite("classify command")
struct ClassifyCommandTests {
    /// One output line, decoded.
    private static func classify(_ message: String, explains: Bool = false) throws -> [String: Any] {
        let line = MessageClassification(engine: try TestCatalog.engine(), explains: explains).line(for: message)
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(object as? [String: Any])
    }

    @Test("a message gets the bot's intent, language and a confidence in [0, 1]")
    func intentAndLanguage() throws {
        let english = try Self.classify("my wallet got drained last night, all my USDT is gone")
        #expect(english["intent"] as? String == "report_theft")
        #expect(english["lang"] as? String == "en")
        let confidence = try #require(english["confidence"] as? Double)
        #expect((0...1).contains(confidence))
        let chinese = try Self.classify("客服几点上班")
        #expect(chinese["intent"] as? String == "support_hours")
        #expect(chinese["lang"] as? String == "zh")
        #expect(english["explain"] == nil)
        #expect(try Self.classify("我的币被盗了", explains: true)["explain"] is [Any])
    }

    @Test("a secret is removed from the printed text, and its placeholder decides neither intent nor language")
    func secretAlone() throws {
        let key = "0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d"
        let output = try Self.classify(key)
        #expect(output["text"] as? String == "[private key removed]")
        #expect(output["intent"] as? String == "out_of_scope")
        let withWords = try Self.classify("私钥是 \(key)")
        #expect(withWords["lang"] as? String == "zh")
        #expect(!(withWords["text"] as? String ?? key).contains("0c28fca3"))
    }
}

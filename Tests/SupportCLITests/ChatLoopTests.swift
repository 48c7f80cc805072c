import Foundation
import SupportCore
import SupportStore
import SupportTestSupport
import Testing

@testable import SupportCLI

@Suite("chat loop")
struct ChatLoopTests {
    /// Runs the loop over `lines` and returns what it printed and recorded.
    private static func run(_ lines: [String], style: ChatLoop.Style) async throws -> (output: String, recorded: [Exchange]) {
        let desk = SupportDesk(engine: try TestCatalog.engine(), database: try SupportDatabase.inMemory())
        let loop = ChatLoop(desk: desk, session: "test", style: style)
        var remaining = lines[...]
        var output = ""
        var recorded: [Exchange] = []
        try await loop.run(
            readLine: { remaining.popFirst() }, write: { output += $0 }, record: { recorded.append($0) })
        return (output, recorded)
    }

    @Test("piped input gets one plain reply block per line and no decoration")
    func piped() async throws {
        let (output, recorded) = try await Self.run(["hi", "", "what are your hours?"], style: .init(isInteractive: false, usesColor: false))
        #expect(recorded.count == 2, "the empty line is not a message")
        #expect(!output.contains("you>") && !output.contains("\u{1B}["))
        #expect(output == recorded.map { $0.reply.text + "\n\n" }.joined())
    }

    @Test("/help, /reset and /quit are handled by the loop, not sent to the bot")
    func slashCommands() async throws {
        let (output, recorded) = try await Self.run(
            ["/help", "/reset", "/nonsense", "/quit", "hi"], style: .init(isInteractive: false, usesColor: false))
        #expect(recorded.isEmpty, "nothing after /quit is read")
        #expect(output.contains("/reset  forget this conversation"))
        #expect(output.contains("unknown command /nonsense"))
    }

    @Test("a terminal gets a prompt and colours unless they are off")
    func interactive() async throws {
        let coloured = try await Self.run(["hi"], style: .init(isInteractive: true, usesColor: true)).output
        #expect(coloured.contains("you> ") && coloured.contains("\u{1B}[36mbot> "))
        let plain = try await Self.run(["hi"], style: .init(isInteractive: true, usesColor: false)).output
        #expect(plain.contains("bot> ") && !plain.contains("\u{1B}["))
    }

    @Test("--json prints protocol replies")
    func json() async throws {
        let output = try await Self.run(["hi"], style: .init(isInteractive: false, usesColor: false, printsJSON: true)).output
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "reply")
        #expect(object["session"] as? String == "test")
        #expect(object["intent"] as? String == "greeting")
        #expect(object["lang"] as? String == "en")
        #expect(object["warnings"] as? [String] == [])
    }

    @Test("a pasted recovery phrase never reaches the output or the record")
    func secretRedacted() async throws {
        let phrase = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
        let (output, recorded) = try await Self.run(["my phrase is " + phrase], style: .init(isInteractive: false, usesColor: false))
        #expect(!output.contains("abandon"))
        #expect(recorded.allSatisfy { !$0.redactedText.contains("abandon") })
        #expect(recorded.first?.reply.warnings == [.secretRedacted])
    }
}

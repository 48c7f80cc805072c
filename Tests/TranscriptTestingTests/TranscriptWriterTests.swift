import Foundation
import SupportCore
import SupportStore
import Testing

@testable import TranscriptTesting

@Suite struct TranscriptWriterTests {
    static func reply(_ text: String, awaiting: String? = nil) -> Reply {
        Reply(text: text, language: .en, intent: .greeting, confidence: 0.9, awaiting: awaiting)
    }

    @Test("a recorded transcript parses back to the same messages and assertions")
    func recordRoundTrip() throws {
        let now = try #require(TranscriptParser.parseDate("2026-01-10T15:45:00+08:00"))
        var ticketed = Self.reply("Filed.\n\nYour case is T-000001.")
        ticketed.ticket = TicketReference(id: "T-000001", status: .open)
        ticketed.warnings = [.secretRedacted]
        let text = TranscriptWriter.record(
            title: "Recorded", now: now, session: "s1",
            exchanges: [
                Exchange(redactedText: "hi", reply: Self.reply("Hello!\nHow can I help?", awaiting: "x")),
                Exchange(redactedText: "yes\n[mnemonic removed]", reply: ticketed),
            ])
        let transcript = try TranscriptParser.parse(text, file: "r.txt")
        #expect(transcript.now == now)
        #expect(transcript.session == "s1")
        #expect(transcript.turns.map(\.user) == ["hi", "yes\n[mnemonic removed]"])
        #expect(transcript.turns[0].expectations.map(\.kind) == [
            .text("Hello!\nHow can I help?"), .intent("greeting"), .language("en"), .awaiting("x"),
        ])
        #expect(transcript.turns[1].expectations.map(\.kind) == [
            .text("Filed.\n\nYour case is T-000001."), .intent("greeting"), .language("en"), .awaiting(nil),
            .ticket([TicketAssertion(key: "id", value: "T-000001"), TicketAssertion(key: "status", value: "open")]),
            .warning("secret_redacted"),
        ])
    }

    @Test("update rewrites bot blocks and keeps comments, assertions and patterns")
    func updateKeepsTheRest() throws {
        let source = """
            # title
            # now: 2026-01-10T15:45:00+08:00
            user: hi
            bot: old
              old second line
            # a comment about the next turn
            @intent greeting
            user: again
            bot~: .*
            @lang en
            user: third
            @awaiting none
            """
        let updated = TranscriptWriter.update(
            source, replies: [Self.reply("new\n\nnew third"), Self.reply("ignored"), Self.reply("added")])
        #expect(updated == """
            # title
            # now: 2026-01-10T15:45:00+08:00
            user: hi
            bot: new

              new third
            # a comment about the next turn
            @intent greeting
            user: again
            bot~: .*
            @lang en
            user: third
            bot: added
            @awaiting none
            """)
        let reparsed = try TranscriptParser.parse(updated, file: "u.txt")
        #expect(reparsed.turns[0].expectations.first?.kind == .text("new\n\nnew third"))
        #expect(reparsed.turns[2].expectations.map(\.kind) == [.text("added"), .awaiting(nil)])
    }

    @Test("a trailing empty line in a reply survives writing and reading")
    func trailingEmptyLine() throws {
        let lines = TranscriptWriter.block("bot", "a\n")
        #expect(lines == ["bot: a", "  "])
        let transcript = try TranscriptParser.parse(
            "# t\n# now: 2026-01-10T15:45:00+08:00\nuser: x\n" + lines.joined(separator: "\n"), file: "t.txt")
        #expect(transcript.turns[0].expectations.first?.kind == .text("a\n"))
    }

    @Test("JUnit XML escapes text and counts failures")
    func junit() {
        let entries = [
            SuiteEntry(file: "a.txt", title: "A & B", failures: [], seconds: 0.01),
            SuiteEntry(
                file: "b.txt", title: "<B>", failures: [ReplayFailure(file: "b.txt", line: 3, message: "bot \"reply\" differs", diff: nil)],
                seconds: 0.02),
        ]
        let xml = JUnitReport.xml(entries)
        #expect(xml.contains(#"tests="2" failures="1""#))
        #expect(xml.contains(#"<testcase classname="transcripts" name="a.txt" time="0.010" />"#))
        #expect(xml.contains("&lt;B&gt;: 1 failed expectation(s)"))
        #expect(xml.contains("b.txt:3: bot &quot;reply&quot; differs"))
    }
}

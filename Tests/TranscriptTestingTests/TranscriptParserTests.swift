import Foundation
import Testing

@testable import TranscriptTesting

@Suite struct TranscriptParserTests {
    static let sample = """
        # Theft report, English
        # now: 2026-01-10T15:45:00+08:00
        # session: web-42
        # a free comment
        user: my wallet got drained
        bot: I'm sorry.
          Second line.

          After a blank line.
        @intent report_theft
        @lang en
        @awaiting wallet_address
        @warnings none
        user: 0xabc
        bot~: .*wallet.*
        @ticket status=open fields.chain=ethereum
        @warning secret_redacted
        @awaiting none
        """

    @Test("every construct is read")
    func readsEveryConstruct() throws {
        let transcript = try TranscriptParser.parse(Self.sample, file: "t.txt")
        #expect(transcript.title == "Theft report, English")
        #expect(transcript.session == "web-42")
        #expect(transcript.now == TranscriptParser.parseDate("2026-01-10T07:45:00Z"))
        #expect(transcript.turns.count == 2)
        let first = transcript.turns[0]
        #expect(first.user == "my wallet got drained")
        #expect(first.line == 5)
        #expect(first.expectations.map(\.kind) == [
            .text("I'm sorry.\nSecond line.\n\nAfter a blank line."), .intent("report_theft"), .language("en"),
            .awaiting("wallet_address"), .noWarnings,
        ])
        #expect(first.expectations.map(\.line) == [6, 10, 11, 12, 13])
        let second = transcript.turns[1]
        #expect(second.expectations.map(\.kind) == [
            .pattern(".*wallet.*"),
            .ticket([TicketAssertion(key: "status", value: "open"), TicketAssertion(key: "fields.chain", value: "ethereum")]),
            .warning("secret_redacted"), .awaiting(nil),
        ])
    }

    @Test("CRLF line endings read like LF")
    func acceptsCRLF() throws {
        let transcript = try TranscriptParser.parse(Self.sample.replacingOccurrences(of: "\n", with: "\r\n"), file: "t.txt")
        #expect(transcript.turns.count == 2)
        #expect(transcript.turns[0].expectations.first?.kind == .text("I'm sorry.\nSecond line.\n\nAfter a blank line."))
    }

    @Test("a multi-line user message keeps its lines")
    func multiLineUser() throws {
        let transcript = try TranscriptParser.parse("# t\n# now: 2026-01-10T15:45:00+08:00\nuser: one\n  two\n", file: "t.txt")
        #expect(transcript.turns[0].user == "one\ntwo")
    }

    static let errors: [(String, Int, String)] = [
        ("# t\nuser: hi\n", 1, "missing `# now:"),
        ("# t\n# now: yesterday\nuser: hi\n", 2, "ISO 8601"),
        ("# t\n# now: 2026-01-10T15:45:00+08:00\n", 2, "no `user:` lines"),
        ("# t\n# now: 2026-01-10T15:45:00+08:00\n@intent greeting\n", 3, "needs a user: line"),
        ("# t\n# now: 2026-01-10T15:45:00+08:00\nbot: hi\n", 3, "needs a user: line"),
        ("# t\n# now: 2026-01-10T15:45:00+08:00\n  stray\n", 3, "indented line"),
        ("# t\n# now: 2026-01-10T15:45:00+08:00\nhello there\n", 3, "expected `user:`"),
        ("# t\n# now: 2026-01-10T15:45:00+08:00\nagent: hi\n", 3, "unknown block `agent:`"),
        ("# t\n# now: 2026-01-10T15:45:00+08:00\nuser:\n", 3, "needs a message"),
        ("# t\n# now: 2026-01-10T15:45:00+08:00\nuser: hi\nbot: a\nbot: b\n", 5, "second bot block"),
        ("# t\n# now: 2026-01-10T15:45:00+08:00\nuser: hi\nbot~: ([a\n", 4, "not a valid regular expression"),
        ("# t\n# now: 2026-01-10T15:45:00+08:00\nuser: hi\n@mood happy\n", 4, "unknown assertion `@mood`"),
        ("# t\n# now: 2026-01-10T15:45:00+08:00\nuser: hi\n@lang fr\n", 4, "`en` or `zh`"),
        ("# t\n# now: 2026-01-10T15:45:00+08:00\nuser: hi\n@intent a b\n", 4, "exactly one value"),
        ("# t\n# now: 2026-01-10T15:45:00+08:00\nuser: hi\n@ticket open\n", 4, "key=value"),
        ("# t\n# now: 2026-01-10T15:45:00+08:00\nuser: hi\n@warnings some\n", 4, "only takes `none`"),
        ("# t\n# now: 2026-01-10T15:45:00+08:00\nuser: hi\n# now: 2026-01-11T15:45:00+08:00\n", 4, "belongs in the header"),
        ("# t\n# now: 2026-01-10T15:45:00+08:00\n# session:\nuser: hi\n", 3, "needs a name"),
    ]

    @Test("parse errors name the file and line", arguments: errors)
    func parseErrors(source: String, line: Int, message: String) {
        do {
            _ = try TranscriptParser.parse(source, file: "Transcripts/x.txt")
            Issue.record("expected a parse error")
        } catch let error as TranscriptError {
            #expect(error.file == "Transcripts/x.txt")
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("Transcripts/x.txt:\(line): "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

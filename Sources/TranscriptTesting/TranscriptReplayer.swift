import Foundation
import SupportCore
import SupportStore

/// Replays transcripts through the same `SupportDesk` the REPL and server use, each file with its
/// own fixed clock and a fresh in-memory store (so ticket ids are deterministic).
public struct TranscriptReplayer: Sendable {
    public let engine: DialogueEngine

    public init(engine: DialogueEngine) { self.engine = engine }

    /// Runs every turn of `transcript` and checks its expectations.
    public func replay(_ transcript: Transcript) async throws -> ReplayResult {
        let database = try SupportDatabase.inMemory()
        let now = transcript.now
        let desk = SupportDesk(engine: engine, database: database, clock: { now })
        let session = SessionID(transcript.session ?? Self.sessionName(for: transcript.file))
        var failures: [ReplayFailure] = []
        var replies: [Reply] = []
        for turn in transcript.turns {
            let exchange = try await desk.handle(turn.user, session: session, channel: "replay")
            replies.append(exchange.reply)
            for expectation in turn.expectations {
                if let failure = try await check(expectation, exchange.reply, database: database, file: transcript.file) {
                    failures.append(failure)
                }
            }
        }
        return ReplayResult(transcript: transcript, replies: replies, failures: failures)
    }

    static func sessionName(for file: String) -> String {
        "transcript-" + (URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)
    }

    private func check(
        _ expectation: Expectation, _ reply: Reply, database: SupportDatabase, file: String
    ) async throws -> ReplayFailure? {
        func failure(_ message: String, diff: String? = nil) -> ReplayFailure {
            ReplayFailure(file: file, line: expectation.line, message: message, diff: diff)
        }
        switch expectation.kind {
        case .text(let expected):
            guard expected != reply.text else { return nil }
            return failure(
                "bot reply differs",
                diff: LineDiff.unified(expected: expected, actual: reply.text, label: file, firstLine: expectation.line))
        case .pattern(let pattern):
            guard let regex = try? NSRegularExpression(pattern: "\\A(?:\(pattern))\\z", options: [.dotMatchesLineSeparators]) else {
                return failure("`bot~:` is not a valid regular expression")
            }
            let range = NSRange(reply.text.startIndex..., in: reply.text)
            return regex.firstMatch(in: reply.text, range: range) == nil
                ? failure("bot reply does not match /\(pattern)/", diff: "actual:\n" + reply.text) : nil
        case .intent(let intent):
            return reply.intent.rawValue == intent ? nil : failure("expected @intent \(intent), got \(reply.intent.rawValue)")
        case .language(let language):
            return reply.language.rawValue == language ? nil : failure("expected @lang \(language), got \(reply.language.rawValue)")
        case .awaiting(let field):
            return reply.awaiting == field
                ? nil : failure("expected @awaiting \(field ?? "none"), got \(reply.awaiting ?? "none")")
        case .warning(let warning):
            return reply.warnings.contains { $0.rawValue == warning }
                ? nil
                : failure("expected @warning \(warning), got [\(reply.warnings.map(\.rawValue).joined(separator: ", "))]")
        case .noWarnings:
            return reply.warnings.isEmpty
                ? nil : failure("expected no warnings, got [\(reply.warnings.map(\.rawValue).joined(separator: ", "))]")
        case .ticket(let assertions):
            guard let reference = reply.ticket else { return failure("expected a ticket on this reply, there is none") }
            guard let facts = try await TicketFacts.lookUp(reference.id, in: database) else {
                return failure("the reply names ticket \(reference.id), but the store has no such ticket")
            }
            let wrong = assertions.filter { facts[$0.key] != $0.value }
            guard !wrong.isEmpty else { return nil }
            return failure(
                "ticket \(reference.id) differs: "
                    + wrong.map { "\($0.key) expected \($0.value), got \(facts[$0.key] ?? "(none)")" }.joined(separator: "; "))
        }
    }
}

/// The outcome of one transcript.
public struct ReplayResult: Sendable {
    public var transcript: Transcript
    /// The bot's reply to each turn, in order (what `--update` writes back).
    public var replies: [Reply]
    public var failures: [ReplayFailure]
    public var passed: Bool { failures.isEmpty }
}

/// One failed expectation, with the file and line that stated it.
public struct ReplayFailure: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    /// A unified diff or the actual text, when there is one.
    public var diff: String?
    public var description: String {
        "\(file):\(line): \(message)" + (diff.map { "\n" + $0 } ?? "")
    }
}

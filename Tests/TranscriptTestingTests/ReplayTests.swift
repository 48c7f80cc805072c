import Foundation
import SupportCore
import SupportStore
import SupportTestSupport
import Testing

@testable import TranscriptTesting

/// Replay against the real engine: a changed bot line fails with a diff naming the file and line,
/// `--update` repairs it without touching assertions, and a recorded session replays cleanly.
@Suite("replay", .serialized)
struct ReplayTests {
    private static func temporaryCopy(of name: String) throws -> (directory: URL, file: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: RepositoryPaths.transcripts.appendingPathComponent(name).path, toPath: file)
        return (directory, file)
    }

    private static func suite() throws -> TranscriptSuite {
        TranscriptSuite(replayer: TranscriptReplayer(engine: try TestCatalog.engine()))
    }

    @Test("a changed bot line fails with a unified diff naming the file and line")
    func changedLineFails() async throws {
        let (directory, file) = try Self.temporaryCopy(of: "greeting_en.txt")
        defer { try? FileManager.default.removeItem(at: directory) }
        var lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("bot: ") })
        lines[index] = "bot: Hello there, this line was edited."
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)

        let entry = await (try Self.suite()).run(file: file)
        let failure = try #require(entry.failures.first)
        #expect(entry.failures.count == 1)
        #expect(failure.file == file)
        #expect(failure.line == index + 1)
        #expect(failure.description.hasPrefix("\(file):\(index + 1): bot reply differs"))
        let diff = try #require(failure.diff)
        #expect(diff.contains("-Hello there, this line was edited."))
        #expect(diff.contains("+Hello, and thanks for reaching out"))
    }

    @Test("update rewrites the bot blocks, keeps every assertion, and the replay then passes")
    func updateThenReplay() async throws {
        let (directory, file) = try Self.temporaryCopy(of: "report_theft_en.txt")
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try String(contentsOfFile: file, encoding: .utf8)
        let broken = original.replacingOccurrences(of: "bot: ", with: "bot: (stale) ")
        try broken.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(await (try Self.suite()).run(file: file).passed == false)

        let updated = await (try Self.suite()).run(file: file, update: true)
        #expect(updated.passed, "\(updated.failures)")
        let rewritten = try String(contentsOfFile: file, encoding: .utf8)
        #expect(rewritten == original)
        let assertions = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("@") || $0.hasPrefix("#") } }
        #expect(assertions(rewritten) == assertions(broken))
        #expect(await (try Self.suite()).run(file: file).passed)
    }

    @Test("a recorded session replays and passes")
    func recordThenReplay() async throws {
        let now = try #require(TranscriptParser.parseDate("2026-01-10T15:45:00+08:00"))
        let desk = SupportDesk(engine: try TestCatalog.engine(), database: try SupportDatabase.inMemory(), clock: { now })
        var exchanges: [Exchange] = []
        for message in [
            "someone on telegram says he is TP support and wants my 12 words", "telegram", "the mnemonic and a fee", "no",
            "no", "skip", "skip", "yes", "what are your hours?",
        ] {
            exchanges.append(try await desk.handle(message, session: "recorded", channel: "cli"))
        }
        #expect(exchanges.contains { $0.reply.ticket != nil })
        let text = TranscriptWriter.record(title: "Recorded", now: now, session: "recorded", exchanges: exchanges)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("recorded.txt").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let entry = await (try Self.suite()).run(file: file)
        #expect(entry.passed, "\(entry.failures)")
    }
}

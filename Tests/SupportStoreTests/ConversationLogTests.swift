import Foundation
import GRDB
import SupportCore
import SupportStore
import Testing

@Suite("ConversationLog")
struct ConversationLogTests {
    @Test("buffered lines are invisible until a flush, then numbered per session in order")
    func flushWritesBufferedLines() async throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.remove(directory) }
        let path = directory.appendingPathComponent("log.sqlite").path
        let database = try SupportDatabase.open(at: path, commitPolicy: StoreFixtures.manualCommits)
        for index in 0..<5 {
            await database.log.append("a\(index)", role: .user, session: "a", channel: "tcp", at: StoreFixtures.time())
            await database.log.append("b\(index)", role: .bot, session: "b", channel: "tcp", at: StoreFixtures.time())
        }
        #expect(await database.log.pendingCount == 10)
        #expect(try StoreFixtures.committedCount("messages", path: path) == 0)

        try await database.flush()
        #expect(await database.log.pendingCount == 0)
        #expect(try StoreFixtures.committedCount("messages", path: path) == 10)
        // A second batch continues each session's numbering.
        await database.log.append("a5", role: .user, session: "a", channel: "tcp", at: StoreFixtures.time())
        try await database.flush()
        let (seqs, texts) = try await database.writer.read { db in
            (
                try Int64.fetchAll(db, sql: "SELECT seq FROM messages WHERE session = 'a' ORDER BY seq"),
                try String.fetchAll(db, sql: "SELECT text FROM messages WHERE session = 'a' ORDER BY seq")
            )
        }
        #expect(seqs == [1, 2, 3, 4, 5, 6])
        #expect(texts == ["a0", "a1", "a2", "a3", "a4", "a5"])
        try await database.close()
    }

    @Test("an exchange's lines and its session state are buffered by one call and committed together")
    func exchangeInOneCall() async throws {
        let database = try SupportDatabase.inMemory(commitPolicy: StoreFixtures.manualCommits)
        let session = Session(id: "x")
        let state = try JSONEncoder().encode(session)
        await database.log.append(
            [ConversationLog.Line(text: "hi", role: .user), ConversationLog.Line(text: "Hello!", role: .bot)],
            session: "x", channel: "tcp", at: StoreFixtures.time(), state: String(decoding: state, as: UTF8.self))
        #expect(await database.log.pendingCount == 3)
        // A load sees the buffered state before it is committed.
        #expect(try await database.sessions.load("x")?.id == "x")
        try await database.flush()
        let (roles, saved) = try await database.writer.read { db in
            (
                try String.fetchAll(db, sql: "SELECT role FROM messages WHERE session = 'x' ORDER BY seq"),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sessions WHERE id = 'x'")
            )
        }
        #expect(roles == ["user", "bot"])
        #expect(saved == 1)
        try await database.close()
    }

    @Test("reaching maxItems commits without a flush")
    func sizeTriggeredCommit() async throws {
        let database = try SupportDatabase.inMemory(
            commitPolicy: GroupCommitPolicy(maxDelay: .seconds(3600), maxItems: 4))
        for index in 0..<4 {
            await database.log.append(
                "line \(index)", role: .user, session: "s", channel: "cli", at: StoreFixtures.time())
        }
        #expect(try await Self.eventually { try await Self.messageCount(database) == 4 })
        #expect(await database.log.pendingCount == 0)
    }

    @Test("the timer commits after maxDelay without a flush")
    func timedCommit() async throws {
        let database = try SupportDatabase.inMemory(
            commitPolicy: GroupCommitPolicy(maxDelay: .milliseconds(5), maxItems: 1000))
        await database.log.append("hello", role: .user, session: "s", channel: "cli", at: StoreFixtures.time())
        #expect(try await Self.eventually { try await Self.messageCount(database) == 1 })
    }

    @Test("many concurrent appenders lose and duplicate nothing")
    func concurrentAppends() async throws {
        let database = try SupportDatabase.inMemory(
            commitPolicy: GroupCommitPolicy(maxDelay: .milliseconds(2), maxItems: 16))
        await withTaskGroup(of: Void.self) { group in
            for session in 0..<8 {
                group.addTask {
                    for index in 0..<50 {
                        await database.log.append(
                            "\(index)", role: .user, session: SessionID("s\(session)"), channel: "tcp",
                            at: StoreFixtures.time())
                    }
                }
            }
        }
        try await database.flush()
        #expect(try await Self.messageCount(database) == 400)
        for session in 0..<8 {
            let texts = try await database.writer.read { db in
                try String.fetchAll(
                    db, sql: "SELECT text FROM messages WHERE session = ? ORDER BY seq", arguments: ["s\(session)"])
            }
            #expect(texts == (0..<50).map(String.init))
        }
    }

    @Test("session saves are buffered, readable before the commit, and deletions win")
    func sessionSaves() async throws {
        let database = try SupportDatabase.inMemory(commitPolicy: StoreFixtures.manualCommits)
        var session = Session(id: "s1", language: .zh)
        session.turnCount = 3
        session.lastTicketID = "T-000007"
        await database.sessions.save(session, at: StoreFixtures.time())
        #expect(try await database.sessions.load("s1") == session)
        try await database.flush()
        #expect(try await database.sessions.load("s1") == session)
        #expect(try await database.sessions.load("unknown") == nil)

        await database.sessions.delete("s1", at: StoreFixtures.time())
        #expect(try await database.sessions.load("s1") == nil)
        try await database.flush()
        #expect(try await database.sessions.load("s1") == nil)
        let rows = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sessions") }
        #expect(rows == 0)
    }

    @Test("a stored state that no longer decodes starts the conversation afresh")
    func undecodableState() async throws {
        let database = try SupportDatabase.inMemory()
        try await database.writer.write { db in
            try db.execute(
                sql: "INSERT INTO sessions (id, state, updated_at) VALUES ('s1', '{\"old\":true}', ?)",
                arguments: [StoreFixtures.time()])
        }
        #expect(try await database.sessions.load("s1") == nil)
    }

    private static func messageCount(_ database: SupportDatabase) async throws -> Int {
        try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages") ?? 0 }
    }

    /// Polls `condition` until it holds or 5 s pass (background commits have no completion to await).
    private static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        // Generous: it returns as soon as the condition holds, and a full parallel test run can starve
        // the two cooperative threads for seconds on this machine.
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(2))
        }
        return try await condition()
    }
}

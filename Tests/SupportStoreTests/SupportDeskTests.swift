import Foundation
import GRDB
import SupportCore
import SupportStore
import Testing

@Suite("SupportDesk")
struct SupportDeskTests {
    @Test("concurrent messages of one session run one after the other")
    func perSessionOrdering() async throws {
        let database = try SupportDatabase.inMemory()
        let desk = SupportDesk(engine: StoreFixtures.engine(), database: database, clock: TestClock().callAsFunction)
        let count = 40
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                group.addTask { _ = try await desk.handle("tell me a joke \(index)", session: "same", channel: "tcp") }
                group.addTask {
                    _ = try await desk.handle(
                        "what is the weather \(index)", session: SessionID("other-\(index % 4)"), channel: "tcp")
                }
            }
            try await group.waitForAll()
        }
        try await desk.flush()
        // No lost update: every message of "same" saw the state the previous one left.
        #expect(try await database.sessions.load("same")?.turnCount == count)
        let roles = try await database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT role FROM messages WHERE session = 'same' ORDER BY seq")
        }
        // Each user line is followed by its own reply: turns never interleave.
        #expect(roles == Array(repeating: ["user", "bot"], count: count).flatMap { $0 })
        let others = try await database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages WHERE session LIKE 'other-%'")
        }
        #expect(others == 2 * count)
    }

    @Test("a new desk on the same file resumes a half-finished flow")
    func restartResumes() async throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.remove(directory) }
        let path = directory.appendingPathComponent("desk.sqlite").path
        let clock = TestClock()
        let first = SupportDesk(
            engine: StoreFixtures.engine(), database: try SupportDatabase.open(at: path), clock: clock.callAsFunction)
        let opening = try await first.handle("my wallet was drained", session: "web-1", channel: "tcp")
        #expect(opening.reply.flow == .reportTheft)
        #expect(opening.reply.awaiting == "description")
        try await first.database.close()

        let second = SupportDesk(
            engine: StoreFixtures.engine(), database: try SupportDatabase.open(at: path), clock: clock.callAsFunction)
        let resumed = try #require(try await second.database.sessions.load("web-1"))
        #expect(resumed.turnCount == 1)
        #expect(resumed.flow?.intent == .reportTheft)
        let next = try await second.handle("someone emptied my wallet last night", session: "web-1", channel: "tcp")
        #expect(next.reply.flow == .reportTheft)
        #expect(next.reply.awaiting == "confirm")
        try await second.database.close()
    }

    @Test("a completed flow is filed and committed before its reply, with the conversation attached")
    func filingThroughTheDesk() async throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.remove(directory) }
        let path = directory.appendingPathComponent("desk.sqlite").path
        let database = try SupportDatabase.open(at: path, commitPolicy: StoreFixtures.manualCommits)
        let desk = SupportDesk(engine: StoreFixtures.engine(), database: database, clock: TestClock().callAsFunction)
        _ = try await desk.handle("my wallet was drained", session: "s1", channel: "cli")
        _ = try await desk.handle("someone emptied my wallet last night", session: "s1", channel: "cli")
        let filed = try await desk.handle("yes", session: "s1", channel: "cli")

        let ticket = try #require(filed.reply.ticket)
        #expect(ticket == TicketReference(id: "T-000001", status: .open))
        // Committed without any flush: a separate connection sees it and the five lines before the reply.
        #expect(try StoreFixtures.committedCount("tickets", path: path) == 1)
        #expect(try StoreFixtures.committedCount("messages", path: path, where: "session = 's1'") == 5)
        let detail = try await database.tickets.ticket(ticket.id)
        #expect(detail.ticket.intent == .reportTheft)
        #expect(detail.ticket.value(of: "description") == "someone emptied my wallet last night")
        #expect(detail.transcript.map(\.role) == [.user, .bot, .user, .bot, .user])
        #expect(detail.transcript.last?.text == "yes")
        try await database.close()
    }

    @Test("a contact sent after a hand-over is added to the ticket's trail; an unknown ticket is said to have failed")
    func contactAfterFiling() async throws {
        let database = try SupportDatabase.inMemory()
        let desk = SupportDesk(engine: StoreFixtures.engine(), database: database, clock: TestClock().callAsFunction)
        _ = try await desk.handle("my wallet was drained", session: "s1", channel: "cli")
        let handedOver = try await desk.handle("agent", session: "s1", channel: "cli")
        let ticket = try #require(handedOver.reply.ticket)
        let added = try await desk.handle("my email is sam@example.com", session: "s1", channel: "cli")
        // The fixture catalog has no texts: each message is its key.
        #expect(added.reply.text == "ticket.note_added", "\(added.reply.text)")
        let detail = try await database.tickets.ticket(ticket.id)
        let note = try #require(detail.events.last)
        #expect(note.kind == .note)
        #expect(note.actor == TicketEvent.botActor)
        #expect(note.note == "case.contact_note")

        // A session whose last ticket is gone from the store: the note fails, and the user is told.
        var orphan = try #require(try await database.sessions.load("s1"))
        orphan.id = "s2"
        orphan.lastTicketID = "T-000099"
        await database.sessions.save(orphan, at: Date())
        let failed = try await desk.handle("my email is sam@example.com", session: "s2", channel: "cli")
        #expect(failed.reply.text == "ticket.note_failed", "\(failed.reply.text)")
        #expect(try await database.tickets.ticket(ticket.id).events.count == detail.events.count)
    }

    @Test("reset forgets the session's state but keeps its log")
    func resetDropsState() async throws {
        let database = try SupportDatabase.inMemory()
        let desk = SupportDesk(engine: StoreFixtures.engine(), database: database, clock: TestClock().callAsFunction)
        _ = try await desk.handle("my wallet was drained", session: "s1", channel: "cli")
        try await desk.reset("s1")
        try await desk.flush()
        #expect(try await database.sessions.load("s1") == nil)
        let after = try await desk.handle("tell me a joke", session: "s1", channel: "cli")
        #expect(after.reply.flow == nil)
        try await desk.flush()
        #expect(try await database.sessions.load("s1")?.turnCount == 1)
        let lines = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages") }
        #expect(lines == 4)
    }

    @Test("a failed filing shows no ticket id, is reported, and loses no logged line")
    func failedFiling() async throws {
        let database = try SupportDatabase.inMemory(commitPolicy: StoreFixtures.manualCommits)
        try await database.writer.write { db in
            try db.execute(
                sql: "CREATE TRIGGER refuse BEFORE INSERT ON tickets BEGIN SELECT RAISE(ABORT, 'disk full'); END")
        }
        let failures = FailureLog()
        let desk = SupportDesk(
            engine: StoreFixtures.engine(), database: database, clock: TestClock().callAsFunction,
            onFilingFailure: failures.record)
        _ = try await desk.handle("my wallet was drained", session: "s1", channel: "cli")
        _ = try await desk.handle("someone emptied my wallet last night", session: "s1", channel: "cli")
        let refused = try await desk.handle("yes", session: "s1", channel: "cli")

        #expect(refused.reply.ticket == nil)
        #expect(failures.count == 1)
        #expect(try await database.tickets.list().isEmpty)
        // The lines the failed transaction took are back in the buffer and reach the disk later.
        try await database.writer.write { db in try db.execute(sql: "DROP TRIGGER refuse") }
        try await desk.flush()
        let roles = try await database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT role FROM messages WHERE session = 's1' ORDER BY seq")
        }
        #expect(roles == ["user", "bot", "user", "bot", "user", "bot"])
        // The flow waits at its confirmation, so saying yes again files the case.
        let filed = try await desk.handle("yes", session: "s1", channel: "cli")
        #expect(filed.reply.ticket?.id == "T-000001")
    }
}

/// Counts reported errors. `@unchecked Sendable`: `errors` is only touched under `lock`.
final class FailureLog: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []

    var count: Int { lock.withLock { errors.count } }

    func record(_ error: any Error) { lock.withLock { errors.append(error) } }
}

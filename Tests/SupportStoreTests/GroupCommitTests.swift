import Foundation
import GRDB
import SupportCore
import Testing

@testable import SupportStore

/// Commits that must be on disk before their caller goes on (filings, flushes) share transactions.
@Suite("Group commit of filings")
struct GroupCommitTests {
    @Test("filings that arrive while a transaction is written all go into the next one")
    func filingsShareATransaction() async throws {
        let database = try SupportDatabase.inMemory(commitPolicy: StoreFixtures.manualCommits)
        let commits = CommitCounter()
        try await database.writer.write { db in db.add(transactionObserver: commits) }
        let before = commits.count
        let blocker = WriterBlocker(database.writer)
        await blocker.hold()
        let references = try await withThrowingTaskGroup(of: TicketReference.self) { group in
            for index in 0..<20 {
                let session = SessionID("s\(index)")
                group.addTask {
                    await database.log.append(
                        "line of \(index)", role: .user, session: session, channel: "tcp", at: StoreFixtures.time())
                    return try await database.tickets.file(
                        StoreFixtures.theftCase(session: session), channel: "tcp", at: StoreFixtures.time())
                }
            }
            // Let every filing queue up behind the held writer, then let go.
            try await Task.sleep(for: .milliseconds(100))
            await blocker.release()
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(references.map(\.id)).count == 20)
        // The blocker's own, the transaction that was waiting for the writer, and one for the rest.
        #expect(commits.count - before <= 3)
        let (tickets, lines, through) = try await database.writer.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages") ?? 0,
                try Int.fetchOne(db, sql: "SELECT MIN(transcript_through) FROM tickets") ?? 0
            )
        }
        #expect(tickets == 20)
        #expect(lines == 20)
        // Each ticket points at its session's line, written ahead of the filings in the same transaction.
        #expect(through == 1)
    }

    @Test("a filing's transaction carries its own session's buffered lines, not everyone else's")
    func filingTakesOnlyItsSession() async throws {
        let database = try SupportDatabase.inMemory(commitPolicy: StoreFixtures.manualCommits)
        for (text, session) in [("a1", "a"), ("b1", "b"), ("a2", "a"), ("b2", "b")] {
            await database.log.append(
                text, role: .user, session: SessionID(session), channel: "tcp", at: StoreFixtures.time())
        }
        await database.sessions.save(Session(id: "a", language: .zh), at: StoreFixtures.time())
        await database.sessions.save(Session(id: "b", language: .zh), at: StoreFixtures.time())
        let reference = try await database.tickets.file(
            StoreFixtures.theftCase(session: "a"), channel: "tcp", at: StoreFixtures.time())

        func committed() async throws -> (lines: [String], sessions: [String], through: Int) {
            try await database.writer.read { db in
                (
                    try String.fetchAll(db, sql: "SELECT text FROM messages ORDER BY session, seq"),
                    try String.fetchAll(db, sql: "SELECT id FROM sessions ORDER BY id"),
                    try Int.fetchOne(
                        db, sql: "SELECT transcript_through FROM tickets WHERE public_id = ?",
                        arguments: [reference.id]) ?? 0
                )
            }
        }
        let afterFiling = try await committed()
        #expect(afterFiling.lines == ["a1", "a2"])
        #expect(afterFiling.sessions == ["a"])
        #expect(afterFiling.through == 2)
        #expect(await database.log.pendingCount == 3)

        // Lines appended later keep numbering after the ones the filing took.
        await database.log.append("a3", role: .bot, session: "a", channel: "tcp", at: StoreFixtures.time())
        try await database.flush()
        let afterFlush = try await committed()
        #expect(afterFlush.lines == ["a1", "a2", "a3", "b1", "b2"])
        #expect(afterFlush.sessions == ["a", "b"])
        #expect(await database.log.pendingCount == 0)
    }

    @Test("a job that fails undoes only its own writes; the others and the buffered lines commit")
    func failingJobIsIsolated() async throws {
        let database = try SupportDatabase.inMemory(commitPolicy: StoreFixtures.manualCommits)
        let blocker = WriterBlocker(database.writer)
        await blocker.hold()
        await database.log.append("kept", role: .user, session: "s", channel: "tcp", at: StoreFixtures.time())
        let failing = Task {
            try await database.log.commit { db in
                try db.execute(
                    sql: "INSERT INTO sessions (id, state, updated_at) VALUES ('undone', '{}', '2026-01-01')")
                throw DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "refused on purpose")
            }
        }
        async let succeeding: Void = database.log.commit { db in
            try db.execute(sql: "INSERT INTO sessions (id, state, updated_at) VALUES ('done', '{}', '2026-01-01')")
        }
        try await Task.sleep(for: .milliseconds(50))
        await blocker.release()
        await #expect(throws: StoreError.self) { try await failing.value }
        try await succeeding
        let (sessions, lines) = try await database.writer.read { db in
            (
                try String.fetchAll(db, sql: "SELECT id FROM sessions ORDER BY id"),
                try String.fetchAll(db, sql: "SELECT text FROM messages")
            )
        }
        #expect(sessions == ["done"])
        #expect(lines == ["kept"])
    }

    @Test("a load sees a save or deletion whose transaction has not committed yet")
    func loadSeesTheTransactionInFlight() async throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.remove(directory) }
        let database = try SupportDatabase.open(
            at: directory.appendingPathComponent("s.sqlite").path, commitPolicy: StoreFixtures.manualCommits)
        await database.sessions.save(Session(id: "s", language: .zh), at: StoreFixtures.time())
        try await database.flush()

        let blocker = WriterBlocker(database.writer)
        await blocker.hold()
        await database.sessions.delete("s", at: StoreFixtures.time())
        async let flushed: Void = database.flush()
        // The deletion has left the buffer for the waiting transaction; the file still has the state.
        try await Task.sleep(for: .milliseconds(50))
        #expect(await database.log.pendingCount == 0)
        #expect(try await database.sessions.load("s") == nil)
        await blocker.release()
        try await flushed
        #expect(try await database.sessions.load("s") == nil)
        try await database.close()
    }
}

/// Counts committed transactions.
private final class CommitCounter: TransactionObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var commits = 0
    var count: Int { lock.withLock { commits } }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { lock.withLock { commits += 1 } }
    func databaseDidRollback(_ db: Database) {}
}

/// Holds the database's writer in a transaction of its own until released, so that the log's
/// transactions queue up behind it.
private actor WriterBlocker {
    private let writer: any DatabaseWriter
    private var task: Task<Void, any Error>?
    private var letGo: (@Sendable () -> Void)?

    init(_ writer: any DatabaseWriter) { self.writer = writer }

    /// Returns once the writer is held.
    func hold() async {
        let started = AsyncStream<Void>.makeStream()
        let writer = self.writer
        let semaphore = DispatchSemaphore(value: 0)
        task = Task.detached {
            try await writer.write { db in
                try db.execute(sql: "CREATE TABLE IF NOT EXISTS blocker (x)")
                started.continuation.yield()
                semaphore.wait()
            }
        }
        letGo = { semaphore.signal() }
        for await _ in started.stream { break }
    }

    /// Lets the held transaction commit.
    func release() async {
        letGo?()
        _ = try? await task?.value
    }
}

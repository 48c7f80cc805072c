import Foundation
import GRDB

/// The SQLite file (or in-memory database) behind the queue, sessions and conversation log.
/// Open one per file per process: it owns the single writer and the group-commit log buffer.
public final class SupportDatabase: Sendable {
    public let writer: any DatabaseWriter
    /// The file path (`:memory:` for an in-memory database), named in error messages.
    public let path: String
    /// The buffered, group-committed conversation log and session saves.
    public let log: ConversationLog
    /// The human queue.
    public let tickets: TicketQueue
    /// Dialogue state per session.
    public let sessions: SessionStore
    /// Checkpoints the write-ahead log off the commit path (files only).
    private let checkpointer: WALCheckpointer?

    /// Wraps `writer`, migrating it to the current schema.
    /// - Parameters:
    ///   - path: shown in error messages.
    ///   - commitPolicy: how long and how much the conversation log buffers before a commit.
    /// - Throws: `StoreError` when the database cannot be migrated.
    public convenience init(
        writer: any DatabaseWriter, path: String = ":memory:", commitPolicy: GroupCommitPolicy = .default
    ) throws {
        try self.init(writer: writer, path: path, commitPolicy: commitPolicy, checkpointer: nil)
    }

    private init(
        writer: any DatabaseWriter, path: String, commitPolicy: GroupCommitPolicy, checkpointer: WALCheckpointer?
    ) throws {
        do {
            try Self.migrator.migrate(writer)
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
        self.writer = writer
        self.path = path
        self.log = ConversationLog(writer: writer, path: path, policy: commitPolicy)
        self.tickets = TicketQueue(writer: writer, log: log, path: path)
        self.sessions = SessionStore(writer: writer, log: log, path: path)
        self.checkpointer = checkpointer
    }

    /// Opens (creating if needed) the file at `path`, in WAL mode with a 5 s busy timeout and
    /// foreign keys on, and migrates it. The log is checkpointed by a connection of its own
    /// (`WALCheckpointer`), not by the commits.
    /// - Throws: `StoreError` (`cannotOpen`, `databaseCorrupt`, `databaseLocked`) naming the path.
    public static func open(at path: String, commitPolicy: GroupCommitPolicy = .default) throws -> SupportDatabase {
        let pool: DatabasePool
        let checkpointer: WALCheckpointer
        do {
            pool = try DatabasePool(path: path, configuration: poolConfiguration)
            checkpointer = try WALCheckpointer(path: path, configuration: configuration)
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
        return try SupportDatabase(writer: pool, path: path, commitPolicy: commitPolicy, checkpointer: checkpointer)
    }

    /// A fresh in-memory database, for tests and transcript replay.
    public static func inMemory(commitPolicy: GroupCommitPolicy = .default) throws -> SupportDatabase {
        try SupportDatabase(writer: try DatabaseQueue(configuration: configuration), commitPolicy: commitPolicy)
    }

    /// Commits everything the conversation log has buffered.
    public func flush() async throws {
        try await log.flush()
    }

    /// Flushes the log, then closes the file. The database must not be used afterwards.
    public func close() async throws {
        try await log.flush()
        do {
            try await checkpointer?.stop()
            if let pool = writer as? DatabasePool { try pool.close() }
            if let queue = writer as? DatabaseQueue { try queue.close() }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// Settings of every connection: a busy timeout so two processes (server and `queue claim`)
    /// wait for each other instead of failing, and enforced foreign keys. `DatabasePool` adds WAL
    /// (with `synchronous = NORMAL`: a process crash never loses a committed transaction).
    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.foreignKeysEnabled = true
        configuration.label = "supportbot"
        configuration.prepareDatabase { db in
            // SQLite's default page cache (2 MB) is smaller than the pages a busy server touches:
            // sessions and the log's index are keyed by session id, so every message lands on a
            // different page, and each miss was a `pread` (3% of the server's CPU under LoadTool).
            // The cache grows only as pages are used.
            try db.execute(sql: "PRAGMA cache_size = -32768")
        }
        return configuration
    }

    /// Settings of the pool of a file database: `configuration`, and commits never checkpoint
    /// (the `WALCheckpointer`'s connection does).
    static var poolConfiguration: Configuration {
        var settings = configuration
        settings.prepareDatabase { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        return settings
    }
}

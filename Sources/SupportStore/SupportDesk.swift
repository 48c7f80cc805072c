import Foundation
import GRDB
import SupportCore

/// The one path from a front door (REPL, TCP, replay) to the engine and the store: loads the
/// session, runs the engine, commits a case before its id is shown, saves the session and logs
/// the redacted conversation. (API contract; implementation in progress, issue #3.)
public final class SupportDesk: Sendable {
    public let engine: DialogueEngine
    public let database: SupportDatabase
    private let clock: @Sendable () -> Date

    public init(engine: DialogueEngine, database: SupportDatabase, clock: @escaping @Sendable () -> Date = Date.init) {
        self.engine = engine
        self.database = database
        self.clock = clock
    }

    /// Handles one user message of `session` arriving on `channel` (`cli`, `tcp`, `replay`).
    public func handle(_ text: String, session: SessionID, channel: String) async throws -> Exchange {
        let turn = engine.handle(text, in: Session(id: session), at: clock())
        return Exchange(redactedText: turn.redactedText, reply: turn.reply!)
    }

    /// Forgets the session's state (a `/reset` or a protocol `reset`).
    public func reset(_ session: SessionID) async throws {}

    /// Writes everything buffered (the conversation log) to disk.
    public func flush() async throws {}
}

/// One message and its answer as a front door shows and records them.
public struct Exchange: Hashable, Sendable {
    /// The user's message with secrets replaced by placeholders: the only form that may be shown or stored.
    public var redactedText: String
    public var reply: Reply
    public init(redactedText: String, reply: Reply) {
        self.redactedText = redactedText
        self.reply = reply
    }
}

/// The SQLite file (or in-memory database) behind the queue, sessions and conversation log.
public final class SupportDatabase: Sendable {
    public let writer: any DatabaseWriter

    public init(writer: any DatabaseWriter) { self.writer = writer }

    /// Opens (creating if needed) the file at `path`, in WAL mode, and migrates it.
    public static func open(at path: String) throws -> SupportDatabase {
        SupportDatabase(writer: try DatabasePool(path: path))
    }

    /// A fresh in-memory database, for tests and transcript replay.
    public static func inMemory() throws -> SupportDatabase {
        SupportDatabase(writer: try DatabaseQueue())
    }
}

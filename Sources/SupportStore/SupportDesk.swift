import Foundation
import GRDB
import SupportCore

/// The one path from a front door (REPL, TCP, replay) to the engine and the store: loads the
/// session, runs the engine, commits a case before its id is shown, saves the session and logs
/// the redacted conversation. Messages of one session are handled in order; different sessions
/// run concurrently.
public final class SupportDesk: Sendable {
    public let engine: DialogueEngine
    public let database: SupportDatabase
    private let clock: @Sendable () -> Date
    private let onFilingFailure: @Sendable (any Error) -> Void
    private let sessions = SessionTable()

    /// - Parameters:
    ///   - clock: "now" for the engine and every timestamp stored.
    ///   - onFilingFailure: told when a case could not be committed (the user is told to try again;
    ///     the host should log the error, which may name the database path but holds no user text).
    public init(
        engine: DialogueEngine, database: SupportDatabase, clock: @escaping @Sendable () -> Date = Date.init,
        onFilingFailure: @escaping @Sendable (any Error) -> Void = { _ in }
    ) {
        self.engine = engine
        self.database = database
        self.clock = clock
        self.onFilingFailure = onFilingFailure
    }

    /// The human queue of this desk's database.
    public var queue: TicketQueue { database.tickets }

    /// Handles one user message of `session` arriving on `channel` (`cli`, `tcp`, `replay`).
    /// A case the message completes is committed before this returns its reply.
    /// - Throws: `StoreError` when the session cannot be loaded or a ticket looked up.
    public func handle(_ text: String, session: SessionID, channel: String) async throws -> Exchange {
        try await inLane(of: session) { cached in
            // Cached, else saved (a restart resumes), else new.
            let state: Session
            if let cached {
                state = cached
            } else {
                state = try await self.database.sessions.load(session) ?? Session(id: session)
            }
            let now = self.clock()
            var turn = self.engine.handle(text, in: state, at: now)
            var lines = [ConversationLog.Line(text: turn.redactedText, role: .user)]
            if let request = turn.request {
                // Logged before the filing, so the ticket attaches the message that completed it.
                await self.database.log.append(lines, session: session, channel: channel, at: now)
                lines = []
                turn = self.engine.resume(
                    turn, with: try await self.perform(request, channel: channel, at: now), at: now)
            }
            guard let reply = turn.reply else {
                throw StoreError(
                    .incompleteTurn,
                    "The engine gave no reply to a message of session \(session); this is a bug, please report it.")
            }
            lines.append(ConversationLog.Line(text: reply.text, role: .bot))
            // Encoded here, on the caller's task, so the log's actor only files the result.
            let saved = turn.session.json
            await self.database.log.append(lines, session: session, channel: channel, at: now, state: saved)
            return (Exchange(redactedText: turn.redactedText, reply: reply), .store(turn.session))
        }
    }

    /// Forgets the session's state (a `/reset` or a protocol `reset`); its log stays.
    public func reset(_ session: SessionID) async throws {
        try await inLane(of: session) { _ in
            await self.database.sessions.delete(session, at: self.clock())
            return ((), .drop)
        }
    }

    /// Writes everything buffered (the conversation log and session saves) to disk.
    public func flush() async throws {
        try await database.flush()
    }

    // MARK: - Internals

    /// Carries out what the engine asked for. A failed filing becomes `.failed`, so the engine keeps
    /// the flow at its confirmation and nothing the user typed is lost.
    private func perform(_ request: DeskRequest, channel: String, at now: Date) async throws -> DeskResponse {
        switch request {
        case .fileCase(let caseFile):
            do {
                return .filed(try await database.tickets.file(caseFile, channel: channel, at: now))
            } catch {
                onFilingFailure(error)
                return .failed
            }
        case .lookUpTicket(let id):
            return .ticket(try await database.tickets.snapshot(id))
        case .addNote(let id, let note):
            do {
                try await database.tickets.addNote(note, to: id, by: TicketEvent.botActor, at: now)
                return .noted(true)
            } catch {
                onFilingFailure(error)
                return .noted(false)
            }
        }
    }

    /// Runs `body` while holding `session`'s lane, with the cached state; the lane is released with
    /// the cache update `body` returns (none when it throws).
    private func inLane<T: Sendable>(
        of session: SessionID, _ body: (Session?) async throws -> (T, SessionTable.CacheUpdate)
    ) async throws -> T {
        let cached = await sessions.acquire(session)
        do {
            let (result, update) = try await body(cached)
            await sessions.release(session, updating: update)
            return result
        } catch {
            await sessions.release(session, updating: .keep)
            throw error
        }
    }
}

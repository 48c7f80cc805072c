import Foundation
import GRDB
import SupportCore

/// Dialogue state per session (`sessions`), so a restart or reconnect resumes a half-finished flow.
/// Saves go through the conversation log's group commit; loads see buffered saves first.
public struct SessionStore: Sendable {
    let writer: any DatabaseWriter
    let log: ConversationLog
    let path: String

    /// The saved state of `id`, or nil when there is none (or it no longer decodes, e.g. after an
    /// incompatible upgrade: the conversation then starts afresh rather than failing).
    public func load(_ id: SessionID) async throws -> Session? {
        let state: String?
        if let buffered = await log.pendingState(of: id) {
            state = buffered
        } else {
            do {
                state = try await writer.read { db in
                    try String.fetchOne(
                        db.cachedStatement(sql: "SELECT state FROM sessions WHERE id = ?"), arguments: [id.rawValue])
                }
            } catch {
                throw StoreError.wrapping(error, path: path)
            }
        }
        guard let state, let session = try? JSONDecoder().decode(Session.self, from: Data(state.utf8)),
            session.id == id
        else { return nil }
        return session
    }

    /// Buffers a save of `session`; it is on disk after the next group commit.
    public func save(_ session: Session, at now: Date) async {
        await log.saveState(session.json, of: session.id, at: now)
    }

    /// Buffers the deletion of `id`'s state.
    public func delete(_ id: SessionID, at now: Date) async {
        await log.deleteState(of: id, at: now)
    }
}

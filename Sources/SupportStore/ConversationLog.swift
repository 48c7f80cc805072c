import Foundation
import GRDB
import SupportCore

/// The redacted conversation log and session saves, committed in groups: items are buffered and
/// written in one transaction every `policy.maxDelay` or `policy.maxItems`. Every write that
/// touches the log (a group commit, a filing) runs on one chain, in order, and takes the items
/// that are pending when its turn comes, so a session's lines are numbered in the order they were
/// appended. A SIGKILL loses at most the items of the current group, never a committed ticket.
public actor ConversationLog {
    /// A message waiting for its commit; its `seq` is assigned in the transaction.
    struct PendingMessage: Sendable {
        var session: SessionID
        var at: Date
        var role: LoggedMessage.Role
        var channel: String
        var text: String
    }

    /// A session save (`state` JSON) or deletion (`state` nil) waiting for its commit.
    struct PendingState: Sendable {
        var state: String?
        var at: Date
    }

    /// What one transaction writes.
    struct Batch: Sendable {
        var messages: [PendingMessage] = []
        var states: [SessionID: PendingState] = [:]
        var isEmpty: Bool { messages.isEmpty && states.isEmpty }
    }

    private let writer: any DatabaseWriter
    private let path: String
    public let policy: GroupCommitPolicy

    private var pending = Batch()
    /// The last write of the chain; the next one starts after it.
    private var tail: Task<Void, Never>?
    /// A timed commit is scheduled.
    private var timer: Task<Void, Never>?
    /// A size-triggered commit is queued and has not taken its items yet.
    private var isCommitQueued = false
    /// The last failure of a timed or size-triggered commit (its items stay buffered and are
    /// retried); cleared by a successful `flush()`.
    public private(set) var lastBackgroundError: (any Error)?

    init(writer: any DatabaseWriter, path: String, policy: GroupCommitPolicy) {
        self.writer = writer
        self.path = path
        self.policy = policy
    }

    /// One redacted line of a conversation.
    public struct Line: Sendable {
        public var text: String
        public var role: LoggedMessage.Role
        public init(text: String, role: LoggedMessage.Role) {
            self.text = text
            self.role = role
        }
    }

    // MARK: - Appending

    /// Buffers one redacted line of `session`'s conversation.
    public func append(_ text: String, role: LoggedMessage.Role, session: SessionID, channel: String, at: Date) {
        append([Line(text: text, role: role)], session: session, channel: channel, at: at)
    }

    /// Buffers redacted lines of `session`'s conversation and, when `state` is given, a save of
    /// the session's encoded state (latest wins): one call per exchange on the reply path.
    public func append(_ lines: [Line], session: SessionID, channel: String, at: Date, state: String? = nil) {
        for line in lines {
            pending.messages.append(
                PendingMessage(session: session, at: at, role: line.role, channel: channel, text: line.text))
        }
        if let state { pending.states[session] = PendingState(state: state, at: at) }
        scheduleCommit()
    }

    /// Buffers a save of `session`'s encoded state (latest wins). The caller encodes, so the actor
    /// only files the text.
    public func saveState(_ state: String, of session: SessionID, at: Date) {
        pending.states[session] = PendingState(state: state, at: at)
        scheduleCommit()
    }

    /// Buffers the deletion of `session`'s saved state.
    public func deleteState(of session: SessionID, at: Date) {
        pending.states[session] = PendingState(state: nil, at: at)
        scheduleCommit()
    }

    /// The buffered state of `session`: nil when nothing is buffered, `.some(nil)` for a buffered deletion.
    func pendingState(of session: SessionID) -> String?? {
        pending.states[session].map(\.state)
    }

    /// Number of items waiting for a commit.
    public var pendingCount: Int { pending.messages.count + pending.states.count }

    // MARK: - Committing

    /// Commits everything appended before this call.
    /// - Throws: `StoreError` when the commit fails; the items stay buffered for the next attempt.
    public func flush() async throws {
        try await commit(session: nil) { _ in }
        lastBackgroundError = nil
    }

    /// Runs `work` in one transaction on the write chain, after writing the buffered items of
    /// `session` (all buffered items when `session` is nil). Returns after the commit; on failure
    /// the items go back into the buffer.
    func commit<T: Sendable>(
        session: SessionID?, _ work: @escaping @Sendable (Database) throws -> T
    ) async throws -> T {
        let previous = tail
        let step = Task<T, any Error> {
            await previous?.value
            let batch = self.take(session)
            do {
                return try await writer.write { db in
                    try Self.write(batch, to: db)
                    return try work(db)
                }
            } catch {
                self.restore(batch)
                throw StoreError.wrapping(error, path: path)
            }
        }
        tail = Task { _ = await step.result }
        return try await step.value
    }

    private func scheduleCommit() {
        if pendingCount >= policy.maxItems {
            guard !isCommitQueued else { return }
            isCommitQueued = true
            // Not awaited here on purpose: appending never waits for disk. The commit joins the
            // write chain, which `flush()` (and every later commit) awaits.
            Task { await self.commitInBackground() }
        } else if timer == nil {
            let delay = policy.maxDelay
            timer = Task {
                try? await Task.sleep(for: delay)
                await self.timerFired()
            }
        }
    }

    private func timerFired() async {
        timer = nil
        guard pendingCount > 0 else { return }
        await commitInBackground()
    }

    private func commitInBackground() async {
        do {
            try await commit(session: nil) { _ in }
        } catch {
            lastBackgroundError = error
        }
    }

    /// Removes and returns the buffered items of `session` (of every session when nil).
    private func take(_ session: SessionID?) -> Batch {
        guard let session else {
            let batch = pending
            pending = Batch()
            isCommitQueued = false
            return batch
        }
        var batch = Batch()
        batch.messages = pending.messages.filter { $0.session == session }
        if !batch.messages.isEmpty { pending.messages.removeAll { $0.session == session } }
        if let state = pending.states.removeValue(forKey: session) { batch.states[session] = state }
        return batch
    }

    /// Puts back the items of a failed commit, ahead of anything appended since.
    private func restore(_ batch: Batch) {
        pending.messages.insert(contentsOf: batch.messages, at: 0)
        pending.states.merge(batch.states) { newer, _ in newer }
        if pendingCount > 0, timer == nil { scheduleCommit() }
    }

    // MARK: - SQL

    private static func write(_ batch: Batch, to db: Database) throws {
        guard !batch.isEmpty else { return }
        var nextSeq: [SessionID: Int64] = [:]
        let lastSeq = try db.cachedStatement(sql: "SELECT MAX(seq) FROM messages WHERE session = ?")
        let insert = try db.cachedStatement(
            sql: "INSERT INTO messages (session, seq, at, role, channel, text) VALUES (?, ?, ?, ?, ?, ?)")
        for message in batch.messages {
            let seq: Int64
            if let next = nextSeq[message.session] {
                seq = next
            } else {
                seq = (try Int64.fetchOne(lastSeq, arguments: [message.session.rawValue]) ?? 0) + 1
            }
            nextSeq[message.session] = seq + 1
            try insert.execute(arguments: [
                message.session.rawValue, seq, StoredDate(message.at), message.role.rawValue, message.channel, message.text,
            ])
        }
        let upsert = try db.cachedStatement(
            sql: """
                INSERT INTO sessions (id, state, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
                """)
        let delete = try db.cachedStatement(sql: "DELETE FROM sessions WHERE id = ?")
        for (session, change) in batch.states {
            if let state = change.state {
                try upsert.execute(arguments: [session.rawValue, state, StoredDate(change.at)])
            } else {
                try delete.execute(arguments: [session.rawValue])
            }
        }
    }
}

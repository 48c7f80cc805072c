import Foundation
import GRDB
import SupportCore

/// The redacted conversation log and session saves, committed in groups: items are buffered and
/// written in one transaction every `policy.maxDelay` or `policy.maxItems`. Work that must be on
/// disk before its caller goes on (a filing, a flush) waits for the next transaction, which
/// carries every such job waiting at that moment and, ahead of them, the buffered items they
/// need: a filing only its own session's (so it is not kept waiting by everyone else's lines), a
/// flush everything. While one transaction is being written, the next one gathers. Transactions
/// run one at a time, and each takes all of a session's buffered items or none, so a session's
/// lines are numbered in the order they were appended. A SIGKILL loses at most the items not yet
/// committed, never a committed ticket.
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

        /// Removes and returns the items of `sessions`, each session's lines in their order.
        mutating func take(sessions: Set<SessionID>) -> Batch {
            var taken = Batch()
            guard !sessions.isEmpty else { return taken }
            messages.removeAll { message in
                guard sessions.contains(message.session) else { return false }
                taken.messages.append(message)
                return true
            }
            for session in sessions {
                if let state = states.removeValue(forKey: session) { taken.states[session] = state }
            }
            return taken
        }
    }

    /// The buffered items a job needs written ahead of it, in its transaction.
    enum Scope: Sendable, Equatable {
        /// Everything buffered (a flush).
        case everything
        /// The lines and state of one session (a filing, which points at the session's last line).
        case session(SessionID)
    }

    /// Work that waits for the next transaction: it runs there in a savepoint of its own (so its
    /// failure undoes only its own writes), and its caller is resumed once the transaction is over.
    private struct Job: Sendable {
        let scope: Scope
        let run: @Sendable (Database) throws -> any Sendable
        let finish: @Sendable (Result<any Sendable, any Error>) -> Void
    }

    private let writer: any DatabaseWriter
    private let path: String
    public let policy: GroupCommitPolicy

    private var pending = Batch()
    /// The items of the transaction being written; loads still see them until it commits.
    private var writing = Batch()
    private var jobs: [Job] = []
    /// A transaction is being written; what arrives meanwhile waits for the next one.
    private var isWriting = false
    /// The next transaction should run even when no job waits (the buffer is full, or the timer fired).
    private var isCommitRequested = false
    /// A timed commit is scheduled.
    private var timer: Task<Void, Never>?
    /// The last failure of a transaction (its items stay buffered and are retried); cleared by a
    /// successful `flush()`.
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

    /// The buffered state of `session`: nil when nothing is buffered, `.some(nil)` for a buffered
    /// deletion. Includes the items of a transaction that has not committed yet.
    func pendingState(of session: SessionID) -> String?? {
        (pending.states[session] ?? writing.states[session]).map(\.state)
    }

    /// Number of items waiting for a commit.
    public var pendingCount: Int { pending.messages.count + pending.states.count }

    // MARK: - Committing

    /// Commits everything appended before this call.
    /// - Throws: `StoreError` when the commit fails; the items stay buffered for the next attempt.
    public func flush() async throws {
        try await commit { _ in }
        lastBackgroundError = nil
    }

    /// Runs `work` in the next transaction, after the buffered items of `scope` are written, and
    /// returns once that transaction has committed.
    /// - Throws: `StoreError` when `work` fails (only its own writes are undone) or the
    ///   transaction fails (its buffered items go back into the buffer).
    func commit<T: Sendable>(
        after scope: Scope = .everything, _ work: @escaping @Sendable (Database) throws -> T
    ) async throws -> T {
        let value = try await withCheckedThrowingContinuation { continuation in
            jobs.append(Job(scope: scope, run: { try work($0) }, finish: { continuation.resume(with: $0) }))
            startWriting()
        }
        // `run` returned a `T`; the job only carries it type-erased.
        return value as! T
    }

    private func scheduleCommit() {
        if pendingCount >= policy.maxItems {
            // Not awaited on purpose: appending never waits for disk.
            isCommitRequested = true
            startWriting()
        } else {
            startTimer()
        }
    }

    private func startTimer() {
        guard timer == nil else { return }
        let delay = policy.maxDelay
        timer = Task {
            try? await Task.sleep(for: delay)
            self.timerFired()
        }
    }

    private func timerFired() {
        timer = nil
        guard pendingCount > 0 else { return }
        isCommitRequested = true
        startWriting()
    }

    private func startWriting() {
        guard !isWriting else { return }
        isWriting = true
        Task { await self.writeTransactions() }
    }

    /// Writes transactions until nothing waits: each takes every waiting job and the items they
    /// need, and everything buffered when a commit was requested. Runs on one task at a time
    /// (`isWriting`).
    private func writeTransactions() async {
        while !jobs.isEmpty || isCommitRequested {
            let round = jobs
            jobs = []
            if isCommitRequested || round.contains(where: { $0.scope == .everything }) {
                writing = pending
                pending = Batch()
            } else {
                let sessions = round.compactMap { job -> SessionID? in
                    if case .session(let session) = job.scope { return session }
                    return nil
                }
                writing = pending.take(sessions: Set(sessions))
            }
            isCommitRequested = false
            let batch = writing
            let path = self.path
            let outcomes: [Result<any Sendable, any Error>]
            do {
                outcomes = try await writer.write { db in
                    try Self.write(batch, to: db)
                    return round.map { job -> Result<any Sendable, any Error> in
                        do {
                            var value: (any Sendable)?
                            try db.inSavepoint {
                                value = try job.run(db)
                                return .commit
                            }
                            return .success(value!)
                        } catch {
                            return .failure(StoreError.wrapping(error, path: path))
                        }
                    }
                }
            } catch {
                let failure = StoreError.wrapping(error, path: path)
                lastBackgroundError = failure
                restore(batch)
                outcomes = round.map { _ in .failure(failure) }
            }
            writing = Batch()
            for (job, outcome) in zip(round, outcomes) { job.finish(outcome) }
        }
        isWriting = false
    }

    /// Puts back the items of a failed commit, ahead of anything appended since (each session's
    /// items were taken whole, so its order holds).
    private func restore(_ batch: Batch) {
        pending.messages.insert(contentsOf: batch.messages, at: 0)
        pending.states.merge(batch.states) { newer, _ in newer }
        // Retried after the usual delay (not at once, which would spin while the disk is full).
        startTimer()
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

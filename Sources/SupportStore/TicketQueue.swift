import Foundation
import GRDB
import SupportCore

/// The human queue: filing cases, and the agents' claim / resolve / escalate. Every change is one
/// transaction that also appends to `ticket_events`. Claiming is a single conditional `UPDATE`,
/// so of two agents racing for a ticket (in one process or two) exactly one wins.
public final class TicketQueue: Sendable {
    let writer: any DatabaseWriter
    let log: ConversationLog
    let path: String

    init(writer: any DatabaseWriter, log: ConversationLog, path: String) {
        self.writer = writer
        self.log = log
        self.path = path
    }

    // MARK: - Filing

    /// Commits `caseFile` as a new open ticket, with its `created` event and the session's redacted
    /// conversation (including lines still buffered), in one transaction. Returns after the commit,
    /// so the id it returns may be shown to the user.
    public func file(_ caseFile: CaseFile, channel: String, at now: Date) async throws -> TicketReference {
        let priority = caseFile.secretExposed ? .urgent : caseFile.priority
        let fields = try Self.fieldsJSON(caseFile.fields)
        let approximate = try Self.json(Self.approximateFields(caseFile.fields))
        let missing = try Self.json(caseFile.missingFields)
        return try await log.commit(after: .session(caseFile.sessionID)) { db in
            // Cached statements: filings are frequent, and compiling SQL is most of a small insert's cost.
            let number = (try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(id) FROM tickets")) ?? 0) + 1
            let publicID = Self.publicID(number)
            let through =
                try Int64.fetchOne(
                    db.cachedStatement(sql: "SELECT MAX(seq) FROM messages WHERE session = ?"),
                    arguments: [caseFile.sessionID.rawValue]) ?? 0
            try db.cachedStatement(
                sql: """
                    INSERT INTO tickets (id, public_id, session, channel, lang, intent, priority, priority_rank,
                        status, assignee, fields, approximate_fields, missing_fields, summary, secret_exposed,
                        transcript_through, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', NULL, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(
                arguments: [
                    number, publicID, caseFile.sessionID.rawValue, channel, caseFile.language.rawValue,
                    caseFile.intent.rawValue, priority.rawValue, priority.rank, fields, approximate, missing,
                    caseFile.summary, caseFile.secretExposed, through, StoredDate(now), StoredDate(now),
                ])
            try Self.record(
                .created, ticket: number, by: TicketEvent.botActor, note: "filed via \(channel)", at: now, in: db)
            return TicketReference(id: publicID, status: .open)
        }
    }

    // MARK: - Agents' actions

    /// Gives the open (or escalated) ticket `publicID` to `agent`.
    /// - Throws: `StoreError` `alreadyClaimed` naming the holder when another agent got there first,
    ///   `invalidTransition` for a resolved ticket, `ticketNotFound`, `invalidTicketID`.
    @discardableResult
    public func claim(_ publicID: String, by agent: String, at now: Date) async throws -> TicketReference {
        let (number, id) = try Self.parse(publicID)
        let agent = try Self.validated(agent)
        return try await write { db in
            try db.execute(
                sql: """
                    UPDATE tickets SET status = 'claimed', assignee = ?, updated_at = ?
                    WHERE id = ? AND status IN ('open', 'escalated')
                    """,
                arguments: [agent, now, number])
            guard db.changesCount == 1 else {
                let (status, holder) = try Self.state(of: number, id: id, in: db)
                if status == .claimed { throw StoreError.alreadyClaimed(id, by: holder ?? "another agent") }
                throw StoreError.invalidTransition(id, from: status, action: "claimed")
            }
            try Self.record(.claimed, ticket: number, by: agent, note: nil, at: now, in: db)
            return TicketReference(id: id, status: .claimed)
        }
    }

    /// Closes the ticket `publicID`, which `agent` must hold.
    @discardableResult
    public func resolve(_ publicID: String, by agent: String, note: String? = nil, at now: Date) async throws
        -> TicketReference
    {
        let (number, id) = try Self.parse(publicID)
        let agent = try Self.validated(agent)
        return try await write { db in
            try db.execute(
                sql: """
                    UPDATE tickets SET status = 'resolved', updated_at = ?
                    WHERE id = ? AND status = 'claimed' AND assignee = ?
                    """,
                arguments: [now, number, agent])
            guard db.changesCount == 1 else {
                let (status, holder) = try Self.state(of: number, id: id, in: db)
                switch status {
                case .claimed:
                    throw StoreError.notClaimedByYou(
                        id, holder: holder ?? "another agent", agent: agent, action: "resolve")
                case .open, .escalated: throw StoreError.notClaimed(id, status: status, action: "resolve")
                case .resolved: throw StoreError.invalidTransition(id, from: status, action: "resolved again")
                }
            }
            try Self.record(.resolved, ticket: number, by: agent, note: Self.cleaned(note), at: now, in: db)
            return TicketReference(id: id, status: .resolved)
        }
    }

    /// Hands the ticket `publicID` to the next tier: an open ticket, or one `agent` holds. The
    /// ticket is unassigned so that someone of that tier can claim it.
    @discardableResult
    public func escalate(_ publicID: String, by agent: String, note: String? = nil, at now: Date) async throws
        -> TicketReference
    {
        let (number, id) = try Self.parse(publicID)
        let agent = try Self.validated(agent)
        return try await write { db in
            try db.execute(
                sql: """
                    UPDATE tickets SET status = 'escalated', assignee = NULL, updated_at = ?
                    WHERE id = ? AND (status = 'open' OR (status = 'claimed' AND assignee = ?))
                    """,
                arguments: [now, number, agent])
            guard db.changesCount == 1 else {
                let (status, holder) = try Self.state(of: number, id: id, in: db)
                switch status {
                case .claimed:
                    throw StoreError.notClaimedByYou(
                        id, holder: holder ?? "another agent", agent: agent, action: "escalate")
                case .open, .escalated, .resolved:
                    throw StoreError.invalidTransition(id, from: status, action: "escalated")
                }
            }
            try Self.record(.escalated, ticket: number, by: agent, note: Self.cleaned(note), at: now, in: db)
            return TicketReference(id: id, status: .escalated)
        }
    }

    /// Adds a note to the audit trail of `publicID` without changing its status.
    public func addNote(_ note: String, to publicID: String, by agent: String, at now: Date) async throws {
        let (number, id) = try Self.parse(publicID)
        let agent = try Self.validated(agent)
        try await write { db in
            _ = try Self.state(of: number, id: id, in: db)
            try db.execute(sql: "UPDATE tickets SET updated_at = ? WHERE id = ?", arguments: [now, number])
            try Self.record(.note, ticket: number, by: agent, note: Self.cleaned(note), at: now, in: db)
        }
    }

    // MARK: - Ticket ids

    /// `T-000123` for row 123.
    public static func publicID(_ number: Int64) -> String {
        "T-" + zeroPadded(number, width: 6)
    }

    /// The row number of a public id: `T-000123`, `t-123` or `123`; nil when `text` is not one.
    public static func number(fromPublicID text: String) -> Int64? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        if rest.hasPrefix("T-") || rest.hasPrefix("t-") { rest = rest.dropFirst(2) }
        guard !rest.isEmpty, rest.count <= 18, rest.allSatisfy({ $0.isASCII && $0.isNumber }),
            let number = Int64(rest), number > 0
        else { return nil }
        return number
    }

    // MARK: - Internals

    /// Runs `body` in a write transaction, translating database errors.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(body)
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// Runs `body` in a read, translating database errors.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(body)
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    static func parse(_ publicID: String) throws -> (Int64, String) {
        guard let number = number(fromPublicID: publicID) else { throw StoreError.invalidTicketID(publicID) }
        return (number, Self.publicID(number))
    }

    private static func validated(_ agent: String) throws -> String {
        let agent = agent.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !agent.isEmpty else { throw StoreError.invalidAgent }
        return agent
    }

    private static func cleaned(_ note: String?) -> String? {
        guard let note = note?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty else { return nil }
        return note
    }

    private static func state(of number: Int64, id: String, in db: Database) throws -> (TicketStatus, String?) {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT status, assignee FROM tickets WHERE id = ?", arguments: [number])
        else { throw StoreError.ticketNotFound(id) }
        let status = TicketStatus(rawValue: row["status"]) ?? .open
        return (status, row["assignee"])
    }

    private static func record(
        _ kind: TicketEvent.Kind, ticket number: Int64, by actor: String, note: String?, at now: Date, in db: Database
    ) throws {
        try db.cachedStatement(sql: "INSERT INTO ticket_events (ticket_id, at, actor, kind, note) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [number, StoredDate(now), actor, kind.rawValue, note])
    }

    /// The fields as one JSON object in flow order (`json_extract(fields, '$.chain')` works on it);
    /// a field answered twice keeps its first position and its last value.
    static func fieldsJSON(_ answers: [FieldAnswer]) throws -> String {
        var order: [String] = []
        var values: [String: String] = [:]
        for answer in answers {
            if values[answer.field] == nil { order.append(answer.field) }
            values[answer.field] = answer.value.value
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let pairs = try order.map { name in
            let key = String(decoding: try encoder.encode(name), as: UTF8.self)
            let value = String(decoding: try encoder.encode(values[name] ?? ""), as: UTF8.self)
            return key + ":" + value
        }
        return "{" + pairs.joined(separator: ",") + "}"
    }

    private static func approximateFields(_ answers: [FieldAnswer]) -> [String] {
        var latest: [String: Bool] = [:]
        var order: [String] = []
        for answer in answers {
            if latest[answer.field] == nil { order.append(answer.field) }
            latest[answer.field] = answer.value.isApproximate
        }
        return order.filter { latest[$0] == true }
    }

    static func json(_ strings: [String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return String(decoding: try encoder.encode(strings), as: UTF8.self)
    }
}

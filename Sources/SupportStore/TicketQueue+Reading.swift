import Foundation
import GRDB
import SupportCore

extension TicketQueue {
    /// The ticket `publicID` with its fields, events and redacted transcript.
    /// - Throws: `StoreError` `invalidTicketID` or `ticketNotFound`.
    public func ticket(_ publicID: String) async throws -> TicketDetail {
        let (number, id) = try Self.parse(publicID)
        return try await read { db in
            guard let detail = try Self.detail(number: number, in: db) else { throw StoreError.ticketNotFound(id) }
            return detail
        }
    }

    /// What the engine needs to answer "what's the status of T-000123?"; nil when no ticket has that
    /// id (or `publicID` is not a ticket id).
    public func snapshot(_ publicID: String) async throws -> TicketSnapshot? {
        guard let number = Self.number(fromPublicID: publicID) else { return nil }
        return try await read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT public_id, status, intent, updated_at FROM tickets WHERE id = ?",
                    arguments: [number])
            else { return nil }
            return TicketSnapshot(
                reference: TicketReference(
                    id: row["public_id"], status: TicketStatus(rawValue: row["status"]) ?? .open),
                intent: IntentID(rawValue: row["intent"]), updatedAt: row["updated_at"])
        }
    }

    /// Tickets in queue order: most urgent first, then oldest first.
    /// - Parameters:
    ///   - status: only these statuses (all when nil or empty).
    ///   - priority: only this priority.
    ///   - limit: at most this many.
    public func list(status: [TicketStatus]? = nil, priority: Priority? = nil, limit: Int? = nil) async throws
        -> [Ticket]
    {
        try await read { db in
            try Self.tickets(status: status, priority: priority, limit: limit, in: db)
        }
    }

    /// Tickets in queue order with their events and transcripts, for `queue export`.
    public func export(status: [TicketStatus]? = nil) async throws -> [TicketDetail] {
        try await read { db in
            try Self.tickets(status: status, priority: nil, limit: nil, in: db).map { ticket in
                TicketDetail(
                    ticket: ticket, events: try Self.events(of: ticket.number, in: db),
                    transcript: try Self.transcript(of: ticket.number, in: db))
            }
        }
    }

    // MARK: - Queries

    private static let columns = """
        id, public_id, session, channel, lang, intent, priority, status, assignee, fields, approximate_fields,
        missing_fields, summary, secret_exposed, created_at, updated_at
        """

    private static func tickets(status: [TicketStatus]?, priority: Priority?, limit: Int?, in db: Database) throws
        -> [Ticket]
    {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let status, !status.isEmpty {
            conditions.append("status IN (\(Array(repeating: "?", count: status.count).joined(separator: ", ")))")
            for each in status { arguments += [each.rawValue] }
        }
        if let priority {
            conditions.append("priority = ?")
            arguments += [priority.rawValue]
        }
        var sql = "SELECT \(columns) FROM tickets"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY priority_rank DESC, created_at, id"
        if let limit {
            sql += " LIMIT ?"
            arguments += [max(0, limit)]
        }
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { try ticket(from: $0, in: db) }
    }

    static func detail(number: Int64, in db: Database) throws -> TicketDetail? {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM tickets WHERE id = ?", arguments: [number])
        else { return nil }
        return TicketDetail(
            ticket: try ticket(from: row, in: db), events: try events(of: number, in: db),
            transcript: try transcript(of: number, in: db))
    }

    private static func ticket(from row: Row, in db: Database) throws -> Ticket {
        let approximate = Set(try strings(row["approximate_fields"]))
        // json_each walks the object in document order, which is the flow's order.
        let fields = try Row.fetchAll(
            db, sql: "SELECT key, value FROM json_each(?)", arguments: [row["fields"] as String]
        )
        .map { field -> TicketField in
            let name: String = field["key"]
            let value = (field["value"] as DatabaseValue).storage.textValue
            return TicketField(name: name, value: value, isApproximate: approximate.contains(name))
        }
        return Ticket(
            id: row["public_id"], number: row["id"], session: SessionID(rawValue: row["session"]),
            channel: row["channel"],
            language: Language(rawValue: row["lang"]) ?? .en, intent: IntentID(rawValue: row["intent"]),
            priority: Priority(rawValue: row["priority"]) ?? .normal,
            status: TicketStatus(rawValue: row["status"]) ?? .open, assignee: row["assignee"], fields: fields,
            missingFields: try strings(row["missing_fields"]), summary: row["summary"],
            secretExposed: row["secret_exposed"], createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    private static func events(of number: Int64, in db: Database) throws -> [TicketEvent] {
        try Row.fetchAll(
            db, sql: "SELECT at, actor, kind, note FROM ticket_events WHERE ticket_id = ? ORDER BY id",
            arguments: [number]
        ).map { row in
            TicketEvent(
                at: row["at"], actor: row["actor"], kind: TicketEvent.Kind(rawValue: row["kind"]) ?? .note,
                note: row["note"])
        }
    }

    private static func transcript(of number: Int64, in db: Database) throws -> [LoggedMessage] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT m.session, m.seq, m.at, m.role, m.channel, m.text
                FROM tickets t JOIN messages m ON m.session = t.session AND m.seq <= t.transcript_through
                WHERE t.id = ? ORDER BY m.seq
                """,
            arguments: [number]
        ).map { row in
            LoggedMessage(
                session: SessionID(rawValue: row["session"]), seq: row["seq"], at: row["at"],
                role: LoggedMessage.Role(rawValue: row["role"]) ?? .user, channel: row["channel"], text: row["text"])
        }
    }

    private static func strings(_ json: String?) throws -> [String] {
        guard let json, !json.isEmpty else { return [] }
        return (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }
}

extension DatabaseValue.Storage {
    /// The value as text, whatever its SQLite type (a JSON number stays a number's spelling).
    fileprivate var textValue: String {
        switch self {
        case .null: ""
        case .int64(let value): String(value)
        case .double(let value): String(value)
        case .string(let value): value
        case .blob(let value): String(decoding: value, as: UTF8.self)
        }
    }
}

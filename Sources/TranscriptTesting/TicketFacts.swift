import SupportCore
import SupportStore

/// A stored ticket flattened for `@ticket key=value` assertions: `id`, `status`, `priority`,
/// `intent`, `lang`, `fields.<name>`, and `missing` (skipped fields joined by `,`).
enum TicketFacts {
    static func lookUp(_ publicID: String, in database: SupportDatabase) async throws -> [String: String]? {
        let ticket: Ticket
        do {
            ticket = try await database.tickets.ticket(publicID).ticket
        } catch let error as StoreError where error.code == .ticketNotFound {
            return nil
        }
        var facts = [
            "id": ticket.id, "status": ticket.status.rawValue, "priority": ticket.priority.rawValue,
            "intent": ticket.intent.rawValue, "lang": ticket.language.rawValue,
            "missing": ticket.missingFields.joined(separator: ","),
        ]
        for field in ticket.fields { facts["fields.\(field.name)"] = field.value }
        return facts
    }
}

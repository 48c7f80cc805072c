import Foundation
import SupportCore

/// One case in the human queue, as stored in the `tickets` table.
public struct Ticket: Codable, Hashable, Sendable {
    /// Public id, `T-000123`.
    public var id: String
    /// The row id the public id is derived from.
    public var number: Int64
    public var session: SessionID
    /// The front door the case came through: `cli`, `tcp`, `replay`.
    public var channel: String
    public var language: Language
    public var intent: IntentID
    public var priority: Priority
    public var status: TicketStatus
    /// The agent holding the ticket (status `claimed`, and the last holder of a resolved one).
    public var assignee: String?
    /// The evidence, in the order of the flow.
    public var fields: [TicketField]
    /// Fields the user skipped or could not give.
    public var missingFields: [String]
    public var summary: String
    /// A recovery phrase or key was pasted (and removed) in the conversation.
    public var secretExposed: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, number: Int64, session: SessionID, channel: String, language: Language, intent: IntentID,
        priority: Priority, status: TicketStatus, assignee: String?, fields: [TicketField], missingFields: [String],
        summary: String, secretExposed: Bool, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.number = number
        self.session = session
        self.channel = channel
        self.language = language
        self.intent = intent
        self.priority = priority
        self.status = status
        self.assignee = assignee
        self.fields = fields
        self.missingFields = missingFields
        self.summary = summary
        self.secretExposed = secretExposed
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The ticket as a user sees it.
    public var reference: TicketReference { TicketReference(id: id, status: status) }

    /// The value of `field`, if the case has it.
    public func value(of field: String) -> String? { fields.first { $0.name == field }?.value }

    enum CodingKeys: String, CodingKey {
        case id, number, session, channel
        case language = "lang"
        case intent, priority, status, assignee, fields
        case missingFields = "missing_fields"
        case summary
        case secretExposed = "secret_exposed"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// One evidence field of a ticket: its name in the flow, canonical value, and whether it is an estimate.
public struct TicketField: Codable, Hashable, Sendable {
    public var name: String
    public var value: String
    /// "About 300": the user gave an estimate.
    public var isApproximate: Bool

    public init(name: String, value: String, isApproximate: Bool = false) {
        self.name = name
        self.value = value
        self.isApproximate = isApproximate
    }

    enum CodingKeys: String, CodingKey {
        case name, value
        case isApproximate = "approximate"
    }
}

import Foundation

/// What the bot says back for one message; the wire reply of the TCP protocol mirrors it.
public struct Reply: Codable, Hashable, Sendable {
    public var text: String
    public var language: Language
    /// The intent the message was understood as (the flow's intent while answering a field).
    public var intent: IntentID
    public var confidence: Double
    /// The flow in progress after this reply, if any.
    public var flow: IntentID?
    /// The field the bot is waiting for, if any (`confirm` while awaiting the confirmation).
    public var awaiting: String?
    /// Set on the reply that hands a case off, and on ticket-status answers.
    public var ticket: TicketReference?
    public var warnings: [ReplyWarning]

    public init(
        text: String, language: Language, intent: IntentID, confidence: Double, flow: IntentID? = nil,
        awaiting: String? = nil, ticket: TicketReference? = nil, warnings: [ReplyWarning] = []
    ) {
        self.text = text
        self.language = language
        self.intent = intent
        self.confidence = confidence
        self.flow = flow
        self.awaiting = awaiting
        self.ticket = ticket
        self.warnings = warnings
    }
}

/// Machine-readable flags on a reply.
public enum ReplyWarning: String, Codable, Hashable, Sendable, CaseIterable {
    /// The message held a recovery phrase or key; it was removed before anything was stored.
    case secretRedacted = "secret_redacted"
    /// A URL imitates an official domain.
    case phishingLookalike = "phishing_lookalike"
    /// A recipient address looks like the intended one (address poisoning).
    case addressPoisoning = "address_poisoning"
}

/// The state of a ticket in the human queue.
public enum TicketStatus: String, Codable, Hashable, Sendable, CaseIterable {
    case open, claimed, resolved, escalated
}

/// A ticket as a user sees it: its public id and status.
public struct TicketReference: Codable, Hashable, Sendable {
    /// Public id, `T-000123`.
    public var id: String
    public var status: TicketStatus
    public init(id: String, status: TicketStatus) {
        self.id = id
        self.status = status
    }
}

/// What the engine needs to know of a stored ticket to answer "what's the status of T-000123?".
public struct TicketSnapshot: Hashable, Sendable {
    public var reference: TicketReference
    public var intent: IntentID
    public var updatedAt: Date
    public init(reference: TicketReference, intent: IntentID, updatedAt: Date) {
        self.reference = reference
        self.intent = intent
        self.updatedAt = updatedAt
    }
}

/// A complete case, ready for the human queue. Every text in it is already redacted.
public struct CaseFile: Codable, Hashable, Sendable {
    public var sessionID: SessionID
    public var intent: IntentID
    public var language: Language
    public var priority: Priority
    /// Field name → canonical value, in the order of the flow.
    public var fields: [FieldAnswer]
    /// Fields the user skipped or could not give.
    public var missingFields: [String]
    /// One paragraph for the agent, in the user's language.
    public var summary: String
    /// A secret was pasted in this conversation.
    public var secretExposed: Bool

    public init(
        sessionID: SessionID, intent: IntentID, language: Language, priority: Priority,
        fields: [FieldAnswer],
        missingFields: [String], summary: String, secretExposed: Bool
    ) {
        self.sessionID = sessionID
        self.intent = intent
        self.language = language
        self.priority = priority
        self.fields = fields
        self.missingFields = missingFields
        self.summary = summary
        self.secretExposed = secretExposed
    }
}

import Foundation

/// One entry of a ticket's audit trail (`ticket_events`): every change of a ticket lands here.
public struct TicketEvent: Codable, Hashable, Sendable {
    /// What happened.
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        case created, claimed, resolved, escalated, note
    }

    public var at: Date
    /// Who did it: an agent's name, or `supportbot` for the filing.
    public var actor: String
    public var kind: Kind
    public var note: String?

    public init(at: Date, actor: String, kind: Kind, note: String? = nil) {
        self.at = at
        self.actor = actor
        self.kind = kind
        self.note = note
    }

    /// The actor recorded for events the bot itself causes.
    public static let botActor = "supportbot"
}

import Foundation

/// Everything an agent needs to work a ticket: the ticket, its audit trail and the redacted
/// conversation that led to it.
public struct TicketDetail: Codable, Hashable, Sendable {
    public var ticket: Ticket
    /// Oldest first.
    public var events: [TicketEvent]
    /// The session's messages up to the filing, in order.
    public var transcript: [LoggedMessage]

    public init(ticket: Ticket, events: [TicketEvent], transcript: [LoggedMessage]) {
        self.ticket = ticket
        self.events = events
        self.transcript = transcript
    }
}

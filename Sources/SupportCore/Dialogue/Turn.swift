import Foundation

/// The engine's answer to one message: the new session, and either a reply or a request the
/// front door must carry out first (file a case, look up a ticket) before the reply can be made.
/// This keeps the engine pure and makes "write, then acknowledge" structural: the reply with a
/// ticket id only exists after `DialogueEngine.resume(_:with:at:)` is given the stored ticket.
public struct Turn: Sendable {
    public var session: Session
    /// Nil while `request` is pending.
    public var reply: Reply?
    public var request: DeskRequest?
    /// The user's message with every secret replaced: the only form of it that may be stored.
    public var redactedText: String
    /// The reply begun before `request` (warnings, advice), finished by `DialogueEngine.resume`.
    var draft: ReplyDraft?

    public init(session: Session, reply: Reply?, request: DeskRequest? = nil, redactedText: String) {
        self.session = session
        self.reply = reply
        self.request = request
        self.redactedText = redactedText
    }

    init(
        session: Session, reply: Reply?, request: DeskRequest? = nil, redactedText: String,
        draft: ReplyDraft?
    ) {
        self.init(session: session, reply: reply, request: request, redactedText: redactedText)
        self.draft = draft
    }
}

/// Work the engine asks its host to do.
public enum DeskRequest: Hashable, Sendable {
    /// Commit this case to the queue, then call `resume` with `.filed` or `.failed`.
    case fileCase(CaseFile)
    /// Look up a ticket by public id, then call `resume` with `.ticket`.
    case lookUpTicket(String)
    /// Add a note to a filed ticket's trail (a contact given after filing), then call `resume` with
    /// `.noted`.
    case addNote(ticket: String, note: String)
}

/// The host's answer to a `DeskRequest`.
public enum DeskResponse: Hashable, Sendable {
    case filed(TicketReference)
    /// Storing failed; the engine keeps the flow at its confirmation so nothing is lost.
    case failed
    /// The ticket, or nil when no ticket has that id.
    case ticket(TicketSnapshot?)
    /// Whether the note was added.
    case noted(Bool)
}

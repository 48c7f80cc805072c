import Foundation
import SupportCore

/// One line of the redacted conversation log (`messages`).
public struct LoggedMessage: Codable, Hashable, Sendable {
    /// Who said it.
    public enum Role: String, Codable, Hashable, Sendable, CaseIterable {
        case user, bot
    }

    public var session: SessionID
    /// Position in the session's conversation, from 1; assigned when the line is committed.
    public var seq: Int64
    public var at: Date
    public var role: Role
    public var channel: String
    /// Already redacted: secrets never reach the log.
    public var text: String

    public init(session: SessionID, seq: Int64, at: Date, role: Role, channel: String, text: String) {
        self.session = session
        self.seq = seq
        self.at = at
        self.role = role
        self.channel = channel
        self.text = text
    }
}

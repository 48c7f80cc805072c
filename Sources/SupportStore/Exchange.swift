import SupportCore

/// One message and its answer as a front door shows and records them.
public struct Exchange: Hashable, Sendable {
    /// The user's message with secrets replaced by placeholders: the only form that may be shown or stored.
    public var redactedText: String
    public var reply: Reply
    public init(redactedText: String, reply: Reply) {
        self.redactedText = redactedText
        self.reply = reply
    }
}

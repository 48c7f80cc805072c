import Foundation

/// Names one conversation: a REPL session, a gateway's chat, a transcript.
public struct SessionID: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Everything the engine remembers between two messages of one conversation. Codable, so the
/// store can persist it and a restart resumes a half-finished flow.
public struct Session: Codable, Hashable, Sendable {
    public var id: SessionID
    /// The language of the user's last message with words in it.
    public var language: Language
    /// The flow in progress, if any.
    public var flow: FlowState?
    /// The last ticket filed in this conversation, for "what's the status of my case?".
    public var lastTicketID: String?
    /// A secret was pasted in this conversation: cases filed from it are urgent.
    public var secretExposed: Bool
    public var turnCount: Int

    public init(id: SessionID, language: Language = .en) {
        self.id = id
        self.language = language
        self.flow = nil
        self.lastTicketID = nil
        self.secretExposed = false
        self.turnCount = 0
    }
}

/// Progress through one intent's flow.
public struct FlowState: Codable, Hashable, Sendable {
    public enum Stage: String, Codable, Hashable, Sendable {
        /// Asking for `pendingField`.
        case collecting
        /// Showing the summary, waiting for yes / no / a change.
        case confirming
        /// The user wants to change something and has to say which field.
        case choosingChange
    }

    public var intent: IntentID
    public var stage: Stage
    /// Accepted answers, in the order they were given.
    public var answers: [FieldAnswer]
    /// Fields the user skipped.
    public var skipped: [String]
    /// The field being asked for (stage `collecting`), or being changed.
    public var pendingField: String?
    /// Failed attempts at `pendingField`.
    public var attempts: Int
    public var priority: Priority

    public init(intent: IntentID, priority: Priority) {
        self.intent = intent
        self.stage = .collecting
        self.answers = []
        self.skipped = []
        self.pendingField = nil
        self.attempts = 0
        self.priority = priority
    }

    /// The accepted value of `field`, if any.
    public func answer(_ field: String) -> EvidenceValue? { answers.last { $0.field == field }?.value }
}

/// One accepted answer of a flow.
public struct FieldAnswer: Codable, Hashable, Sendable {
    public var field: String
    public var value: EvidenceValue
    public init(field: String, value: EvidenceValue) {
        self.field = field
        self.value = value
    }
}

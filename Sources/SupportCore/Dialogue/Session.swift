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
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
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
    /// The intent the last reply answered outside a flow, so that the same question asked right
    /// back gets that intent's `reply_again`.
    public var lastAnswer: IntentID?
    /// The kind of case `lastTicketID` is, for "how long will it take?" after it.
    public var lastCaseIntent: IntentID?
    /// A secret was pasted in this conversation: cases filed from it are urgent.
    public var secretExposed: Bool
    public var turnCount: Int

    enum CodingKeys: String, CodingKey { case id, language, flow, lastTicketID, lastAnswer, lastCaseIntent, secretExposed, turnCount }

    public init(id: SessionID, language: Language = .en) {
        self.id = id
        self.language = language
        self.flow = nil
        self.lastTicketID = nil
        self.lastAnswer = nil
        self.lastCaseIntent = nil
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
    /// The (redacted) message that started the flow, quoted in the case summary for the agent.
    public var openingMessage: String?
    /// The user said funds are still being moved out ("still draining", "还在转"): the case is urgent.
    public var isStillHappening: Bool
    /// The ticket this report follows up (a fake-support case in which money was lost), named in
    /// the case summary so the agent sees both.
    public var followsTicket: String?

    public init(intent: IntentID, priority: Priority) {
        self.intent = intent
        self.stage = .collecting
        self.answers = []
        self.skipped = []
        self.pendingField = nil
        self.attempts = 0
        self.priority = priority
        self.openingMessage = nil
        self.isStillHappening = false
        self.followsTicket = nil
    }

    /// The accepted value of `field`, if any.
    public func answer(_ field: String) -> EvidenceValue? {
        answers.last { $0.field == field }?.value
    }

    /// Whether `field` is still open: neither answered nor skipped.
    public func isOpen(_ field: String) -> Bool {
        answer(field) == nil && !skipped.contains(field)
    }
}

/// One accepted answer of a flow.
public struct FieldAnswer: Codable, Hashable, Sendable {
    public var field: String
    public var value: EvidenceValue

    enum CodingKeys: String, CodingKey { case field, value }

    public init(field: String, value: EvidenceValue) {
        self.field = field
        self.value = value
    }
}

extension FlowState {
    enum CodingKeys: String, CodingKey {
        case intent, stage, answers, skipped, pendingField, attempts, priority, openingMessage,
            isStillHappening, followsTicket
    }

    /// Decodes a stored flow; fields added after the first release (`openingMessage`, `isStillHappening`,
    /// `followsTicket`) may be absent in sessions saved before them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            intent: try container.decode(IntentID.self, forKey: .intent),
            priority: try container.decode(Priority.self, forKey: .priority))
        stage = try container.decode(Stage.self, forKey: .stage)
        answers = try container.decode([FieldAnswer].self, forKey: .answers)
        skipped = try container.decode([String].self, forKey: .skipped)
        pendingField = try container.decodeIfPresent(String.self, forKey: .pendingField)
        attempts = try container.decode(Int.self, forKey: .attempts)
        openingMessage = try container.decodeIfPresent(String.self, forKey: .openingMessage)
        isStillHappening = try container.decodeIfPresent(Bool.self, forKey: .isStillHappening) ?? false
        followsTicket = try container.decodeIfPresent(String.self, forKey: .followsTicket)
    }
}

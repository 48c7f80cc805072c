/// Keys of the engine's own sentences in `Intents/messages.yml`. `lint` checks that every key
/// listed in `all` has text in every language.
public struct MessageKey: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    // MARK: - Flow control
    /// Appended to the prompt of an optional field. No placeholders.
    public static let optionalHint: MessageKey = "flow.optional_hint"
    /// After `maxFieldAttempts` failures on an optional field: offer skip or a person.
    public static let tooManyAttemptsOptional: MessageKey = "flow.too_many_attempts_optional"
    /// After `maxFieldAttempts` failures on a required field: offer a person, keep asking.
    public static let tooManyAttemptsRequired: MessageKey = "flow.too_many_attempts_required"
    /// "Here is what I have so far:" before the summary lines.
    public static let summaryIntro: MessageKey = "flow.summary_intro"
    /// Asks yes / no / a change. No placeholders.
    public static let confirmQuestion: MessageKey = "flow.confirm_question"
    /// The answer to the confirm question was not understood.
    public static let confirmUnclear: MessageKey = "flow.confirm_unclear"
    /// "Which item would you like to change?" `{fields}` lists the labels.
    public static let changeWhich: MessageKey = "flow.change_which"
    /// The user answered no at the confirmation: nothing was filed.
    public static let discarded: MessageKey = "flow.discarded"
    /// The user cancelled a flow: nothing was filed.
    public static let cancelled: MessageKey = "flow.cancelled"
    /// The user said cancel with no flow running.
    public static let nothingToCancel: MessageKey = "flow.nothing_to_cancel"
    /// Introduces the pending question again after an interruption. `{prompt}`.
    public static let resume: MessageKey = "flow.resume"
    /// A field was skipped. `{label}`.
    public static let skipped: MessageKey = "flow.skipped"
    /// A required field cannot be skipped. `{label}`.
    public static let cannotSkip: MessageKey = "flow.cannot_skip"
    /// The case is filed. `{ticket_id}`, `{contact}` (may be empty).
    public static let filed: MessageKey = "flow.filed"
    /// The case could not be stored; nothing was lost from the conversation, try again.
    public static let filingFailed: MessageKey = "flow.filing_failed"
    /// The user asked for a person mid-flow: the case is handed over as it is.
    public static let handOverIncomplete: MessageKey = "flow.hand_over_incomplete"
    /// Lists the options of a choice field. `{options}`.
    public static let choiceOptions: MessageKey = "flow.choice_options"

    // MARK: - Secrets and safety
    /// The user pasted a recovery phrase or key: it was removed; move funds now. `{kind}`.
    public static let secretWarning: MessageKey = "secret.warning"
    /// A recipient that looks like the intended address (address poisoning).
    public static let addressPoisoning: MessageKey = "safety.address_poisoning"
    /// Phishing check: the host is one of the official domains. `{host}`.
    public static let phishingOfficial: MessageKey = "phishing.official"
    /// Phishing check: the host imitates an official one. `{host}`, `{reason}`.
    public static let phishingLookalike: MessageKey = "phishing.lookalike"
    /// Phishing check: not official, not a known imitation. `{host}`.
    public static let phishingUnknown: MessageKey = "phishing.unknown"

    // MARK: - Tickets
    /// `{ticket_id}`, `{status}`, `{updated}`.
    public static let ticketStatusFound: MessageKey = "ticket.status_found"
    /// `{ticket_id}`.
    public static let ticketStatusNotFound: MessageKey = "ticket.status_not_found"

    // MARK: - Field rejections (`reject.<reason>`)
    /// The key of a rejection's re-prompt.
    public static func rejection(_ reason: RejectionReason) -> MessageKey { MessageKey(rawValue: "reject.\(reason.rawValue)") }

    /// Every key the engine uses.
    public static var all: [MessageKey] {
        [
            .optionalHint, .tooManyAttemptsOptional, .tooManyAttemptsRequired, .summaryIntro, .confirmQuestion,
            .confirmUnclear, .changeWhich, .discarded, .cancelled, .nothingToCancel, .resume, .skipped, .cannotSkip,
            .filed, .filingFailed, .handOverIncomplete, .choiceOptions, .secretWarning, .addressPoisoning,
            .phishingOfficial, .phishingLookalike, .phishingUnknown, .ticketStatusFound, .ticketStatusNotFound,
        ] + RejectionReason.allCases.map(rejection)
    }
}

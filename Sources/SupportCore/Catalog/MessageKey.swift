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
    /// A message that may mean "stop this report" but is no plain cancel: asks before dropping anything.
    public static let cancelCheck: MessageKey = "flow.cancel_check"
    /// "Submit" said while questions are still open: the case is filed once they are answered.
    public static let submitTooEarly: MessageKey = "flow.submit_too_early"
    /// The user left a contact at the summary of a report that needs none: the team replies in the chat.
    public static let contactNotNeeded: MessageKey = "flow.contact_not_needed"
    /// "Which item would you like to change?" `{fields}` lists the labels.
    public static let changeWhich: MessageKey = "flow.change_which"
    /// The user answered no at the confirmation: nothing was filed.
    public static let discarded: MessageKey = "flow.discarded"
    /// The user cancelled a flow: nothing was filed.
    public static let cancelled: MessageKey = "flow.cancelled"
    /// The late transfer arrived while it was being reported: nothing was submitted.
    public static let flowArrived: MessageKey = "flow.arrived"
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
    /// Fills `{reply_channel}` of `flow.filed` when the user left a contact. `{contact}`.
    public static let replyViaContact: MessageKey = "flow.reply_via_contact"
    /// Fills `{reply_channel}` of `flow.filed` when there is no contact: the reply comes in the chat.
    public static let replyViaChat: MessageKey = "flow.reply_via_chat"
    /// The user asked for a person mid-flow: the case is handed over as it is.
    public static let handOverIncomplete: MessageKey = "flow.hand_over_incomplete"
    /// Lists the options of a choice field. `{options}`.
    public static let choiceOptions: MessageKey = "flow.choice_options"
    /// After a filed report whose `follow_up` applies, before the follow-up's questions: why a second
    /// report starts. No placeholders.
    public static let followUp: MessageKey = "flow.follow_up"
    /// A follow-up report stopped unfiled: nothing more was sent, the ticket it followed stands. `{ticket_id}`.
    public static let followUpStopped: MessageKey = "flow.follow_up_stopped"
    /// After `followUp` when answers were taken over into the new report. No placeholders.
    public static let followUpCarried: MessageKey = "flow.follow_up_carried"
    /// Said when a report turns into another mid-flow ("oh wait, I sent it to the wrong address").
    public static let turned: MessageKey = "flow.turned"
    /// Answers a change at the summary made unneeded, left out of the case. `{fields}`.
    public static let droppedByChange: MessageKey = "flow.dropped_by_change"
    /// Said before a report is handed to a person because the user complains mid-flow. No placeholders.
    public static let complaintHandOver: MessageKey = "flow.complaint_hand_over"
    /// Said when a flow without a ticket and without its own `done` text completes.
    public static let completed: MessageKey = "flow.completed"
    /// Marks a skipped field in the summary shown before hand-off. No placeholders.
    public static let summarySkipped: MessageKey = "flow.summary_skipped"
    /// A yes/no answer shown in the summary.
    public static let valueYes: MessageKey = "flow.value_yes"
    /// A yes/no answer shown in the summary.
    public static let valueNo: MessageKey = "flow.value_no"
    /// Before answers given ahead of their questions, shown as "label: value" lines. No placeholders.
    public static let noted: MessageKey = "flow.noted"
    /// Before the answers read from the message that started a flow, as "label: value" lines.
    public static let notedFromOpening: MessageKey = "flow.noted_from_opening"
    /// Prefix of an approximate amount in the summary ("about" / "约"). `{value}`.
    public static let valueApproximate: MessageKey = "flow.value_approximate"

    // MARK: - Case summary (for the human agent, in the user's language)
    /// `{intent}`, `{priority}`, `{facts}`.
    public static let caseSummary: MessageKey = "case.summary"
    /// `{fields}`: labels of what the user did not give.
    public static let caseMissing: MessageKey = "case.missing"
    /// `{text}`: the redacted message that opened the case.
    public static let caseOpening: MessageKey = "case.opening"
    /// A secret was pasted (and removed) in the conversation.
    public static let caseSecretNote: MessageKey = "case.secret_note"
    /// The user says funds are still being moved out.
    public static let caseOngoingNote: MessageKey = "case.ongoing_note"
    /// The recipient looks like the intended address.
    public static let casePoisoningNote: MessageKey = "case.poisoning_note"
    /// The user asked for a person before the form was complete.
    public static let caseHandOverNote: MessageKey = "case.hand_over_note"
    /// The user complained ("I want to talk to a supervisor") before all details were collected.
    public static let caseComplaintNote: MessageKey = "case.complaint_note"
    /// The report follows up an earlier ticket of the same conversation. `{ticket_id}`.
    public static let caseFollowsNote: MessageKey = "case.follows_note"

    // MARK: - Secrets and safety
    /// The user pasted a recovery phrase or key: it was removed; move funds now. `{kind}`.
    public static let secretWarning: MessageKey = "secret.warning"
    /// A lone 64-hex code, removed: a transaction hash or a private key.
    public static let secretMaybeTransactionID: MessageKey = "secret.maybe_transaction_id"
    /// A recipient that looks like the intended address (address poisoning).
    public static let addressPoisoning: MessageKey = "safety.address_poisoning"
    /// Phishing check: the host is one of the official domains. `{host}`.
    public static let phishingOfficial: MessageKey = "phishing.official"
    /// An official domain where the phrase was typed: the page that asked was not ours. No placeholders.
    public static let phishingOfficialPhraseEntered: MessageKey = "phishing.official_phrase_entered"
    /// Phishing check: the host imitates an official one. `{host}`, `{reason}`.
    public static let phishingLookalike: MessageKey = "phishing.lookalike"
    /// Phishing check: not official, not a known imitation. `{host}`.
    public static let phishingUnknown: MessageKey = "phishing.unknown"

    // MARK: - Tickets
    /// `{ticket_id}`, `{status}`, `{updated}`.
    public static let ticketStatusFound: MessageKey = "ticket.status_found"
    /// `{ticket_id}`.
    public static let ticketStatusNotFound: MessageKey = "ticket.status_not_found"
    /// "can you speed it up?" about a known ticket: why it can't be, and what helps. `{ticket_id}`.
    public static let ticketExpedite: MessageKey = "ticket.expedite"
    /// Asking for a person once a case is filed: it is with one already. `{ticket_id}`, `{support_hours}`.
    public static let ticketWithPerson: MessageKey = "ticket.with_person"
    /// "how long will it take?" once a case is filed: when a person looks at it. `{ticket_id}`, `{support_hours}`.
    public static let ticketReviewTime: MessageKey = "ticket.review_time"
    /// Said after `ticketReviewTime` for a case of lost funds: no date for getting them back.
    public static let ticketReviewTimeLoss: MessageKey = "ticket.review_time_loss"
    /// A contact given after a case was filed was added to it. `{ticket_id}`.
    public static let ticketNoteAdded: MessageKey = "ticket.note_added"
    /// The user's own WeChat or QQ id after a case was filed: the team never uses them, and the case
    /// keeps the contact it has. `{ticket_id}`.
    public static let ticketContactUnsupported: MessageKey = "ticket.contact_unsupported"
    /// The same with no case filed: tell me here what happened.
    public static let contactUnsupported: MessageKey = "contact.unsupported_channel"
    /// Adding it failed. `{ticket_id}`.
    public static let ticketNoteFailed: MessageKey = "ticket.note_failed"
    /// The note on the ticket trail. `{contact}`.
    public static let caseContactNote: MessageKey = "case.contact_note"

    // MARK: - Names used to fill placeholders
    /// The localized name of a secret kind, used to fill `{kind}` of `secret.warning`.
    public static func secretKind(_ kind: SecretKind) -> MessageKey {
        MessageKey(rawValue: "secret.kind.\(kind.rawValue)")
    }
    /// The localized name of a ticket status, used to fill `{status}`.
    public static func ticketStatusName(_ status: TicketStatus) -> MessageKey {
        MessageKey(rawValue: "ticket.status.\(status.rawValue)")
    }
    /// The localized name of a priority, used in the case summary.
    public static func priorityName(_ priority: Priority) -> MessageKey {
        MessageKey(rawValue: "priority.\(priority.rawValue)")
    }
    /// Why a host looks like an imitation, used to fill `{reason}` of `phishing.lookalike`.
    public static func lookalikeReason(_ reason: LookalikeReason) -> MessageKey {
        MessageKey(rawValue: "phishing.reason.\(reason.rawValue)")
    }

    /// What an example shows in a prompt's `{address_example}` or `{hash_example}`.
    public enum Example: String, CaseIterable, Sendable { case address, hash }

    /// The shape of an address or a hash on `chain`'s kind of network (`any` before it is known).
    public static func example(_ example: Example, _ chain: Chain?) -> MessageKey {
        let family =
            switch chain {
            case nil, .other?: "any"
            case .tron?: "tron"
            case .solana?: "solana"
            case .bitcoin?: "bitcoin"
            default: "evm"
            }
        return MessageKey(rawValue: "example.\(example.rawValue).\(family)")
    }

    /// How to revoke token approvals on `chain`'s kind of network, filling `{revoke_steps}`.
    public static func revokeSteps(_ chain: Chain) -> MessageKey {
        let family =
            switch chain {
            case .tron: "tron"
            case .solana: "solana"
            case .bitcoin: "bitcoin"
            default: chain.approvalChecker == nil ? "other" : "evm"
            }
        return MessageKey(rawValue: "revoke.steps.\(family)")
    }

    /// How to find or read what a question asks for ("where do I find the hash?"). No placeholders.
    static func help(_ topic: HelpTopic) -> MessageKey {
        MessageKey(rawValue: "help.\(topic.rawValue)")
    }

    /// The honest answer to a question asked in trouble ("can you freeze his address?"). `{brand}`.
    static func aside(_ question: SafetyQuestion) -> MessageKey {
        MessageKey(rawValue: "aside.\(question.rawValue)")
    }

    // MARK: - Field rejections (`reject.<reason>`)
    /// The key of a rejection's re-prompt.
    public static func rejection(_ reason: RejectionReason) -> MessageKey {
        MessageKey(rawValue: "reject.\(reason.rawValue)")
    }

    /// Every key the engine uses.
    public static var all: [MessageKey] {
        [
            .optionalHint, .tooManyAttemptsOptional, .tooManyAttemptsRequired, .summaryIntro, .confirmQuestion,
            .confirmUnclear, .cancelCheck, .submitTooEarly, .contactNotNeeded, .changeWhich, .discarded, .cancelled,
            .nothingToCancel, .flowArrived, .resume, .skipped, .cannotSkip,
            .filed, .filingFailed, .replyViaContact, .replyViaChat, .handOverIncomplete, .choiceOptions, .followUp, .followUpCarried, .followUpStopped, .turned, .droppedByChange, .complaintHandOver, .completed,
            .summarySkipped, .valueYes,
            .valueNo, .noted, .notedFromOpening, .valueApproximate, .caseSummary, .caseMissing, .caseOpening, .caseSecretNote,
            .caseOngoingNote, .casePoisoningNote, .caseHandOverNote, .caseComplaintNote, .caseFollowsNote, .secretWarning, .secretMaybeTransactionID, .addressPoisoning,
            .phishingOfficial, .phishingOfficialPhraseEntered, .phishingLookalike, .phishingUnknown, .ticketStatusFound, .ticketStatusNotFound, .ticketExpedite, .ticketWithPerson, .ticketReviewTime, .ticketReviewTimeLoss, .ticketNoteAdded, .ticketNoteFailed, .caseContactNote,
            .ticketContactUnsupported, .contactUnsupported,
        ] + RejectionReason.allCases.map(rejection) + SecretKind.allCases.map(secretKind)
            + TicketStatus.allCases.map(ticketStatusName) + Priority.allCases.map(priorityName)
            + LookalikeReason.allCases.map(lookalikeReason) + HelpTopic.allCases.map(help) + SafetyQuestion.allCases.map(aside)
            + Array(Set(Chain.allCases.map(revokeSteps))).sorted { $0.rawValue < $1.rawValue }
            + Example.allCases.flatMap { example in
                Array(Set(([nil] + Chain.allCases).map { self.example(example, $0) })).sorted { $0.rawValue < $1.rawValue }
            }
    }
}

/// Answers given before they were asked: a user asked for the token who answers "500 USDT", or
/// asked for the network who pastes the recipient address.
extension DialogueEngine {
    /// An answer the awaited `field` rejected, read as the answer to another open field that also
    /// settles `field`: "500 USDT" asked for the token is the amount and names the token; a TRON
    /// address asked for the network is the address and names the network. Nil when no open field
    /// (of `earlyAnswerFields`) accepts it with a value for `field`.
    func answerSettling(
        _ field: FieldDefinition, flow: FlowState, definition: FlowDefinition, message: UserMessage
    ) -> EarlyAnswer? {
        let context = context(for: flow, message: message)
        for other in earlyAnswerFields(besides: field, flow: flow, definition: definition)
        where EvidenceValidator.fieldsSettled(by: other.kind).contains(field.name) {
            guard case .accepted(let value) = validator.validate(message.text, as: other.kind, context: context),
                value.inferred[field.name] != nil
            else { continue }
            return EarlyAnswer(field: other, value: value)
        }
        return nil
    }

    /// The choices the opening message makes for fields marked `from_opening` ("support phoned me
    /// and asked for my phrase": the channel and what was asked for), each unconditional and open.
    /// The catch-all option `other` is never read from an opening: "someone else has access" says
    /// nothing about a channel.
    func openingChoices(of definition: FlowDefinition, flow: FlowState, message: UserMessage) -> [EarlyAnswer] {
        let context = context(for: flow, message: message)
        return definition.fields.compactMap { field in
            guard field.fromOpening, field.condition == nil, flow.isOpen(field.name),
                case .accepted(var value) = validator.validate(message.words, as: field.kind, context: context)
            else { return nil }
            value.value = value.value.split(separator: ",").filter { $0 != Self.catchAllOption }.joined(separator: ",")
            return value.value.isEmpty ? nil : EarlyAnswer(field: field, value: value)
        }
    }

    /// The id of a choice's catch-all option.
    static let catchAllOption = "other"

    /// What `message`, which the awaited `field` rejected, answers among the flow's other open
    /// questions, kept only where it cannot be mistaken:
    /// - a transaction hash or an address, when the value is not one the user already gave;
    /// - otherwise an amount that names its token ("250 USDC"; a bare number could be anything),
    ///   a time written with words ("3 hours ago", "昨晚十点"; a bare number is not a time), and the
    ///   user's contact when they say it is theirs ("my email is …", "联系我 …"): a bare number or
    ///   address may be the scammer's, and the team must never write to that. A phone number needs
    ///   its country ("+44 …", a Chinese mobile); a bare run of digits may be a block number.
    func volunteeredAnswers(
        besides field: FieldDefinition, flow: FlowState, definition: FlowDefinition, message: UserMessage
    ) -> [EarlyAnswer] {
        let open = earlyAnswerFields(besides: field, flow: flow, definition: definition)
        guard !open.isEmpty else { return [] }
        let context = context(for: flow, message: message)
        func accepted(as kind: FieldKind) -> EarlyAnswer? {
            guard let target = open.first(where: { $0.kind == kind }),
                case .accepted(let value) = validator.validate(message.text, as: kind, context: context)
            else { return nil }
            return EarlyAnswer(field: target, value: value)
        }
        let identifiers = [FieldKind.txHashes, .address].compactMap(accepted(as:)).filter { found in
            !flow.answers.contains { $0.value.value == found.value.value }
        }
        // A message holding an identifier is about it: the digits inside a hash are no amount.
        if !identifiers.isEmpty { return identifiers }
        var found: [EarlyAnswer] = []
        if let amount = accepted(as: .amount), amount.value.inferred["asset"] != nil { found.append(amount) }
        if message.text.contains(where: \.isLetter), let time = accepted(as: .dateTime) { found.append(time) }
        if Self.ownContactMarkers.contains(where: { PhraseMatcher.contains(message.normalized, term: $0) }),
            let contact = accepted(as: .contact),
            contact.value.inferred["contact_kind"] != "phone" || contact.value.value.hasPrefix("+")
        {
            found.append(contact)
        }
        return found
    }

    /// Whether `message`, rejected by the awaited field, is a time written with words that the
    /// flow's time field would take (answered or not): an answer given again, not a question.
    func restatesTime(_ message: UserMessage, flow: FlowState, definition: FlowDefinition) -> Bool {
        guard message.text.contains(where: \.isLetter), definition.fields.contains(where: { $0.kind == .dateTime }),
            case .accepted = validator.validate(message.text, as: .dateTime, context: context(for: flow, message: message))
        else { return false }
        return true
    }

    /// Words that make a contact in a message the user's own (normalised, lower case).
    static let ownContactMarkers = [
        "my", "me", "i'm", "reach", "我的", "联系我", "找我", "我邮箱", "我手机", "我电话", "我tg", "我telegram",
    ]

    /// Stores answers given before they were asked and shows them back as "label: value" lines
    /// (with what they settle, such as the token of "500 USDT"), so a misreading is seen at once.
    func note(
        _ answers: [EarlyAnswer], in flow: inout FlowState, definition: FlowDefinition, language: Language,
        draft: inout ReplyDraft, intro: MessageKey = .noted
    ) {
        let before = flow.answers.count
        for answer in answers { store(answer.value, as: answer.field.name, in: &flow, definition: definition) }
        var lines = [catalog.message(intro, language)]
        for answer in flow.answers[before...] {
            guard let noted = definition.fields.first(where: { $0.name == answer.field }) else { continue }
            lines.append(noted.label(language) + language.labelSeparator + display(answer, in: flow, language: language))
        }
        draft.add(lines.joined(separator: "\n"))
        if answers.contains(where: { $0.field.name == "to_address" || $0.field.name == "intended_address" }) {
            addPoisoningWarning(flow, language: language, to: &draft)
        }
    }

    /// The open fields besides `field` that an early answer may fill: those that certainly apply
    /// (a field whose condition waits on an open question may not apply at all), and of each kind
    /// only a field that is the flow's one open field of that kind, so an address is never guessed
    /// to be the sender's or the recipient's.
    private func earlyAnswerFields(
        besides field: FieldDefinition, flow: FlowState, definition: FlowDefinition
    ) -> [FieldDefinition] {
        let open = applicableFields(of: flow, in: definition).filter { other in
            other.name != field.name && flow.isOpen(other.name)
                && !(other.condition.map { flow.isOpen($0.field) } ?? false)
        }
        return open.filter { candidate in open.count { $0.kind == candidate.kind } == 1 }
    }
}

/// A value for a field that was not the one asked.
struct EarlyAnswer {
    var field: FieldDefinition
    var value: EvidenceValue
}

extension FieldKind {
    /// Whether an accepted answer of this kind may also answer other questions ("TRC20, 500U" to
    /// the network question). Free text, choices and yes/no are taken as a whole: an amount inside
    /// "how it happened" may be any amount of the story.
    var mayCarryOtherAnswers: Bool {
        switch self {
        case .chain, .address, .txHashes, .asset, .amount, .dateTime: true
        default: false
        }
    }
}

extension Character {
    /// A space or punctuation: a message without one ("TRC20", "0x…", "500U") is a single answer.
    var separatesAnswers: Bool { isWhitespace || (isPunctuation && self != ".") }
}

import Foundation

/// The case file handed to the human queue: fields, what is missing, priority, a paragraph for the agent.
extension DialogueEngine {
    /// Why a case goes to a person before the user confirmed it.
    enum HandOverReason {
        /// "agent", "转人工".
        case asked
        /// "I want to talk to a supervisor", "我要投诉你们".
        case complaint
    }

    /// The case for `flow` as it stands (`handOver` nil: confirmed by the user). Every text in it
    /// comes from redacted messages.
    func caseFile(for flow: FlowState, definition: FlowDefinition, session: Session, handOver: HandOverReason?)
        -> CaseFile
    {
        let fields = applicableFields(of: flow, in: definition)
        let answers = fields.compactMap { field in flow.answers.last { $0.field == field.name } }
        let missing = fields.filter { flow.answer($0.name) == nil }.map(\.name)
        let priority = priority(of: flow, session: session)
        return CaseFile(
            sessionID: session.id, intent: flow.intent, language: session.language, priority: priority,
            fields: answers, missingFields: missing,
            summary: caseSummary(
                flow, fields: fields, priority: priority, session: session, handOver: handOver),
            secretExposed: session.secretExposed)
    }

    /// The intent's priority, one step up for a high amount; urgent when a secret is exposed, the phrase was
    /// given to someone, or the user says funds are still moving (recorded on the flow as it happened).
    func priority(of flow: FlowState, session: Session) -> Priority {
        var priority = catalog.intent(flow.intent)?.priority ?? .normal
        if let amount = flow.answer("amount").flatMap({ Double($0.value) }),
            amount >= catalog.configuration.thresholds.highValueAmount
        {
            priority = priority.raised
        }
        if session.secretExposed || flow.answer("secret_shared")?.value == "yes" { priority = .urgent }
        return max(priority, flow.priority)
    }

    /// One paragraph for the agent in the user's language: intent, priority, the facts, what is missing, notes.
    private func caseSummary(
        _ flow: FlowState, fields: [FieldDefinition], priority: Priority, session: Session,
        handOver: HandOverReason?
    ) -> String {
        let language = session.language
        let separator = language.labelSeparator
        let joiner = language == .zh ? "；" : "; "
        let facts = fields.compactMap { field -> String? in
            guard let answer = flow.answers.last(where: { $0.field == field.name }) else { return nil }
            return field.label(language) + separator + display(answer, in: flow, language: language)
        }
        var sentences = [
            catalog.message(
                .caseSummary, language,
                [
                    "intent": flow.intent.rawValue,
                    "priority": catalog.message(.priorityName(priority), language),
                    "facts": facts.joined(separator: joiner),
                ])
        ]
        if let opening = flow.openingMessage?.trimmedSpacesAndLines,
            !opening.isEmpty
        {
            let oneLine = opening.split(whereSeparator: \.isNewline).joined(separator: " ")
            sentences.append(
                catalog.message(.caseOpening, language, ["text": String(oneLine.prefix(300))]))
        }
        let missing = fields.filter { flow.answer($0.name) == nil }.map { $0.label(language) }
        if !missing.isEmpty {
            sentences.append(
                catalog.message(
                    .caseMissing, language,
                    ["fields": missing.joined(separator: language.listSeparator)]))
        }
        switch handOver {
        case .asked: sentences.append(catalog.message(.caseHandOverNote, language))
        case .complaint: sentences.append(catalog.message(.caseComplaintNote, language))
        case nil: break
        }
        if let earlier = flow.followsTicket {
            sentences.append(catalog.message(.caseFollowsNote, language, ["ticket_id": earlier]))
        }
        if session.secretExposed { sentences.append(catalog.message(.caseSecretNote, language)) }
        if flow.isStillHappening { sentences.append(catalog.message(.caseOngoingNote, language)) }
        if let sent = flow.answer("to_address")?.value,
            let intended = flow.answer("intended_address")?.value,
            AddressPoisoning.isLookalike(sent, intended)
        {
            sentences.append(catalog.message(.casePoisoningNote, language))
        }
        return sentences.joined(separator: language.sentenceSeparator)
    }
}

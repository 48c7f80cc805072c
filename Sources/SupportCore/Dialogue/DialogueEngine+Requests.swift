import Foundation

/// Work the host does between `handle` and the reply: committing a case, looking up a ticket.
/// The reply with a ticket id only exists after the host reports the ticket stored (write, then acknowledge).
extension DialogueEngine {
    /// The user asked for a person mid-flow: file the case as it is.
    func handOver(
        _ flow: FlowState, definition: FlowDefinition, message: UserMessage, session: Session,
        draft: ReplyDraft, complaining: Bool = false
    ) -> Turn {
        var state = session
        var flow = flow
        var draft = draft
        // "我要投诉", "let me talk to a supervisor": said sorry for, then handed over the same way.
        if complaining { draft.add(catalog.message(.complaintHandOver, message.language)) }
        // Stage stays `collecting`, which is how `resume` tells a hand-over from a confirmed case.
        if flow.stage != .collecting {
            flow.stage = .collecting
            flow.pendingField = nextField(of: flow, in: definition)?.name
        }
        state.flow = flow
        let file = caseFile(
            for: flow, definition: definition, session: state, handOver: complaining ? .complaint : .asked)
        return Turn(
            session: state, reply: nil, request: .fileCase(file), redactedText: message.text, draft: draft
        )
    }

    /// Completes a turn whose request the host has carried out.
    public func resume(_ turn: Turn, with response: DeskResponse, at now: Date) -> Turn {
        guard let request = turn.request else { return turn }
        var state = turn.session
        let language = state.language
        var draft =
            turn.draft
            ?? ReplyDraft(language: language, intent: state.flow?.intent ?? .outOfScope, confidence: 1)
        switch (request, response) {
        case (.fileCase(let file), .filed(let reference)):
            let filed = state.flow
            let isHandOver = filed?.stage == .collecting
            state.flow = nil
            state.lastTicketID = reference.id
            state.lastCaseIntent = filed?.intent
            draft.ticket = reference
            let contact = file.fields.last { $0.field == "contact" }?.value.value
            let replyChannel = contact.map { catalog.message(.replyViaContact, language, ["contact": $0]) }
                ?? catalog.message(.replyViaChat, language)
            draft.add(
                catalog.message(
                    isHandOver ? .handOverIncomplete : .filed, language,
                    ["ticket_id": reference.id, "contact": contact ?? "", "reply_channel": replyChannel]))
            if !isHandOver, let filed, var next = followUp(after: filed, ticket: reference.id, session: state, draft: draft, at: now) {
                next.redactedText = turn.redactedText
                return next
            }
        case (.fileCase, _):
            draft.add(catalog.message(.filingFailed, language))
            if let flow = state.flow {
                if flow.stage == .collecting, let name = flow.pendingField,
                    let field = field(named: name, in: flow.intent)
                {
                    draft.add(prompt(for: field, in: flow, language: language))
                } else {
                    draft.add(confirmQuestion(for: flow, language: language))
                }
            }
        case (.lookUpTicket(let id), .ticket(let snapshot)):
            if state.flow?.intent == .ticketStatus { state.flow = nil }
            if let snapshot {
                // "can you speed it up?" next refers to this case.
                state.lastTicketID = snapshot.reference.id
                state.lastCaseIntent = snapshot.intent
                draft.ticket = snapshot.reference
                draft.add(
                    catalog.message(
                        .ticketStatusFound, language,
                        [
                            "ticket_id": snapshot.reference.id,
                            "status": catalog.message(.ticketStatusName(snapshot.reference.status), language),
                            "updated": formatted(snapshot.updatedAt),
                        ]))
            } else {
                draft.add(catalog.message(.ticketStatusNotFound, language, ["ticket_id": id]))
            }
        case (.lookUpTicket(let id), _):
            if state.flow?.intent == .ticketStatus { state.flow = nil }
            draft.add(catalog.message(.ticketStatusNotFound, language, ["ticket_id": id]))
        case (.addNote(let id, _), .noted(true)):
            draft.add(catalog.message(.ticketNoteAdded, language, ["ticket_id": id]))
        case (.addNote(let id, _), _):
            draft.add(catalog.message(.ticketNoteFailed, language, ["ticket_id": id]))
        }
        return Turn(
            session: state, reply: draft.reply(in: state), redactedText: turn.redactedText, draft: nil)
    }

    /// The report that `filed` leads to, when its flow's `follow_up` condition holds: a fake-support
    /// case in which money left the wallet goes on to a theft report. It starts with the answers both
    /// flows ask for and reads the first message again (the amount, the time), without repeating the
    /// advice already given; it is urgent when the first case was. `ticket` is the filed case's id;
    /// nil after a flow that files none (the revoke how-to).
    func followUp(after filed: FlowState, ticket: String?, session: Session, draft: ReplyDraft, at now: Date) -> Turn? {
        guard let followUp = catalog.intent(filed.intent)?.flow?.followUp,
            conditionHolds(followUp.condition, in: filed), let target = catalog.intent(followUp.intent)
        else { return nil }
        // The answers both flows ask for, what the answer that led here said besides its yes ("有，少了
        // 800u"), and the answers the content sets ("how it happened" after a phrase given away).
        let targetFields = Set(target.flow?.fields.map(\.name) ?? [])
        var carried = filed.answers.filter { followUp.carried.contains($0.field) }
        for (field, value) in filed.answer(followUp.condition.field)?.inferred.sorted(by: { $0.key < $1.key }) ?? []
        where targetFields.contains(field) {
            carried.append(FieldAnswer(field: field, value: EvidenceValue(value)))
        }
        for answer in followUp.answers where conditionHolds(answer.condition, in: filed) {
            carried.append(FieldAnswer(field: answer.field, value: EvidenceValue(answer.value)))
        }
        let language = session.language
        var intro = catalog.message(.followUp, language)
        if !carried.isEmpty { intro += language.sentenceSeparator + catalog.message(.followUpCarried, language) }
        var draft = draft
        draft.add(intro)
        let opening = UserMessage(
            text: filed.openingMessage ?? "", language: language, now: now, hasSecret: false)
        var turn = startFlow(
            target, message: opening, session: session, draft: draft, carrying: carried, advising: followUp.advises)
        turn.session.flow?.followsTicket = ticket
        // A phrase given to the scammer makes the theft as urgent as the case it follows.
        if priority(of: filed, session: session) == .urgent { turn.session.flow?.priority = .urgent }
        return turn
    }

    /// `yyyy-MM-dd HH:mm` in the desk's time zone, without a formatter's locale or the system clock.
    func formatted(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = catalog.configuration.resolvedTimeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String {
            let number = value ?? 0
            return number < 10 ? "0\(number)" : "\(number)"
        }
        return
            "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    }
}

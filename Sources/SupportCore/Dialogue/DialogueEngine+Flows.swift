import Foundation

/// Collecting a flow's fields: control words, validation, re-prompts, skipping, interruptions.
extension DialogueEngine {
    // MARK: - Starting and advancing

    /// Starts `intent`'s flow: its reply (immediate advice, unless `advising` is false), then the first question.
    func startFlow(
        _ intent: IntentDefinition, message: UserMessage, session: Session, draft: ReplyDraft,
        carrying: [FieldAnswer], advising: Bool = true, aside: String? = nil
    ) -> Turn {
        guard let definition = intent.flow else { return finish(draft, session: session) }
        var state = session
        var flow = FlowState(intent: intent.id, priority: intent.priority)
        flow.openingMessage = message.text
        if state.secretExposed || message.hasSecret || message.saysStillHappening {
            flow.priority = .urgent
        }
        flow.isStillHappening = message.saysStillHappening || session.flow?.isStillHappening == true
        // Carried answers bring what they settle, as when given: a TRON address its network.
        for answer in carrying where definition.fields.contains(where: { $0.name == answer.field }) {
            store(answer.value, as: answer.field, in: &flow, definition: definition)
        }
        var draft = draft
        var openingVerdict: PhishingVerdict?
        // An address answering the first question is shown with what else the opening said.
        var openingAddress: EarlyAnswer?
        if let first = openingAnswerField(of: definition, flow: flow),
            case .accepted(let value) = validator.validate(
                message.text, as: first.kind, context: context(for: flow, message: message)),
            Self.addressFitsOwner(value, of: first, in: message)
        {
            if case .address = first.kind {
                openingAddress = EarlyAnswer(field: first, value: value)
            } else if case .url = first.kind {
                // "is tpwallet-app.com official?": the link is the answer to the first question; its
                // verdict comes first, ahead of the general advice.
                let checked = checkedLink(value, in: message, language: message.language, draft: &draft)
                store(checked.value, as: first.name, in: &flow, definition: definition)
                openingVerdict = checked.verdict
            } else {
                store(value, as: first.name, in: &flow, definition: definition)
            }
        }
        if advising { draft.add(fill(intent.reply(message.language), message.language)) }
        // An answer to a question the opening also asked ("…, can you freeze his address?"), after the advice.
        if let aside { draft.add(aside) }
        var readFrom = flow
        if let openingAddress { store(openingAddress.value, as: openingAddress.field.name, in: &readFrom, definition: definition) }
        var opening = (openingAddress.map { [$0] } ?? []) + openingAnswers(of: definition, flow: readFrom, message: message)
        // A link read from the opening ("the sms said tp-wallet-verify.com/login") gets its verdict at once.
        for index in opening.indices where opening[index].field.kind == .url {
            opening[index].value = checkedLink(opening[index].value, in: message, language: message.language, draft: &draft).value
        }
        // A flow that keeps no link still names a look-alike of the desk's sites in its opening ("the
        // fake support sent me tp-wallet-verify.com"): the user may be about to use it. A follow-up
        // reads an opening whose links were checked already.
        if advising, message.text.utf8.contains(UInt8(ascii: ".")), !definition.fields.contains(where: { $0.kind == .url }) {
            for address in WebAddress.findAll(in: message.text) {
                let verdict = phishing.check(address.host)
                if case .lookalike = verdict { add(verdict, language: message.language, to: &draft) }
            }
        }
        if !opening.isEmpty {
            note(opening, in: &flow, definition: definition, language: message.language, draft: &draft, intro: .notedFromOpening)
        }
        // Decided once the opening is read: "I typed my phrase into tpwallet.io" goes on.
        let endsAtOnce = openingVerdict.map { endsCheck(flow, $0) } ?? false
        if let openingVerdict, openingVerdict.isOfficial, !endsAtOnce {
            draft.add(catalog.message(.phishingOfficialPhraseEntered, message.language))
        }
        state.flow = endsAtOnce ? nil : flow
        if endsAtOnce { return finish(draft, session: state) }
        return advance(flow, definition: definition, message: message, session: state, draft: draft)
    }

    /// What a completion text (`done`) of a flow with a `chain` field may use besides the field
    /// names: the steps to revoke approvals on the chosen network.
    public static let revokeStepsPlaceholder = "revoke_steps"
    /// What a prompt may use for the shape of an address or a transaction hash on the flow's network.
    public static let addressExamplePlaceholder = "address_example"
    public static let hashExamplePlaceholder = "hash_example"
    /// Each example placeholder, as written in a prompt, and what it shows.
    static let examplePlaceholders: [(name: String, written: String, example: MessageKey.Example)] = [
        (addressExamplePlaceholder, "{address_example}", .address), (hashExamplePlaceholder, "{hash_example}", .hash),
    ]

    /// The flow's first field when the opening message may answer it: an unconditional, unanswered
    /// link, address, transaction hash or ticket id, values a sentence cannot contain by accident (a chain or
    /// a date in an opening sentence may be about something else, so those are always asked).
    private func openingAnswerField(of definition: FlowDefinition, flow: FlowState) -> FieldDefinition? {
        guard let first = definition.fields.first, first.condition == nil, flow.answer(first.name) == nil else {
            return nil
        }
        switch first.kind {
        case .url, .address, .txHashes, .ticketID: return first
        default: return nil
        }
    }

    /// Asks the next unanswered field whose condition holds, or moves on to the confirmation (or the end).
    func advance(
        _ flow: FlowState, definition: FlowDefinition, message: UserMessage, session: Session,
        draft: ReplyDraft
    ) -> Turn {
        var flow = flow
        var state = session
        var draft = draft
        if let next = nextField(of: flow, in: definition) {
            flow.stage = .collecting
            flow.pendingField = next.name
            flow.attempts = 0
            state.flow = flow
            draft.add(prompt(for: next, in: flow, language: message.language))
            return finish(draft, session: state)
        }
        flow.pendingField = nil
        flow.attempts = 0
        if flow.intent == .ticketStatus, let id = flow.answer("ticket_id")?.value {
            state.flow = flow
            return Turn(
                session: state, reply: nil, request: .lookUpTicket(id), redactedText: message.text,
                draft: draft)
        }
        if !definition.createsTicket {
            state.flow = nil
            var values = Dictionary(
                flow.answers.map { ($0.field, display($0, in: flow, language: message.language)) }
            ) {
                _, last in last
            }
            if let chain = flow.answer("chain").flatMap({ Chain(rawValue: $0.value) }) {
                values[Self.revokeStepsPlaceholder] = catalog.message(
                    .revokeSteps(chain), message.language, ["checker": chain.approvalChecker ?? ""])
            }
            let template =
                definition.completion?(message.language) ?? catalog.message(.completed, message.language)
            draft.add(fill(template, message.language, values))
            // "500 USDT already got taken through it": the theft report follows the how-to.
            if var next = followUp(after: flow, ticket: nil, session: state, draft: draft, at: message.now) {
                next.redactedText = message.text
                return next
            }
            return finish(draft, session: state)
        }
        flow.stage = .confirming
        state.flow = flow
        draft.add(summary(of: flow, language: message.language))
        return finish(draft, session: state)
    }

    /// The first field of the flow that is neither answered nor skipped and whose condition holds.
    func nextField(of flow: FlowState, in definition: FlowDefinition) -> FieldDefinition? {
        definition.fields.first { field in
            flow.isOpen(field.name) && conditionHolds(field.condition, in: flow)
        }
    }

    /// The fields that apply to this flow given its answers (conditions evaluated).
    func applicableFields(of flow: FlowState, in definition: FlowDefinition) -> [FieldDefinition] {
        definition.fields.filter { conditionHolds($0.condition, in: flow) }
    }

    /// `when: {field, in}`: the answer is one of the values (any of a multi-choice), or with no values, missing.
    /// A field whose own condition fails counts for nothing: a `sent_from` implied by the
    /// destination does not ask for the sending address once the hash is given.
    func conditionHolds(_ condition: FieldCondition?, in flow: FlowState) -> Bool {
        guard let condition else { return true }
        if let own = field(named: condition.field, in: flow.intent)?.condition, !conditionHolds(own, in: flow) {
            return false
        }
        guard let answer = flow.answer(condition.field) else { return condition.values.isEmpty }
        if condition.values.isEmpty { return false }
        let chosen = answer.value.split(separator: ",").map {
            String($0).trimmedSpaces
        }
        return chosen.contains { condition.values.contains($0) }
    }

    /// A field's question: the prompt and, for an optional field, the hint that it can be skipped.
    /// (Content prompts of choice fields list their options in prose; `choiceOptions` is for re-prompts.)
    /// `{address_example}` and `{hash_example}` show the shapes of the flow's network once it is known.
    func prompt(for field: FieldDefinition, in flow: FlowState, language: Language) -> String {
        let template = field.prompt(language)
        var examples: [String: String] = [:]
        for (placeholder, written, example) in Self.examplePlaceholders where template.contains(written) {
            let chain = flow.answer("chain").flatMap { Chain(rawValue: $0.value) }
            examples[placeholder] = catalog.message(.example(example, chain), language)
        }
        var parts = [fill(template, language, examples)]
        if !field.isRequired { parts.append(catalog.message(.optionalHint, language)) }
        return parts.joined(separator: "\n")
    }

    /// The short list of a choice field's options, for a re-prompt after an answer matched none.
    func optionList(for field: FieldDefinition, language: Language) -> String? {
        switch field.kind {
        case .choice(let options), .multiChoice(let options):
            let labels = options.map { $0.label(language) }.joined(separator: language.listSeparator)
            return catalog.message(.choiceOptions, language, ["options": labels])
        default: return nil
        }
    }

    // MARK: - Answers

    /// Stores `value` as the answer to `field`, plus what it settles about other unanswered fields.
    func store(
        _ value: EvidenceValue, as field: String, in flow: inout FlowState, definition: FlowDefinition
    ) {
        flow.answers.removeAll { $0.field == field }
        flow.skipped.removeAll { $0 == field }
        flow.answers.append(FieldAnswer(field: field, value: value))
        for other in definition.fields where other.name != field {
            // Not into a field that does not apply ("sent from a wallet" once the hash is known).
            guard let inferred = value.inferred[other.name], flow.isOpen(other.name),
                conditionHolds(other.condition, in: flow)
            else { continue }
            var settled = EvidenceValue(inferred)
            // An XRP address settles the network as `other`, named.
            if other.kind == .chain, let name = value.inferred["network_name"] { settled.inferred["network_name"] = name }
            flow.answers.append(FieldAnswer(field: other.name, value: settled))
        }
    }

    /// The validation context for a field of `flow`: the injected clock, the desk's time zone, the chain so far.
    func context(for flow: FlowState, message: UserMessage) -> ValidationContext {
        ValidationContext(
            now: message.now, timeZone: catalog.configuration.resolvedTimeZone,
            chain: flow.answer("chain").flatMap { Chain(rawValue: $0.value) }, language: message.language,
            asset: flow.answer("asset")?.value)
    }

    // MARK: - Inside a flow

    /// Routes a message to the stage the flow is in.
    func continueFlow(
        _ flow: FlowState, definition: FlowDefinition, message: UserMessage, session: Session,
        draft: ReplyDraft
    ) -> Turn {
        switch flow.stage {
        case .confirming, .choosingChange:
            return confirm(flow, definition: definition, message: message, session: session, draft: draft)
        case .collecting:
            guard let name = flow.pendingField,
                let field = definition.fields.first(where: { $0.name == name })
            else {
                return advance(
                    flow, definition: definition, message: message, session: session, draft: draft)
            }
            return collect(
                field, flow: flow, definition: definition, message: message, session: session, draft: draft)
        }
    }

    /// Handles a message while `field` is being asked for.
    private func collect(
        _ field: FieldDefinition, flow: FlowState, definition: FlowDefinition, message: UserMessage,
        session: Session,
        draft: ReplyDraft
    ) -> Turn {
        var flow = flow
        var state = session
        var draft = draft
        draft.intent = flow.intent
        draft.confidence = 1
        let language = message.language
        // Classified only where the intent matters: a question that may be asked aside, or an
        // answer that failed validation. An accepted answer (most turns of a flow) skips it.
        let aside = message.isQuestion && message.isSentenceLike ? classification(of: message) : nil

        if ControlPhrases.cancel.matches(message.normalized) {
            state.flow = nil
            draft.intent = .cancel
            draft.add(stopped(flow, .cancelled, language: language))
            return finish(draft, session: state)
        }
        if ControlPhrases.handOver.matches(message.normalized) {
            return handOver(flow, definition: definition, message: message, session: state, draft: draft)
        }
        if Self.saysArrived(message, in: flow) {
            state.flow = nil
            draft.add(stopped(flow, .flowArrived, language: language))
            return finish(draft, session: state)
        }
        // In the complaint report itself, a complaint is the answer.
        if definition.createsTicket, flow.intent != .escalateComplaint, Self.complains(message) {
            return handOver(flow, definition: definition, message: message, session: state, draft: draft, complaining: true)
        }
        // "where do I find the hash?": how to find it, before a question is taken aside.
        if aside != nil, let help = help(with: field, flow: flow, message: message, session: state, draft: draft) {
            return help
        }
        // "actually I did give him my phrase" after answering no: that answer turns yes, and what it
        // makes relevant is asked next.
        // Looked for only while some answer is a no (few turns).
        let admitted =
            flow.answers.contains(where: { $0.value.value == "no" })
            ? Self.saidYes(
                among: applicableFields(of: flow, in: definition).filter {
                    $0.name != field.name && flow.answer($0.name)?.value == "no"
                }, in: message.normalized) : []
        if !admitted.isEmpty {
            note(
                admitted.map { EarlyAnswer(field: $0, value: EvidenceValue("yes")) }, in: &flow, definition: definition,
                language: language, draft: &draft)
            return advance(flow, definition: definition, message: message, session: state, draft: draft)
        }
        // "sorry wrong one, my wallet address is T…" asked for the token: the address named is
        // corrected, and the question asked again. For addresses and hashes named by their label; for
        // the amount, token, network and time when the message also says it corrects ("不对 刚才金额说错了
        // 是1200u").
        let hasIdentifier = CharacterCounts(message.normalized).longestAlphanumericRun >= Self.shortestIdentifier
        let corrects = Self.correctionWords.contains { PhraseMatcher.contains(message.normalized, term: $0) }
        if hasIdentifier || corrects {
            let answered = applicableFields(of: flow, in: definition).filter { other in
                let correctable: Bool
                switch other.kind {
                case .address, .txHashes: correctable = hasIdentifier
                case .amount, .asset, .chain, .dateTime: correctable = corrects
                default: correctable = false
                }
                return correctable && other.name != field.name && flow.answer(other.name) != nil
            }
            var named = answered.isEmpty ? [] : fieldsNamed(in: message.normalized, among: answered, language: language)
            // "说错了 地址是T…": a correction of the one address (or hash) answered so far, unless the
            // words before it make it someone else's.
            if named.isEmpty, corrects, hasIdentifier {
                let identifiers = answered.filter { $0.kind == .address || $0.kind == .txHashes }
                named = identifiers.filter { candidate in
                    guard identifiers.count(where: { $0.kind == candidate.kind }) == 1,
                        let value = newValue(of: candidate, in: message.normalized, typed: message.text, flow: flow, message: message)
                    else { return false }
                    return Self.addressFitsOwner(value, of: candidate, in: message)
                }
            }
            if named.count == 1, let other = named.first,
                let value = newValue(of: other, in: message.normalized, typed: message.text, flow: flow, message: message),
                value.value != flow.answer(other.name)?.value
            {
                note([EarlyAnswer(field: other, value: value)], in: &flow, definition: definition, language: language, draft: &draft)
                return advance(flow, definition: definition, message: message, session: state, draft: draft)
            }
        }
        // "can you freeze his address?", "should I move my funds now?": the honest answer, then the question.
        if !field.kind.isFreeText, let question = SafetyQuestion.asked(in: message.normalized) {
            draft.add(fill(catalog.message(.aside(question), language), language))
            draft.add(catalog.message(.resume, language, ["prompt": prompt(for: field, in: flow, language: language)]))
            state.flow = flow
            return finish(draft, session: state)
        }
        if let (prediction, decided) = aside, decided != flow.intent, decided != .cancel,
            let other = catalog.intent(decided), other.answersMidFlow
        {
            // A question that happens to name a chain or a date ("is bitcoin going up?") is answered, not taken
            // as the field's value; the flow then asks again.
            return answerAside(
                other, confidence: prediction.confidence, thenAsk: prompt(for: field, in: flow, language: language), flow: flow,
                session: state, draft: draft)
        }
        if case .text = field.kind, message.normalized.count <= Self.longestOwnContactAside,
            let contact = ownContact(in: message, flow: flow)
        {
            // "my telegram is @sam_k99, reach me there" is the user's contact, never the scammer's
            // account or a description: it goes to the contact field, or is not needed at all.
            if let contactField = applicableFields(of: flow, in: definition).first(where: { $0.kind == .contact }) {
                note(
                    [EarlyAnswer(field: contactField, value: contact)], in: &flow, definition: definition,
                    language: language, draft: &draft)
            } else {
                draft.add(catalog.message(.contactNotNeeded, language))
            }
            draft.add(prompt(for: field, in: flow, language: language))
            state.flow = flow
            return finish(draft, session: state)
        }
        // "sent 50 trx from T… to T…" asked where it went: the address whose words before it fit.
        if case .address = field.kind, let placed = placedAddress(for: field, in: message, flow: flow) {
            return accept(
                placed, for: field, flow: flow, definition: definition, message: message, session: state, draft: draft)
        }
        // "50u 不对 是500u", "500 not 50": the value meant.
        let answer =
            field.kind.mayCarryOtherAnswers ? Self.correctedAnswer(message.text, normalized: message.normalized) : message.text
        var fieldContext = context(for: flow, message: message)
        // The address a wrong-network transfer was meant for may be on another network.
        if Self.anyNetworkFields.contains(field.name) { fieldContext.chain = nil }
        var validation = validator.validate(answer, as: field.kind, context: fieldContext)
        if Self.anyNetworkFields.contains(field.name), case .accepted(var value) = validation {
            value.inferred["chain"] = nil
            validation = .accepted(value)
        }
        // "我已经转了500U给他了" asked whether money left the wallet: the field's own phrases say yes.
        if case .yesNo = field.kind, case .rejected = validation, Self.says(anyOf: field.openingYes, in: message.normalized) {
            validation = .accepted(EvidenceValue("yes"))
        }
        // "有，少了800u": the yes keeps the amount it names, for a report that follows this one.
        if case .yesNo = field.kind, case .accepted(var yes) = validation, yes.value == "yes",
            CharacterCounts(message.normalized).digits > 0 || CharacterCounts(message.normalized).hasChineseNumeral,
            case .accepted(let amount) = validator.validate(message.text, as: .amount, context: context(for: flow, message: message)),
            let asset = amount.inferred["asset"]
        {
            yes.inferred["amount"] = amount.value
            yes.inferred["asset"] = asset
            validation = .accepted(yes)
        }
        let answersItself: Bool
        switch field.kind {
        case .yesNo, .choice, .multiChoice:
            if case .accepted = validation { answersItself = true } else { answersItself = false }
        default: answersItself = false
        }
        if !answersItself, field.isRequired, let hint = field.unsureHint, ControlPhrases.unsure.matches(message.normalized) {
            // "不确定" to "did they get your phrase?": which answer is the safe one, then the question.
            draft.add(fill(hint(language), language))
            draft.add(prompt(for: field, in: flow, language: language))
            state.flow = flow
            return finish(draft, session: state)
        }
        let skips: Bool
        if case .rejected = validation {
            skips = ControlPhrases.skip.matches(message.normalized) || Self.beginsWithSkip(message.normalized, field: field)
        } else {
            skips = !answersItself && ControlPhrases.skip.matches(message.normalized)
        }
        if skips {
            let label = field.label(language)
            if field.isRequired {
                draft.add(catalog.message(.cannotSkip, language, ["label": label]))
                draft.add(prompt(for: field, in: flow, language: language))
                state.flow = flow
                return finish(draft, session: state)
            }
            flow.answers.removeAll { $0.field == field.name }
            if !flow.skipped.contains(field.name) { flow.skipped.append(field.name) }
            draft.add(catalog.message(.skipped, language, ["label": label]))
            return advance(flow, definition: definition, message: message, session: state, draft: draft)
        }
        // A network that the address already given cannot be on ("usdt trc20" after a 0x address).
        if case .chain = field.kind, case .accepted(let value) = validation,
            let conflict = networkConflict(value, in: flow)
        {
            return reject(
                conflict, for: field, flow: flow, message: message, session: state, draft: draft, decided: flow.intent,
                confidence: 1)
        }
        switch validation {
        case .accepted(let value):
            return accept(
                value, for: field, flow: flow, definition: definition, message: message, session: state,
                draft: draft)
        case .rejected(let rejection):
            // "哈希在哪里看", a question without a question mark, once no answer was found in it.
            if aside == nil, let help = help(with: field, flow: flow, message: message, session: state, draft: draft) {
                return help
            }
            if let settling = answerSettling(field, flow: flow, definition: definition, message: message) {
                var (flow, draft) = (flow, draft)
                note([settling], in: &flow, definition: definition, language: language, draft: &draft)
                return advance(flow, definition: definition, message: message, session: state, draft: draft)
            }
            // "USDT" asked for the network: the token is noted, and the network asked again with why.
            if case .chain = field.kind, let token = tokenAnswer(flow: flow, definition: definition, message: message) {
                var flow = flow
                store(token.value, as: token.field.name, in: &flow, definition: definition)
                return reject(
                    Rejection(.chainIsToken, values: ["asset": token.value.value]), for: field, flow: flow,
                    message: message, session: state, draft: draft, decided: flow.intent, confidence: 1)
            }
            let volunteered = volunteeredAnswers(besides: field, flow: flow, definition: definition, message: message)
            if !volunteered.isEmpty {
                var (flow, draft) = (flow, draft)
                note(volunteered, in: &flow, definition: definition, language: language, draft: &draft)
                if rejection.reason == .chainNotInAddress {
                    draft.add(catalog.message(.rejection(rejection.reason), language))
                }
                draft.add(prompt(for: field, in: flow, language: language))
                state.flow = flow
                return finish(draft, session: state)
            }
            let (prediction, decided) = aside ?? classification(of: message)
            // "提交" before the case is complete: it is filed once the open questions are answered.
            if ControlPhrases.submit.matches(message.normalized) {
                draft.add(catalog.message(.submitTooEarly, language))
                draft.add(prompt(for: field, in: flow, language: language))
                state.flow = flow
                return finish(draft, session: state)
            }
            // A message the classifier calls a cancel cancels when it says so in words ("actually
            // cancel, I'll deal with it later"). Without them ("TSeq…不记得了") it is often an answer
            // gone wrong, and cancelling would throw away everything the user typed: ask instead.
            // "it's t-123" asked for the ticket number is a badly typed answer, never a cancel.
            let mayBeAnswer = !definition.createsTicket && CharacterCounts(message.normalized).digits > 0
            if decided == .cancel, message.normalized.count <= Self.maximumClassifiedCancelLength, !mayBeAnswer {
                // A lookup or a how-to keeps nothing to lose.
                if ControlPhrases.containsAny(ControlPhrases.cancelWords, in: Array(message.normalized.unicodeScalars))
                    || !definition.createsTicket
                {
                    state.flow = nil
                    draft.intent = .cancel
                    draft.add(stopped(flow, .cancelled, language: language))
                    return finish(draft, session: state)
                }
                draft.add(catalog.message(.cancelCheck, language))
                draft.add(prompt(for: field, in: flow, language: language))
                state.flow = flow
                return finish(draft, session: state)
            }
            return reject(
                rejection, for: field, flow: flow, message: message, session: state, draft: draft,
                decided: decided,
                confidence: prediction.confidence)
        }
    }

    /// The one address of several in `message` ("from T… to T…") that the words before it place in
    /// `field` (its `addressMarkers`, as in an opening); nil when the message holds fewer than two,
    /// or not exactly one has a marker of the field.
    private func placedAddress(for field: FieldDefinition, in message: UserMessage, flow: FlowState) -> EvidenceValue? {
        guard CharacterCounts(message.normalized).longestAlphanumericRun >= Self.shortestIdentifier else { return nil }
        let addresses = Set(ChainAddress.findAll(in: message.text).compactMap(\.validAddress?.canonical))
        guard addresses.count >= 2 else { return nil }
        let fitting = addresses.filter { Self.markerLength(before: $0, in: message.normalized, for: field.name) > 0 }
        guard fitting.count == 1, let chosen = fitting.first,
            case .accepted(let value) = validator.validate(chosen, as: .address, context: context(for: flow, message: message))
        else { return nil }
        return value
    }

    /// How to find or read what `field` asks for, then the question again, when the message is a
    /// short question about it ("where do I find the hash?", "链是什么意思"); nil otherwise. Not for
    /// free text, where such words are part of the story, nor beside an address or hash.
    private func help(
        with field: FieldDefinition, flow: FlowState, message: UserMessage, session: Session, draft: ReplyDraft
    ) -> Turn? {
        guard !field.kind.isFreeText, let topic = HelpTopic.asked(in: message.normalized, pending: HelpTopic(field.kind)),
            CharacterCounts(message.normalized).longestAlphanumericRun < Self.shortestIdentifier
        else { return nil }
        var draft = draft
        var state = session
        let language = message.language
        draft.add(catalog.message(.help(topic), language))
        draft.add(catalog.message(.resume, language, ["prompt": prompt(for: field, in: flow, language: language)]))
        state.flow = flow
        return finish(draft, session: state)
    }

    /// Longest message (normalised characters) taken as the user's own contact when a free-text field
    /// is asked; a longer one is an answer that happens to mention it.
    static let longestOwnContactAside = 80

    /// Longest message (normalised characters) the classifier alone may take for a wish to cancel (which is
    /// then asked about); longer ones are more likely an answer or a question that mentions cancelling.
    static let maximumClassifiedCancelLength = 40

    /// Stores an accepted answer, says what it implies (phishing verdict, address poisoning) and moves on.
    private func accept(
        _ value: EvidenceValue, for field: FieldDefinition, flow: FlowState, definition: FlowDefinition,
        message: UserMessage, session: Session, draft: ReplyDraft
    ) -> Turn {
        var flow = flow
        var draft = draft
        store(value, as: field.name, in: &flow, definition: definition)
        // A TRON address given for the network is the network and, where one is open, the address.
        let isAddressForNetwork =
            field.kind == .chain
            && CharacterCounts(message.normalized).longestAlphanumericRun >= Self.shortestIdentifier
        if field.kind.mayCarryOtherAnswers, message.text.holdsSeveralParts || isAddressForNetwork {
            // "TRC20, 500U": the network, and the amount and token before they are asked.
            let extras = volunteeredAnswers(
                besides: field, flow: flow, definition: definition, message: message, alongAcceptedAnswer: true)
            if !extras.isEmpty {
                note(extras, in: &flow, definition: definition, language: message.language, draft: &draft)
            }
        }
        if case .url = field.kind {
            let checked = checkedLink(value, in: message, language: message.language, draft: &draft)
            store(checked.value, as: field.name, in: &flow, definition: definition)
            if endsCheck(flow, checked.verdict) {
                var state = session
                state.flow = nil
                return finish(draft, session: state)
            }
            if checked.verdict.isOfficial, flow.intent == .phishingCheck {
                draft.add(catalog.message(.phishingOfficialPhraseEntered, message.language))
            }
        }
        if Self.poisoningFields.contains(field.name) {
            addPoisoningWarning(flow, language: message.language, to: &draft)
        }
        if flow.intent == .contactSupport, field.name == "summary",
            let switched = switchFromContactSupport(
                flow, message: message, session: session, draft: draft)
        {
            return switched
        }
        return advance(flow, definition: definition, message: message, session: session, draft: draft)
    }

    /// Words that say an earlier answer was wrong (normalised).
    static let correctionWords = [
        "说错了", "写错了", "填错了", "打错了", "不对", "错了", "改成", "改为", "应该是", "更正", "wrong", "sorry", "actually",
        "i meant", "correction", "mistake", "typo",
    ]

    /// "oh wait it just arrived, sorry", "好像到了 刚刷新了一下": a late transfer that turned up while
    /// it was being reported. Short messages only; "hasn't arrived", "还没到账" are no arrival.
    static func saysArrived(_ message: UserMessage, in flow: FlowState) -> Bool {
        flow.intent == .transferNotArrived && message.normalized.utf8.count <= 120
            && says(anyOf: arrivedPhrases, in: message.normalized)
    }

    /// Saying a transfer arrived (normalised).
    static let arrivedPhrases = [
        "just arrived", "it arrived", "has arrived", "it's arrived", "its arrived", "arrived now", "now it arrived",
        "received it", "got it now", "it came through", "came through now", "it showed up", "shows up now", "it's there now",
        // Not "到了" alone: "转到了交易所" says where it was sent.
        "到账了", "已经到账", "已到账", "到账啦", "收到了", "钱到了", "币到了", "u到了", "已经到了", "好像到了",
    ]

    /// "i dont have hash, binance show completed", "没有哈希 币安上看不到": a skip said first (with the
    /// field's topic word left out), a reason after it. Only for an answer that did not validate, and
    /// not a lone "no" ("no wait, let me look").
    static func beginsWithSkip(_ normalized: String, field: FieldDefinition) -> Bool {
        let tokens = normalized.split { $0 == " " || clauseEnds.contains($0) }
        guard tokens.count > 1 else { return false }
        let topicWords = HelpTopic(field.kind)?.words ?? []
        for count in 1...min(4, tokens.count - 1) {
            var prefix = tokens.prefix(count).joined(separator: " ")
            for word in topicWords {
                while let range = PhraseMatcher.firstRange(of: word, in: prefix) { prefix.replaceSubrange(range, with: " ") }
            }
            let trimmed = prefix.trimmingCharacters(in: .whitespaces)
            if trimmed.utf8.count >= 4, !["nope", "no no"].contains(trimmed), ControlPhrases.skip.matches(trimmed) {
                return true
            }
        }
        return false
    }

    /// A well-known token named where the network was asked ("USDT", "泰达币"), as the answer to the
    /// flow's open token field; nil when there is none or the answer is anything else (a word such
    /// as "hello" would pass as a ticker, so only nicknames and well-known tickers count).
    private func tokenAnswer(
        flow: FlowState, definition: FlowDefinition, message: UserMessage
    ) -> (field: FieldDefinition, value: EvidenceValue)? {
        guard let asset = definition.fields.first(where: { $0.kind == .asset }), flow.isOpen(asset.name),
            let symbol = AssetSymbol.known(message.text.trimmedSpacesAndLines)
        else { return nil }
        return (asset, EvidenceValue(symbol))
    }

    /// Re-prompts with the specific reason, answers an interrupting question, or offers a way out.
    private func reject(
        _ rejection: Rejection, for field: FieldDefinition, flow: FlowState, message: UserMessage,
        session: Session,
        draft: ReplyDraft, decided: IntentID, confidence: Double
    ) -> Turn {
        var flow = flow
        var state = session
        var draft = draft
        let language = message.language
        let pending = prompt(for: field, in: flow, language: language)
        if message.hasSecret, message.normalized.count <= 80 || decided == .outOfScope {
            // The message was (mostly) the secret: the warning is said; ask again without counting a failure.
            draft.add(catalog.message(.resume, language, ["prompt": pending]))
            state.flow = flow
            return finish(draft, session: state)
        }
        // Out of scope is what the classifier says of an answer it cannot place ("+86 138 0013 8000"
        // for a hash): that is a wrong answer to ask again, not a question to take aside.
        let mayInterrupt = rejection.reason.meansUnrecognised && message.isSentenceLike
        // "ok", "好的" after a side answer: the question again, as if nothing had been said.
        if ControlPhrases.acknowledgment.matches(message.normalized) {
            draft.add(pending)
            state.flow = flow
            return finish(draft, session: state)
        }
        // "ok thanks bye" mid-report: a goodbye followed by the next question would contradict
        // itself. Ask whether to stop; nothing is dropped.
        if rejection.reason.meansUnrecognised, decided == .goodbye, let goodbye = catalog.intent(.goodbye) {
            // A lookup or a how-to keeps nothing worth asking about: say goodbye and end it.
            guard catalog.intent(flow.intent)?.flow?.createsTicket ?? true else {
                state.flow = nil
                draft.intent = .goodbye
                draft.add(fill(goodbye.reply(language), language))
                return finish(draft, session: state)
            }
            draft.add(catalog.message(.cancelCheck, language))
            draft.add(pending)
            state.flow = flow
            return finish(draft, session: state)
        }
        // "oh wait, I sent it to the wrong address": the report this one turns into, keeping the answers.
        if mayInterrupt,
            let turned = turnedByCorrection(flow, message: message, session: state, draft: draft)
                ?? turned(flow, into: decided, confidence: confidence, message: message, session: state, draft: draft)
        {
            return turned
        }
        // "我要投诉你们", "let me talk to a supervisor": a person takes the report as it stands.
        if mayInterrupt, decided == .escalateComplaint, flow.intent != .escalateComplaint,
            confidence >= Self.minimumDetourConfidence, let definition = catalog.intent(flow.intent)?.flow,
            definition.createsTicket
        {
            return handOver(flow, definition: definition, message: message, session: state, draft: draft, complaining: true)
        }
        if mayInterrupt, decided != flow.intent, decided != .cancel, decided != .outOfScope,
            let other = catalog.intent(decided), other.answersMidFlow,
            // "昨天晚上十点左右" given again reads to the classifier like a question about opening hours.
            !restatesTime(message, flow: flow)
        {
            return answerAside(other, confidence: confidence, thenAsk: pending, flow: flow, session: state, draft: draft)
        }
        flow.attempts += 1
        let limit = max(1, catalog.configuration.thresholds.maxFieldAttempts)
        if flow.attempts >= limit {
            let key: MessageKey = field.isRequired ? .tooManyAttemptsRequired : .tooManyAttemptsOptional
            draft.add(catalog.message(key, language, ["label": field.label(language)]))
        } else if let options = optionList(for: field, language: language) {
            // The options as a short list instead of the long prose prompt.
            draft.add(
                catalog.message(.rejection(rejection.reason), language, readable(rejection.values, language))
                    + language.sentenceSeparator
                    + options)
            state.flow = flow
            return finish(draft, session: state)
        } else {
            draft.add(catalog.message(.rejection(rejection.reason), language, readable(rejection.values, language)))
        }
        draft.add(pending)
        state.flow = flow
        return finish(draft, session: state)
    }

    /// Rejection values as a person reads them: a network's name instead of its id ("TRON", not
    /// "tron"), "EVM (0x…)" for the address family shared by Ethereum, BSC and the like.
    func readable(_ values: [String: String], _ language: Language) -> [String: String] {
        var shown = values
        for key in ["found", "expected", "network"] {
            guard let value = values[key] else { continue }
            if let chain = Chain(rawValue: value) {
                shown[key] = chain.displayName(language)
            } else if value == ChainAddress.Family.evm.rawValue {
                shown[key] = language == .zh ? "EVM（0x 开头）" : "EVM (0x…)"
            }
        }
        return shown
    }

    /// `chain_not_address_network` when the network `value` names is one that an address the user
    /// gave in this flow cannot be on; nil otherwise.
    func networkConflict(_ value: EvidenceValue, in flow: FlowState) -> Rejection? {
        guard let chain = Chain(rawValue: value.value) else { return nil }
        for answer in flow.answers where !Self.anyNetworkFields.contains(answer.field) {
            guard case .address = field(named: answer.field, in: flow.intent)?.kind,
                let family = ChainAddress.parse(answer.value.value)?.validAddress?.family, !family.isValid(on: chain)
            else { continue }
            return Rejection(.chainNotAddressNetwork, values: ["found": family.rawValue, "expected": chain.rawValue])
        }
        return nil
    }

    // MARK: - Special fields

    /// A link check that found one of the desk's own domains is over: there is nothing for the
    /// team to look into, so no report is offered.
    /// Unless the phrase was typed there: an official site never asks for it, so the page that did
    /// was not ours, and the wallet must be treated as exposed (the check goes on).
    private func endsCheck(_ flow: FlowState, _ verdict: PhishingVerdict) -> Bool {
        guard flow.intent == .phishingCheck, case .official = verdict else { return false }
        return !flow.answers.contains { $0.value.value == "yes" && field(named: $0.field, in: flow.intent)?.kind == .yesNo }
    }

    /// A link to check, when the message names several ("is tpwallet.io real? and
    /// tokenpocket.pro.download-app.cc?"): the first one that is not official, with the verdicts
    /// on the others, so a look-alike beside the real site is never passed over.
    private func checkedLink(
        _ value: EvidenceValue, in message: UserMessage, language: Language, draft: inout ReplyDraft
    ) -> (value: EvidenceValue, verdict: PhishingVerdict) {
        let hosts = WebAddress.findAll(in: message.text)
        guard hosts.count > 1 else {
            // The link as typed, when it is the one stored: what comes before an "@" counts.
            let host = value.inferred["host"] ?? value.value
            let typed = WebAddress.find(in: message.text).flatMap { $0.host == host ? $0 : nil }
            let verdict = typed.map(phishing.check) ?? phishing.check(host)
            return (value, add(verdict, language: language, to: &draft))
        }
        let verdicts = hosts.map { (address: $0, verdict: phishing.check($0.host)) }
        let ordered = verdicts.filter { !$0.verdict.isOfficial } + verdicts.filter { $0.verdict.isOfficial }
        for other in ordered { add(other.verdict, language: language, to: &draft) }
        let first = ordered[0]
        return (EvidenceValue(first.address.canonical, inferred: ["host": first.address.host]), first.verdict)
    }

    /// Says a phishing verdict (never "safe") and returns it.
    @discardableResult
    private func add(_ verdict: PhishingVerdict, language: Language, to draft: inout ReplyDraft) -> PhishingVerdict {
        switch verdict {
        case .official(let host):
            draft.add(catalog.message(.phishingOfficial, language, ["host": host]))
        case .lookalike(let host, let imitates, let reason):
            draft.warn(.phishingLookalike)
            draft.add(
                catalog.message(
                    .phishingLookalike, language,
                    [
                        "host": host, "imitates": imitates,
                        "reason": catalog.message(.lookalikeReason(reason), language),
                    ]))
        case .unknown(let host):
            draft.add(catalog.message(.phishingUnknown, language, ["host": host]))
        }
        return verdict
    }

    /// Address fields that need not be on the flow's network: the address a wrong-network transfer
    /// was meant for ("sent on TRC20 to my ERC20 deposit address").
    static let anyNetworkFields: Set<String> = ["intended_address"]

    /// The fields whose answer may complete an address-poisoning pair.
    static let poisoningFields: Set<String> = ["to_address", "intended_address"]

    /// Calls out a recipient that shares its ends with the intended address.
    func addPoisoningWarning(_ flow: FlowState, language: Language, to draft: inout ReplyDraft) {
        guard let sent = flow.answer("to_address")?.value,
            let intended = flow.answer("intended_address")?.value,
            AddressPoisoning.isLookalike(sent, intended)
        else { return }
        draft.warn(.addressPoisoning)
        draft.add(
            catalog.message(
                .addressPoisoning, language, ["to_address": sent, "intended_address": intended]))
    }

    /// What is said when `flow` stops unfiled (`key`: cancelled or discarded); a follow-up report also
    /// says that the ticket it followed stands.
    func stopped(_ flow: FlowState, _ key: MessageKey, language: Language) -> String {
        guard let earlier = flow.followsTicket else { return catalog.message(key, language) }
        return catalog.message(.followUpStopped, language, ["ticket_id": earlier])
    }

    /// Answers `other` (an intent without a flow, or with a `reply_in_flow`) in the middle of `flow`;
    /// then asks `question` again.
    func answerAside(
        _ other: IntentDefinition, confidence: Double, thenAsk question: String, flow: FlowState, session: Session,
        draft: ReplyDraft
    ) -> Turn {
        var draft = draft
        var state = session
        let language = draft.language
        draft.intent = other.id
        draft.confidence = confidence
        draft.add(fill((other.replyInFlow ?? other.reply)(language), language))
        draft.add(catalog.message(.resume, language, ["prompt": question]))
        state.flow = flow
        return finish(draft, session: state)
    }

    /// How sure the classifier must be before a contact-support summary turns into a theft report: a
    /// vague "my assets don't show" must stay a request for a person.
    static let minimumDetourConfidence = 0.6

    /// A contact_support summary that is really a theft report starts the theft flow instead.
    private func switchFromContactSupport(
        _ flow: FlowState, message: UserMessage, session: Session, draft: ReplyDraft
    ) -> Turn? {
        let (prediction, decided) = classification(of: message)
        // Only a theft is worth a detour (DOMAIN.md §4): someone who asked for a person is not made to
        // answer a different, longer flow for anything else.
        guard decided == .reportTheft, prediction.confidence >= Self.minimumDetourConfidence else { return nil }
        return turn(flow, into: decided, confidence: prediction.confidence, message: message, session: session, draft: draft)
    }

    /// The report `flow` turns into when `message` says it is really `target` (see `turns`), after
    /// `flow.turned`; nil otherwise.
    func turned(
        _ flow: FlowState, into target: IntentID, confidence: Double, message: UserMessage, session: Session,
        draft: ReplyDraft
    ) -> Turn? {
        guard turns(flow, into: target, confidence: confidence, message: message) else { return nil }
        var intro = draft
        intro.add(catalog.message(.turned, message.language))
        return turn(flow, into: target, confidence: confidence, message: message, session: session, draft: intro)
    }

    /// Whether `message` says the report is really `target`, one it `turns_into`: clearly (the
    /// classifier at `minimumTurnConfidence`, and one of the target's own keywords), as a statement
    /// ("is it possible that it was stolen?" asks, "a stranger I bought it from" answers a question).
    private func turns(_ flow: FlowState, into target: IntentID, confidence: Double, message: UserMessage) -> Bool {
        guard confidence >= Self.minimumTurnConfidence, message.isSentenceLike, !message.isQuestion,
            catalog.intent(flow.intent)?.flow?.turnsInto.contains(target) == true,
            let keywords = catalog.intent(target)?.keywords[message.language]
        else { return false }
        let text = message.normalized
        guard !Self.guesses.contains(where: { PhraseMatcher.contains(text, term: $0) }) else { return false }
        return keywords.contains { keyword, weight in
            weight >= Self.turningKeywordWeight && PhraseMatcher.contains(text, term: TextNormalizer.normalize(keyword))
        }
    }

    /// `turned` read from the claim that replaces a denied one ("不对 不是没到账 是被盗了": the
    /// classifier reads "没到账" in the whole message); nil when the message denies nothing that way.
    func turnedByCorrection(
        _ flow: FlowState, message: UserMessage, session: Session, draft: ReplyDraft
    ) -> Turn? {
        guard let claim = Self.correctingClaim(in: message.normalized) else { return nil }
        let prediction = classifier.classify(claim)
        let decided = catalog.configuration.thresholds.decide(prediction)
        guard decided != flow.intent else { return nil }
        return turned(flow, into: decided, confidence: prediction.confidence, message: message, session: session, draft: draft)
    }

    /// What a message claims instead of what it denies: "不是没到账 是被盗了" → "是被盗了", "it's not
    /// late, it was stolen" → "it was stolen"; nil without a denial followed by a claim.
    static func correctingClaim(in normalized: String) -> String? {
        let padded = " " + normalized + " "
        for (denials, claims) in claimSwitches {
            for denial in denials {
                guard let denied = padded.range(of: denial) else { continue }
                let rest = padded[denied.upperBound...]
                for claim in claims {
                    // Something must be denied between the two: "不是是" claims nothing.
                    guard let said = rest.range(of: claim), said.lowerBound > rest.startIndex else { continue }
                    let text = rest[said.lowerBound...].trimmingCharacters(in: .whitespaces)
                    if text.count > claim.trimmingCharacters(in: .whitespaces).count { return text }
                }
            }
        }
        return nil
    }

    /// Words that deny a claim, each with the words that then make the right one (normalised, and
    /// spaced where a word must stand alone).
    private static let claimSwitches: [([String], [String])] = [
        (["不是"], ["而是", "是"]),
        ([" not ", " wasn't ", " wasnt ", " isn't ", " isnt "], [" it was ", " it's ", " its ", " it is ", " but "]),
    ]

    /// How sure the classifier must be that an answer says the report is another one.
    static let minimumTurnConfidence = 0.9
    /// The weight a keyword of the other report needs to count as saying it ("stranger" does not).
    static let turningKeywordWeight = 1.5
    /// Words of a guess rather than a finding (normalised).
    static let doubts = ["possible", "possibly", "maybe", "might", "perhaps", "could it", "可能", "也许", "难道"]
    /// The hedges and the doubts, joined once.
    private static let guesses = hedges + doubts

    /// `flow` turned into the report `target` ("oh wait, I sent it to the wrong address" during a late
    /// transfer): the answers both reports ask (same name and kind) are kept, and so is urgency; nil
    /// when `target` has no flow that files a ticket.
    func turn(
        _ flow: FlowState, into target: IntentID, confidence: Double, message: UserMessage, session: Session,
        draft: ReplyDraft
    ) -> Turn? {
        guard let intent = catalog.intent(target), let targetFlow = intent.flow, targetFlow.createsTicket,
            !targetFlow.fields.isEmpty
        else { return nil }
        var draft = draft
        draft.intent = target
        draft.confidence = confidence
        var state = session
        state.flow = nil
        let carried = flow.answers.filter { answer in
            let kind = field(named: answer.field, in: flow.intent)?.kind
            return targetFlow.fields.contains { $0.name == answer.field && $0.kind == kind }
        }
        var turn = startFlow(intent, message: message, session: state, draft: draft, carrying: carried)
        if session.flow?.priority == .urgent { turn.session.flow?.priority = .urgent }
        return turn
    }
}

extension RejectionReason {
    /// The answer was not recognised at all (so it may be a different question), as opposed to a
    /// recognised value that is wrong: a future date, a bad checksum, a negative amount.
    var meansUnrecognised: Bool {
        switch self {
        case .addressFormat, .txHashFormat, .assetFormat, .amountFormat, .dateUnparsed, .chainUnknown,
            .choiceUnknown, .yesNoUnclear, .urlFormat, .contactFormat, .ticketIDFormat, .versionFormat,
            .textTooShort:
            true
        case .addressChecksum, .addressWrongChain, .addressShortened, .addressIsTxHash, .txHashShortened, .txHashWrongChain,
            .txHashIsAddress, .contactUnsupportedChannel, .assetIsNetwork, .assetIsStandard, .assetIsWallet,
            .amountIsTime, .amountOtherToken, .chainIsToken, .chainNotInAddress, .chainNotAddressNetwork, .txHashTooMany, .amountNotPositive, .amountTooPrecise,
            .dateInFuture, .textTooLong:
            false
        }
    }
}

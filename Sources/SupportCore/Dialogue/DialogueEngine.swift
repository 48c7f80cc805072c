import Foundation

/// The conversation engine: pure. Same session, message and clock in, same turn out.
///
/// Every message is scanned for secrets first; everything after that (classification, field values,
/// summaries, case files, `Turn.redactedText`) sees only the redacted text. Facets:
/// `+Flows` (collecting fields), `+Confirmation` (summary, yes / no / change), `+Summary` (case file,
/// priority), `+Requests` (resuming after the host filed a case or looked up a ticket).
public struct DialogueEngine: Sendable {
    public let catalog: Catalog
    public let classifier: IntentClassifier
    public let scanner: SecretScanner
    public let validator: EvidenceValidator
    /// Compares URLs with the desk's official domains (built once from the configuration).
    public let phishing: PhishingCheck

    /// The `awaiting` value while the summary waits for yes / no / a change.
    public static let awaitingConfirmation = "confirm"

    public init(catalog: Catalog, classifier: IntentClassifier, scanner: SecretScanner) {
        self.catalog = catalog
        self.classifier = classifier
        self.scanner = scanner
        self.validator = EvidenceValidator()
        self.phishing = PhishingCheck(officialDomains: catalog.configuration.officialDomains)
    }

    /// Handles one user message. When the returned turn carries a `request`, the host carries it out
    /// (commits the case, looks up the ticket) and calls `resume(_:with:at:)` for the reply.
    public func handle(_ text: String, in session: Session, at now: Date) -> Turn {
        let scan = scanner.scan(text, expectingTransactionID: isExpectingTransactionID(session))
        let language = LanguageDetector.detect(scan.userWords, fallback: session.language)
        let message = UserMessage(
            text: scan.redacted, words: scan.userWords, language: language, now: now, hasSecret: scan.hasSecret)
        var state = session
        state.language = language
        state.turnCount += 1

        var draft = ReplyDraft(
            language: language, intent: session.flow?.intent ?? .outOfScope, confidence: 0)
        if scan.hasSecret {
            state.secretExposed = true
            state.flow?.priority = .urgent
            draft.warn(.secretRedacted)
            draft.add(
                Self.mayBeTransactionID(scan, text: text)
                    ? catalog.message(.secretMaybeTransactionID, language) : secretWarning(scan.findings, language: language))
        }
        if message.saysStillHappening {
            state.flow?.priority = .urgent
            state.flow?.isStillHappening = true
        }

        var turn: Turn
        if let flow = state.flow, let definition = catalog.intent(flow.intent)?.flow {
            turn = continueFlow(
                flow, definition: definition, message: message, session: state, draft: draft)
        } else {
            state.flow = nil
            turn = answerOutsideFlow(message, session: state, draft: draft)
        }
        turn.redactedText = scan.redacted
        turn.session.lastAnswer = turn.session.flow == nil && turn.request == nil ? turn.reply?.intent : nil
        return turn
    }

    /// Words that make "cancel" about an approval or a transfer (normalised).
    static let approvalWords = ["approved", "approval", "approvals", "approve", "allowance", "授权", "签名"]
    static let transferWords = ["transfer", "transaction", "withdrawal", "转账", "交易", "提币"]

    /// True when the flow is asking for transaction ids, so 64-hex tokens are ids rather than keys.
    private func isExpectingTransactionID(_ session: Session) -> Bool {
        guard let flow = session.flow, flow.stage != .confirming, let name = flow.pendingField,
            let field = field(named: name, in: flow.intent)
        else { return false }
        if case .txHashes = field.kind { return true }
        return false
    }

    // MARK: - Outside a flow

    private func answerOutsideFlow(_ message: UserMessage, session: Session, draft: ReplyDraft)
        -> Turn
    {
        var draft = draft
        var prediction: IntentPrediction
        var decided: IntentID
        (prediction, decided) = classification(of: message)
        // What the words say once a greeting, a denied loss or a leaked phrase is read for what it is.
        (prediction, decided) = rerouted(message, prediction: prediction, decided: decided)
        // A link sent with a greeting or nothing else ("hey check this https://tokenp0cket.pro/claim")
        // is a link to check: a look-alike site must never get only a "hello".
        if [IntentID.greeting, .goodbye, .outOfScope].contains(decided), catalog.intent(.phishingCheck) != nil,
            let address = WebAddress.find(in: message.text), address.userInfo.isEmpty
        {
            decided = .phishingCheck
        }
        // "好吧", "ok" after an answer: an acknowledgment, not a new hello.
        if decided == .greeting, session.turnCount > 1, catalog.intent(.goodbye) != nil,
            ControlPhrases.acknowledgment.matches(message.normalized)
        {
            decided = .goodbye
        }
        draft.intent = decided
        draft.confidence = prediction.confidence

        if message.hasSecret, decided == .outOfScope {
            // The warning is the answer; an "I can't help with that" after it would read as a brush-off.
            return finish(draft, session: session)
        }
        // "how can I cancel the approval?", "can I cancel the transfer I just made?": a question about
        // cancelling something on chain, not the cancel command.
        if decided == .cancel, !ControlPhrases.cancel.matches(message.normalized) {
            let text = message.normalized
            if Self.approvalWords.contains(where: { PhraseMatcher.contains(text, term: $0) }),
                catalog.intent(.revokeApproval) != nil
            {
                decided = .revokeApproval
            } else if Self.transferWords.contains(where: { PhraseMatcher.contains(text, term: $0) }),
                catalog.intent(.transferNotArrived) != nil
            {
                decided = .transferNotArrived
            } else if SafetyQuestion.asked(in: text) != nil {
                // "我的tp突然打不开了 闪退": nothing to stop; the question below answers it.
                decided = .outOfScope
            }
            draft.intent = decided
        }
        if decided == .cancel
            || (decided == .outOfScope && ControlPhrases.cancel.matches(message.normalized))
        {
            draft.intent = .cancel
            draft.add(catalog.message(.nothingToCancel, message.language))
            return finish(draft, session: session)
        }
        // "sam@example.com" right after a case was filed (often after "agent", with no contact
        // asked): the user's contact goes onto that case. A WeChat id is answered, filed or not.
        switch contactGiven(message, afterFiling: session.lastTicketID != nil) {
        case .reachable(let contact):
            guard let id = session.lastTicketID else { break }
            draft.intent = .contactSupport
            let note = catalog.message(.caseContactNote, message.language, ["contact": contact.value])
            return Turn(
                session: session, reply: nil, request: .addNote(ticket: id, note: note), redactedText: message.text,
                draft: draft)
        case .unsupportedChannel:
            // "我的微信是 wxid_abc123，加我": nobody will add them there, and whoever does is not us.
            draft.intent = .contactSupport
            if let id = session.lastTicketID {
                draft.add(catalog.message(.ticketContactUnsupported, message.language, ["ticket_id": id]))
            } else {
                draft.add(catalog.message(.contactUnsupported, message.language))
            }
            return finish(draft, session: session)
        case nil:
            break
        }
        // "can I talk to a human" once a case is filed: it is with one already; no second case.
        if let id = session.lastTicketID,
            decided == .contactSupport || ControlPhrases.handOver.matches(message.normalized)
        {
            draft.intent = .contactSupport
            draft.add(catalog.message(.ticketWithPerson, message.language, ["ticket_id": id]))
            return finish(draft, session: session)
        }
        // "can you freeze his address?": the honest answer, whatever the classifier makes of it. When
        // the message also says what happened ("my wallet was drained, can you freeze his address?"),
        // the report that starts after the answer is read from the rest.
        var aside: String?
        // A phrase handed over by someone else is the trap, not fake support asking for one.
        if let question = SafetyQuestion.asked(in: message.normalized), !question.onlyInsideReport,
            decided != .fakeSupportScam || question == .sharedPhraseTrap,
            // "the app keeps crashing and now my usdt is gone": the report, without the app advice.
            question.answeredBesideReport || catalog.intent(decided)?.flow?.createsTicket != true
        {
            let answer = fill(catalog.message(.aside(question), message.language), message.language)
            let rest = Self.clauses(of: message.words, without: question.phrases)
            let restPrediction = rest.map { classifier.classify($0) }
            let restDecided = restPrediction.map { catalog.configuration.thresholds.decide($0) }
            guard question.mayStartReport, let restDecided, catalog.intent(restDecided)?.flow?.createsTicket == true else {
                draft.intent = question.intent
                draft.add(answer)
                // "what are your support hours? and is a screenshot of my seed safe?": the other
                // question too, when it asks an intent without a flow clearly.
                if let restDecided, let restPrediction, restDecided != question.intent,
                    let other = answerBeside(restPrediction, decided: restDecided)
                {
                    draft.add(fill(other.reply(message.language), message.language))
                }
                return finish(draft, session: session)
            }
            decided = restDecided
            aside = question.answeredBesideReport ? answer : nil
        }
        // "can you speed it up? it's urgent" once a ticket is known: why not, then where it stands.
        if let id = message.ticketID ?? session.lastTicketID,
            Self.expediteWords.contains(where: { PhraseMatcher.contains(message.normalized, term: $0) }),
            [IntentID.ticketStatus, .transferNotArrived, .outOfScope, .recoveryTime, .escalateComplaint].contains(decided)
        {
            draft.intent = .ticketStatus
            draft.add(catalog.message(.ticketExpedite, message.language, ["ticket_id": id]))
            return Turn(
                session: session, reply: nil, request: .lookUpTicket(id), redactedText: message.text, draft: draft)
        }
        // "how long will it take?" once a case is filed: when a person looks at it, and the wait for
        // funds only after a case of lost funds (a phishing check has none to wait for).
        if decided == .recoveryTime, let id = session.lastTicketID {
            draft.intent = .recoveryTime
            draft.add(catalog.message(.ticketReviewTime, message.language, ["ticket_id": id]))
            if let kind = session.lastCaseIntent, Self.casesOfLostFunds.contains(kind) {
                draft.add(catalog.message(.ticketReviewTimeLoss, message.language))
            }
            return finish(draft, session: session)
        }
        if decided == .ticketStatus || decided == .outOfScope,
            let id = message.ticketID ?? lookupFallback(decided, session)
        {
            draft.intent = .ticketStatus
            return Turn(
                session: session, reply: nil, request: .lookUpTicket(id), redactedText: message.text,
                draft: draft)
        }
        guard let intent = catalog.intent(decided) else {
            draft.add(
                catalog.intent(.outOfScope).map { fill($0.reply(message.language), message.language) } ?? ""
            )
            return finish(draft, session: session)
        }
        if let flow = intent.flow, !flow.fields.isEmpty {
            return startFlow(intent, message: message, session: session, draft: draft, carrying: [], aside: aside)
        }
        // "what are your hours? and will support ever ask for my phrase?": each question answered,
        // in the order asked.
        for answer in answers(to: message, readAs: intent) {
            // "who will pay me back then?" right after the compensation answer: not the same answer again.
            let again = answer.id == session.lastAnswer ? answer.replyAgain : nil
            draft.add(fill((again ?? answer.reply)(message.language), message.language))
        }
        return finish(draft, session: session)
    }

    /// The intents whose replies answer `message`: `intent` (what the whole message reads as), and
    /// when it asks several questions, the intents without a flow that the others ask clearly, each
    /// once, in the order asked.
    private func answers(to message: UserMessage, readAs intent: IntentDefinition) -> [IntentDefinition] {
        // Most messages hold one question mark or none: counted before anything is split.
        let marks = message.words.unicodeScalars.count { $0 == "?" || $0 == "？" }
        guard marks >= 2 || (marks == 1 && !message.words.hasSuffix("?") && !message.words.hasSuffix("？")) else {
            return [intent]
        }
        let questions = message.words.split(whereSeparator: { $0 == "?" || $0 == "？" })
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        guard questions.count >= 2 else { return [intent] }
        var ordered: [IntentDefinition] = []
        for question in questions {
            let prediction = classifier.classify(question)
            let asked = catalog.configuration.thresholds.decide(prediction)
            if asked == intent.id, !ordered.contains(where: { $0.id == asked }) {
                ordered.append(intent)
                continue
            }
            guard !ordered.contains(where: { $0.id == asked }), let definition = answerBeside(prediction, decided: asked)
            else { continue }
            ordered.append(definition)
        }
        return ordered.contains(where: { $0.id == intent.id }) ? ordered : [intent] + ordered
    }

    /// The intent without a flow that `prediction` (read as `decided`) asks clearly enough to be
    /// answered beside another question; nil for a greeting, a goodbye, a cancel, out of scope, or a
    /// report.
    private func answerBeside(_ prediction: IntentPrediction, decided: IntentID) -> IntentDefinition? {
        guard prediction.confidence >= Self.secondQuestionConfidence,
            ![IntentID.outOfScope, .greeting, .goodbye, .cancel].contains(decided),
            let definition = catalog.intent(decided), definition.flow?.fields.isEmpty ?? true
        else { return nil }
        return definition
    }

    /// How sure the classifier must be of a second question in one message to answer it too.
    static let secondQuestionConfidence = 0.75

    /// The session's last ticket, for "what's the status of my case?" without an id.
    private func lookupFallback(_ decided: IntentID, _ session: Session) -> String? {
        decided == .ticketStatus ? session.lastTicketID : nil
    }

    // MARK: - Building turns

    /// A turn with a finished reply.
    func finish(_ draft: ReplyDraft, session: Session) -> Turn {
        Turn(session: session, reply: draft.reply(in: session), redactedText: "", draft: nil)
    }

    /// The classifier's prediction for `message` and the intent the thresholds decide on.
    func classification(of message: UserMessage) -> (prediction: IntentPrediction, decided: IntentID) {
        let prediction = classifier.classify(message.words)
        return (prediction, catalog.configuration.thresholds.decide(prediction))
    }

    /// Fills the desk's placeholders (`{brand}`, `{support_hours}`, …) and `values`.
    func fill(_ template: String, _ language: Language, _ values: [String: String] = [:]) -> String {
        catalog.configuration.fill(template, language: language, values: values)
    }

    /// Whether the only secret found is a lone 64-hex code with no word for a key beside it: as
    /// likely a transaction hash pasted early ("sent usdt to the wrong address" → the network
    /// asked → the hash). It stays removed (DOMAIN.md: anywhere but the hash question it may be a
    /// key), but the warning says it may have been either.
    static func mayBeTransactionID(_ scan: SecretScan, text: String) -> Bool {
        guard scan.findings == [.privateKey] else { return false }
        let words = TextNormalizer.normalize(scan.userWords)
        guard !keyWords.contains(where: { PhraseMatcher.contains(words, term: $0) }) else { return false }
        let tokens = text.split { !$0.isASCII || !($0.isLetter || $0.isNumber) }
        return tokens.count { Hex.decode($0)?.count == 32 } == 1
    }

    /// Cases filed for funds already gone, whose recovery nobody can promise a date for.
    static let casesOfLostFunds: Set<IntentID> = [.reportTheft, .wrongAddress]

    /// Words that name a key (normalised; "key" also finds "private key"): a 64-hex code beside them is one.
    static let keyWords = ["key", "privatekey", "私钥", "密钥", "秘钥"]

    /// `secret.warning` with `{kind}` naming what was found (never any part of it).
    private func secretWarning(_ kinds: [SecretKind], language: Language) -> String {
        var names: [String] = []
        for kind in kinds {
            let name = catalog.message(.secretKind(kind), language)
            if !names.contains(name) { names.append(name) }
        }
        let separator = language.listSeparator
        return catalog.message(.secretWarning, language, ["kind": names.joined(separator: separator)])
    }

    /// The definition of `name` in `intent`'s flow.
    func field(named name: String, in intent: IntentID) -> FieldDefinition? {
        catalog.intent(intent)?.flow?.fields.first { $0.name == name }
    }
}

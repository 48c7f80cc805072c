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
            draft.add(secretWarning(scan.findings, language: language))
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
        // "hey i need help my usdt is gone": what follows a greeting is the message, when it says more.
        // "a fake support guy called, nothing was stolen": a denied loss is not a theft to report.
        // A greeting gives way only to a clear reading of the rest ("hi there, how are you" stays a
        // greeting); a denied loss to any other intent, since a theft report would be wrong.
        let strip: (terms: [String], keep: [IntentID], confidence: Double)? =
            switch decided {
            case .greeting: (greetingKeywords(message.language), [.greeting, .goodbye, .outOfScope], 0.75)
            case .reportTheft: (Self.deniedLoss, [.reportTheft, .outOfScope], 0)
            default: nil
            }
        if let strip, let rest = Self.removing(strip.terms, from: message.words) {
            let restPrediction = classifier.classify(rest)
            let restDecided = catalog.configuration.thresholds.decide(restPrediction)
            if restPrediction.confidence >= strip.confidence, !strip.keep.contains(restDecided) {
                (prediction, decided) = (restPrediction, restDecided)
            }
        }
        // "nothing was stolen", "没有被盗，就是担心": still a theft report by its words, but nothing
        // was lost. The security advice fits a worried user better than a report of a theft.
        // With a link in it, the link is what to look at ("I typed my phrase into tp-airdrop.top but
        // nothing was stolen yet").
        if decided == .reportTheft, let denied = Self.blanking(Self.deniedLoss, in: message.normalized),
            !Self.lossPhrases.contains(where: { PhraseMatcher.contains(denied, term: $0) })
        {
            let fallback: IntentID = WebAddress.find(in: message.text) != nil ? .phishingCheck : .securityTips
            if catalog.intent(fallback) != nil { decided = fallback }
        }
        // "a scammer has my seed phrase": a phrase someone else holds is exposed, not lost.
        if decided == .lostMnemonic, catalog.intent(.unauthorizedAccess) != nil,
            Self.says(anyOf: Self.leakedSecret, in: message.normalized)
        {
            decided = .unauthorizedAccess
        }
        // A link sent with a greeting or nothing else ("hey check this https://tokenp0cket.pro/claim")
        // is a link to check: a look-alike site must never get only a "hello".
        if [IntentID.greeting, .goodbye, .outOfScope].contains(decided), catalog.intent(.phishingCheck) != nil,
            let address = WebAddress.find(in: message.text), address.userInfo.isEmpty
        {
            decided = .phishingCheck
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
        // asked): the user's contact goes onto that case.
        if let id = session.lastTicketID, let contact = contactAfterFiling(message) {
            draft.intent = .contactSupport
            let note = catalog.message(.caseContactNote, message.language, ["contact": contact.value])
            return Turn(
                session: session, reply: nil, request: .addNote(ticket: id, note: note), redactedText: message.text,
                draft: draft)
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
        if let question = SafetyQuestion.asked(in: message.normalized), decided != .fakeSupportScam {
            draft.add(fill(catalog.message(.aside(question), message.language), message.language))
            guard let rest = Self.clauses(of: message.words, without: question.phrases),
                case let restDecided = catalog.configuration.thresholds.decide(classifier.classify(rest)),
                catalog.intent(restDecided)?.flow?.createsTicket == true
            else {
                draft.intent = question.intent
                return finish(draft, session: session)
            }
            decided = restDecided
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
            return startFlow(intent, message: message, session: session, draft: draft, carrying: [])
        }
        // "what are your hours? and will support ever ask for my phrase?": each question answered,
        // in the order asked.
        for answer in answers(to: message, readAs: intent) {
            draft.add(fill(answer.reply(message.language), message.language))
        }
        return finish(draft, session: session)
    }

    /// The intents whose replies answer `message`: `intent` (what the whole message reads as), and
    /// when it asks several questions, the intents without a flow that the others ask clearly, each
    /// once, in the order asked.
    private func answers(to message: UserMessage, readAs intent: IntentDefinition) -> [IntentDefinition] {
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
            guard prediction.confidence >= Self.secondQuestionConfidence, !ordered.contains(where: { $0.id == asked }),
                ![IntentID.outOfScope, .greeting, .goodbye, .cancel].contains(asked),
                let definition = catalog.intent(asked), definition.flow?.fields.isEmpty ?? true
            else { continue }
            ordered.append(definition)
        }
        return ordered.contains(where: { $0.id == intent.id }) ? ordered : [intent] + ordered
    }

    /// How sure the classifier must be of a second question in one message to answer it too.
    static let secondQuestionConfidence = 0.75

    /// The user's contact in a message sent after a case was filed: said as theirs ("my email is …"),
    /// or the whole message ("sam@example.com").
    private func contactAfterFiling(_ message: UserMessage) -> EvidenceValue? {
        let flow = FlowState(intent: .contactSupport, priority: .normal)
        if let contact = ownContact(in: message, flow: flow) { return contact }
        // "我的微信是 abc12345，加我": an id without an "@" or a phone's digits, said as theirs.
        if Self.ownContactMarkers.contains(where: { PhraseMatcher.contains(message.normalized, term: $0) }),
            case .accepted(let contact) = validator.validate(message.text, as: .contact, context: context(for: flow, message: message)),
            Self.isReachable(contact)
        {
            return contact
        }
        let counts = CharacterCounts(message.normalized)
        guard counts.hasAt || counts.digits >= Self.shortestPhoneNumber,
            !message.text.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters.subtracting(["@", "+"])))
                .contains(where: \.isWhitespace),
            case .accepted(let contact) = validator.validate(message.text, as: .contact, context: context(for: flow, message: message)),
            Self.isReachable(contact)
        else { return nil }
        return contact
    }

    /// Saying money was lost (normalised), beside a denial ("nothing was stolen from my main wallet,
    /// but my trading wallet was drained").
    static let lossPhrases = [
        "was drained", "got drained", "were stolen", "was stolen", "got stolen", "is gone", "are gone", "被转走了", "被盗了",
        "没了", "不见了",
    ]

    /// Saying someone else holds the phrase or key (normalised).
    static let leakedSecret = [
        "has my seed", "has my phrase", "has my recovery phrase", "has my mnemonic", "has my private key", "have my seed",
        "have my phrase", "have my private key", "knows my seed", "knows my phrase", "got my seed", "got my phrase",
        "stole my seed", "stole my phrase", "stole my private key", "拿到了我的助记词", "拿到我的助记词", "知道了我的助记词",
        "知道我的助记词", "有我的助记词", "拿到了我的私钥", "知道我的私钥", "偷了我的助记词", "助记词泄露", "助记词被泄露", "私钥泄露",
        "私钥被泄露", "助记词被人", "助记词被盗",
    ]

    /// Asking for a known case to be handled sooner (normalised).
    static let expediteWords = [
        "speed it up", "speed up", "expedite", "hurry", "faster", "prioritize", "prioritise", "加急", "加快", "快点",
        "催一下", "催催", "尽快处理", "优先处理",
    ]

    /// Phrases that say nothing was lost (normalised): without them a message may be about
    /// something else than a theft.
    static let deniedLoss = [
        "nothing was stolen", "nothing stolen", "nothing got stolen", "nothing is gone", "nothing was taken",
        "nothing was lost", "nothing lost", "not stolen", "wasn't stolen", "didn't lose", "haven't lost",
        "no money was lost", "no money lost", "no funds lost", "funds are safe", "still there", "没被盗", "没有被盗",
        "没丢", "没有丢", "没有损失", "没损失", "钱还在", "币还在", "资产还在", "没被转走", "没有被转走",
    ].map(TextNormalizer.normalize)

    /// The greeting intent's keywords in `language` ("hey", "您好"), longest first, so "good morning"
    /// goes before a shorter keyword inside it.
    private func greetingKeywords(_ language: Language) -> [String] {
        (catalog.intent(.greeting)?.keywords[language]?.keys).map { $0.sorted { $0.count > $1.count } } ?? []
    }

    /// The clauses of `words` (normalised; split at commas and sentence ends) that hold none of
    /// `terms`, joined, when they make a sentence of their own; nil otherwise. "我的U被盗了，能冻结对方
    /// 地址吗" is "我的U被盗了"; "能冻结对方地址吗" alone leaves nothing.
    static func clauses(of words: String, without terms: [String]) -> String? {
        let kept = TextNormalizer.normalize(words).split(whereSeparator: { ",.;!?，。；！？".contains($0) })
            .filter { clause in !terms.contains { PhraseMatcher.contains(String(clause), term: $0) } }
        let rest = kept.joined(separator: ", ")
        let han = rest.unicodeScalars.count(where: TextNormalizer.isHan)
        let count = rest.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).count
        return han >= 4 || count >= 3 ? rest : nil
    }

    /// `normalized` with every occurrence of `terms` blanked, when there was one; nil otherwise.
    static func blanking(_ terms: [String], in normalized: String) -> String? {
        var rest = normalized
        var removed = false
        for term in terms {
            while let range = PhraseMatcher.firstRange(of: term, in: rest) {
                rest.replaceSubrange(range, with: " ")
                removed = true
            }
        }
        return removed ? rest : nil
    }

    /// `words` (normalised) without any of `terms`, when something was taken out and what is left
    /// is a sentence of its own (three words, or four Han characters); nil otherwise.
    static func removing(_ terms: [String], from words: String) -> String? {
        guard let rest = blanking(terms.map(TextNormalizer.normalize), in: TextNormalizer.normalize(words)) else { return nil }
        let han = rest.unicodeScalars.count(where: TextNormalizer.isHan)
        let count = rest.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).count
        return han >= 4 || count >= 3 ? rest : nil
    }

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

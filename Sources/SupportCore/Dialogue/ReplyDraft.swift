import Foundation

/// The parts of a reply gathered while one message is handled: paragraphs, warnings, the intent it
/// was understood as. Kept on a `Turn` while a desk request is pending, so `resume` can finish it.
struct ReplyDraft: Hashable, Sendable {
    var language: Language
    var intent: IntentID
    var confidence: Double
    var paragraphs: [String] = []
    var warnings: [ReplyWarning] = []
    var ticket: TicketReference?

    init(language: Language, intent: IntentID, confidence: Double) {
        self.language = language
        self.intent = intent
        self.confidence = confidence
    }

    /// Appends a paragraph (blank ones are dropped).
    mutating func add(_ paragraph: String) {
        let trimmed = paragraph.trimmedSpacesAndLines
        if !trimmed.isEmpty { paragraphs.append(trimmed) }
    }

    /// Adds a warning once.
    mutating func warn(_ warning: ReplyWarning) {
        if !warnings.contains(warning) { warnings.append(warning) }
    }

    /// The finished reply; `flow` and `awaiting` come from the session after the turn.
    func reply(in session: Session) -> Reply {
        var awaiting: String?
        if let flow = session.flow {
            awaiting = flow.stage == .collecting ? flow.pendingField : DialogueEngine.awaitingConfirmation
        }
        return Reply(
            text: paragraphs.joined(separator: "\n\n"), language: language, intent: intent,
            confidence: confidence,
            flow: session.flow?.intent, awaiting: awaiting, ticket: ticket, warnings: warnings)
    }
}

/// One user message as the engine works with it: already redacted, normalised once.
struct UserMessage: Sendable {
    /// The redacted text: what the validators read and the store keeps. The secrets themselves are
    /// never read again after scanning.
    var text: String
    var normalized: String
    /// What the user wrote around any secrets, without the placeholders that replaced them: the
    /// classifier reads this, so "[private key removed]" is not taken for a question about keys.
    var words: String
    var language: Language
    var now: Date
    var hasSecret: Bool

    init(text: String, words: String? = nil, language: Language, now: Date, hasSecret: Bool) {
        self.text = text
        self.normalized = TextNormalizer.normalize(text)
        self.words = words ?? text
        self.language = language
        self.now = now
        self.hasSecret = hasSecret
    }

    /// A sentence rather than a one- or two-word answer: three or more words, or five or more Han
    /// characters, not counting a secret's placeholder. Only a sentence may be taken as a different
    /// question in the middle of a flow.
    var isSentenceLike: Bool {
        let words = hasSecret ? TextNormalizer.normalize(self.words) : normalized
        let han = words.unicodeScalars.filter(TextNormalizer.isHan).count
        return han >= 5 || words.split(separator: " ").count >= 3
    }

    /// Ends with a question mark (NFKC has folded the full-width one).
    var isQuestion: Bool { normalized.hasSuffix("?") || normalized.hasSuffix("吗") }

    /// True if the message says funds are still being moved out.
    var saysStillHappening: Bool {
        ControlPhrases.containsAny(
            ControlPhrases.stillHappeningMarkers, in: Array(normalized.unicodeScalars))
    }

    /// The first ticket id (`T-` and six digits) in the message, upper-cased.
    var ticketID: String? {
        let scalars = Array(normalized.unicodeScalars)
        guard scalars.count >= 8 else { return nil }
        for start in 0...(scalars.count - 8) where scalars[start] == "t" && scalars[start + 1] == "-" {
            if start > 0, Self.isAlphanumeric(scalars[start - 1]) { continue }
            let digits = scalars[(start + 2)..<(start + 8)]
            guard digits.allSatisfy({ ("0"..."9").contains($0) }) else { continue }
            if start + 8 < scalars.count, ("0"..."9").contains(scalars[start + 8]) { continue }
            return "T-" + String(String.UnicodeScalarView(digits))
        }
        return nil
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar))
    }
}

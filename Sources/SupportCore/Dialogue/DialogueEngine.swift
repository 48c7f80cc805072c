import Foundation

/// The conversation engine: pure. Same session, message and clock in, same turn out.
/// (API contract; implementation in progress, issue #3.)
public struct DialogueEngine: Sendable {
    public let catalog: Catalog
    public let classifier: IntentClassifier
    public let scanner: SecretScanner
    public let validator: EvidenceValidator

    public init(catalog: Catalog, classifier: IntentClassifier, scanner: SecretScanner) {
        self.catalog = catalog
        self.classifier = classifier
        self.scanner = scanner
        self.validator = EvidenceValidator()
    }

    /// Handles one user message. When the returned turn carries a `request`, the host carries it out
    /// (commits the case, looks up the ticket) and calls `resume(_:with:at:)` for the reply.
    public func handle(_ text: String, in session: Session, at now: Date) -> Turn {
        let scan = scanner.scan(text)
        let language = LanguageDetector.detect(text, fallback: session.language)
        var next = session
        next.language = language
        next.turnCount += 1
        let reply = Reply(text: catalog.intent(.outOfScope)?.reply(language) ?? "", language: language,
                          intent: .outOfScope, confidence: 0)
        return Turn(session: next, reply: reply, redactedText: scan.redacted)
    }

    /// Completes a turn whose request the host has carried out.
    public func resume(_ turn: Turn, with response: DeskResponse, at now: Date) -> Turn {
        var done = turn
        done.request = nil
        return done
    }
}

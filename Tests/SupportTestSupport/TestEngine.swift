import SupportCore

extension TestCatalog {
    private static let sharedEngine: Result<DialogueEngine, any Error> = Result {
        let catalog = try TestCatalog.catalog()
        return DialogueEngine(
            catalog: catalog, classifier: IntentClassifier(catalog: catalog), scanner: SecretScanner(wordlists: try wordlists()))
    }

    /// The engine the bot ships with (real content, real classifier, real scanner), trained once per process.
    public static func engine() throws -> DialogueEngine { try sharedEngine.get() }
}

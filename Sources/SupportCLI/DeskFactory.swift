import Foundation
import SupportCatalog
import SupportCore
import SupportStore

/// Builds the engine from `Intents/` (training the classifier as the catalog loads).
func makeEngine(common: CommonOptions) throws -> DialogueEngine {
    let catalog = try CatalogLoader.load(from: common.intentsDirectory)
    return DialogueEngine(
        catalog: catalog, classifier: makeClassifier(catalog: catalog),
        scanner: SecretScanner(wordlists: try CatalogLoader.bundledWordlists()))
}

/// Trains the intent classifier on every example and keyword of the catalog.
func makeClassifier(catalog: Catalog) -> IntentClassifier {
    var keywords: [IntentID: [String: Double]] = [:]
    for intent in catalog.intents {
        for weights in intent.keywords.values { keywords[intent.id, default: [:]].merge(weights) { max($0, $1) } }
    }
    let examples = catalog.intents.flatMap { intent in
        intent.examples.keys.sorted().flatMap { language in
            (intent.examples[language] ?? []).map { TrainingExample(text: $0, label: intent.id) }
        }
    }
    return IntentClassifier(examples: examples, keywords: keywords)
}

/// The engine plus the SQLite file named by `--db` (or `$SUPPORTBOT_DB`).
func makeDesk(common: CommonOptions, clock: @escaping @Sendable () -> Date = Date.init) throws -> SupportDesk {
    SupportDesk(engine: try makeEngine(common: common), database: try SupportDatabase.open(at: common.databasePath), clock: clock)
}

import Foundation
import SupportCatalog
import SupportCore
import SupportStore

/// Builds the engine from `Intents/` (training the classifier as the catalog loads).
func makeEngine(common: CommonOptions) throws -> DialogueEngine {
    let catalog = try CatalogLoader.load(from: common.intentsDirectory)
    return DialogueEngine(
        catalog: catalog, classifier: IntentClassifier(catalog: catalog),
        scanner: SecretScanner(wordlists: try CatalogLoader.bundledWordlists()))
}

/// The engine plus the SQLite file named by `--db` (or `$SUPPORTBOT_DB`).
func makeDesk(common: CommonOptions, clock: @escaping @Sendable () -> Date = Date.init) throws -> SupportDesk {
    SupportDesk(engine: try makeEngine(common: common), database: try SupportDatabase.open(at: common.databasePath), clock: clock)
}

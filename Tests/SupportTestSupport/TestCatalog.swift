import Foundation
import SupportCatalog
import SupportCore

/// The repository's real `Intents/` and the bundled BIP-39 wordlists, loaded once per test process
/// and shared by every test target.
public enum TestCatalog {
    private static let loaded: Result<LoadedCatalog, CatalogError> = Result { () throws(CatalogError) in
        try CatalogLoader.loadWithSources(from: RepositoryPaths.intents)
    }
    private static let bundledWordlists: Result<MnemonicWordlists, any Error> = Result {
        try CatalogLoader.bundledWordlists()
    }

    /// The shipped catalog.
    /// - Throws: the `CatalogError` naming the file and line that broke loading.
    public static func catalog() throws -> Catalog { try loaded.get().catalog }

    /// The shipped catalog with the location of each piece of content.
    public static func catalogWithSources() throws -> LoadedCatalog { try loaded.get() }

    /// The English, Simplified and Traditional Chinese BIP-39 lists.
    public static func wordlists() throws -> MnemonicWordlists { try bundledWordlists.get() }
}

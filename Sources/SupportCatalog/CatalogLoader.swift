import Foundation
import SupportCore

/// Reads `Intents/` (config.yml, messages.yml, one file per intent) into a `Catalog`.
/// (API contract; implementation in progress, issue #3.)
public enum CatalogLoader {
    /// Loads and checks the catalog in `directory`.
    /// - Throws: `CatalogError` naming the file and line of the first problem.
    public static func load(from directory: URL) throws -> Catalog {
        throw CatalogError(file: directory.path, line: nil, message: "catalog loading is not implemented yet")
    }

    /// The BIP-39 wordlists shipped as resources of this module.
    public static func bundledWordlists() throws -> MnemonicWordlists {
        func words(_ name: String) throws -> [String] {
            guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "bip39") else {
                throw CatalogError(file: "bip39/\(name).txt", line: nil, message: "the BIP-39 wordlist is missing from the build")
            }
            return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        return MnemonicWordlists(
            english: try words("english"), chineseSimplified: try words("chinese_simplified"),
            chineseTraditional: try words("chinese_traditional"))
    }
}

/// A problem in `Intents/`, with the file and line to fix.
public struct CatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
    public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}

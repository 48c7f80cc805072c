import Foundation
import SupportCore

/// Shared inputs of the secret-scanner tests: the shipped BIP-39 lists (read from the repository, the
/// core does no I/O), the spec vectors in `Fixtures/address_vectors.json`, and the ordinary-text fixtures.
enum SecretTestData {
    /// The repository root, found from this file (symlinks resolved, so a scratch package linking the
    /// test files still finds the real repository).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let fixtures: URL = repositoryRoot.appendingPathComponent("Tests/SupportCoreTests/Fixtures")

    static func lines(of url: URL) -> [String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).map(String.init)
    }

    static let wordlists: MnemonicWordlists = {
        let directory = repositoryRoot.appendingPathComponent("Sources/SupportCatalog/Resources/bip39")
        func words(_ name: String) -> [String] { lines(of: directory.appendingPathComponent("\(name).txt")) }
        return MnemonicWordlists(
            english: words("english"), chineseSimplified: words("chinese_simplified"),
            chineseTraditional: words("chinese_traditional"))
    }()

    static let scanner = SecretScanner(wordlists: wordlists)

    /// Ordinary lines (no secrets) in `Fixtures/<name>`; blank lines and `#` comments skipped.
    static func ordinaryLines(_ name: String) -> [String] {
        lines(of: fixtures.appendingPathComponent(name)).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    private static var vectors: [String: Any] {
        guard let data = try? Data(contentsOf: fixtures.appendingPathComponent("address_vectors.json")),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }

    private static func vectorList(_ key: String) -> [[String: String]] {
        let section = vectors[key] as? [String: Any]
        let list = section?["vectors"] as? [[String: Any]] ?? []
        return list.map { $0.compactMapValues { $0 as? String } }
    }

    /// Trezor `vectors.json` English mnemonics (all valid).
    static let englishMnemonics: [String] = vectorList("bip39_english").compactMap { $0["mnemonic"] }
    /// BIP-32 root xprvs from the Trezor vectors.
    static let trezorRootKeys: [String] = vectorList("bip39_english").compactMap { $0["bip32_root_xprv"] }
    /// Chinese mnemonics (simplified and traditional, computed with python-mnemonic).
    static let chineseMnemonics: [String] = vectorList("bip39_chinese_computed").compactMap { $0["mnemonic"] }

    /// Public sample keys (never funded) from the domain notes.
    static var privateKeyFormats: [String: String] {
        (vectors["private_key_formats"] as? [String: Any])?.compactMapValues { $0 as? String } ?? [:]
    }

    static var solanaSignatures: [String] {
        (vectors["solana"] as? [String: Any])?["signatures_64_bytes"] as? [String] ?? []
    }
}

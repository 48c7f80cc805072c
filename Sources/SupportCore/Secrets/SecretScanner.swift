import Foundation

/// Finds recovery phrases and private keys in a message and replaces each with a typed placeholder.
/// (API contract; implementation in progress, issue #7.)
public struct SecretScanner: Sendable {
    public let wordlists: MnemonicWordlists
    public init(wordlists: MnemonicWordlists) { self.wordlists = wordlists }

    /// Scans `text`. With `expectingTransactionID`, a bare 64-hex or 64-byte base58 token is taken as a
    /// transaction id rather than a key (the flow is asking for a tx hash).
    public func scan(_ text: String, expectingTransactionID: Bool = false) -> SecretScan {
        SecretScan(redacted: text, findings: [])
    }
}

/// The BIP-39 wordlists, loaded by `SupportCatalog` from the shipped resources (the core does no I/O).
public struct MnemonicWordlists: Sendable {
    public var english: [String]
    public var chineseSimplified: [String]
    public var chineseTraditional: [String]
    public init(english: [String], chineseSimplified: [String], chineseTraditional: [String]) {
        self.english = english
        self.chineseSimplified = chineseSimplified
        self.chineseTraditional = chineseTraditional
    }
}

/// The result of a scan: the text safe to store, and what was removed (kinds only, never content).
public struct SecretScan: Hashable, Sendable {
    public var redacted: String
    public var findings: [SecretKind]
    public var hasSecret: Bool { !findings.isEmpty }
    public init(redacted: String, findings: [SecretKind]) {
        self.redacted = redacted
        self.findings = findings
    }
}

/// The kinds of secret the scanner recognises.
public enum SecretKind: String, Codable, Hashable, Sendable, CaseIterable {
    case mnemonic
    case privateKey = "private_key"
    case wif
    case extendedPrivateKey = "extended_private_key"
    case bip38
    case solanaKeypair = "solana_keypair"
    case keystore

    /// What replaces the secret's span: `[mnemonic removed]`, `[private key removed]`, ….
    public var placeholder: String { "[\(rawValue.replacingOccurrences(of: "_", with: " ")) removed]" }
}

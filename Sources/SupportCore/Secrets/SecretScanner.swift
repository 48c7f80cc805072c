import Foundation

/// Finds recovery phrases and private keys in a message and replaces each with a typed placeholder.
///
/// Recognised (DOMAIN.md §2): BIP-39 mnemonics (English, simplified and traditional Chinese; spaced,
/// numbered, gridded or, for Chinese, unspaced), raw secp256k1 keys, WIF, extended private keys, BIP-38,
/// Solana keypairs (Base58 or a JSON array of 64 bytes) and keystore JSON. A 64-hex or 64-byte Base58
/// token is either a key or a transaction id; it is left alone only with transaction evidence (the flow
/// asks for a tx hash, an explorer URL, or a tx/hash word nearby) and redacted otherwise.
///
/// Known, accepted false positive: an unspaced run of Chinese list characters that fills a line, passes
/// the BIP-39 checksum and is not made of mostly common characters is redacted even if it was a sentence;
/// redacting a harmless sentence costs little, storing a phrase costs a wallet.
public struct SecretScanner: Sendable {
    public let wordlists: MnemonicWordlists
    let index: MnemonicIndex

    /// Builds the lookup tables once; keep one scanner for the process rather than one per message.
    public init(wordlists: MnemonicWordlists) {
        self.wordlists = wordlists
        self.index = MnemonicIndex(wordlists)
    }

    /// Scans `text`. With `expectingTransactionID`, a bare 64-hex or 64-byte base58 token is taken as a
    /// transaction id rather than a key (the flow is asking for a tx hash).
    public func scan(_ text: String, expectingTransactionID: Bool = false) -> SecretScan {
        let candidates = SecretCandidates(text)
        let mayHoldPassword = Self.mayHoldPassword(text)
        guard candidates.any || mayHoldPassword else { return SecretScan(redacted: text, findings: []) }
        let scalars = Array(text.unicodeScalars)
        var spans: [SecretSpan] = []
        if mayHoldPassword { spans += passwordSpans(in: scalars) }
        if candidates.hasLongToken {
            spans += keySpans(in: scalars, expectingTransactionID: expectingTransactionID)
        }
        if candidates.mayHoldKeystore { spans += keystoreSpans(in: scalars) }
        if candidates.mayHoldByteArray { spans += byteArraySpans(in: scalars) }
        if candidates.mayHoldMnemonic, !index.isEmpty { spans += mnemonicSpans(in: scalars) }
        guard !spans.isEmpty else { return SecretScan(redacted: text, findings: []) }
        return Self.redact(scalars, spans: spans)
    }

    // MARK: - Redaction

    /// Replaces each span (overlaps merged, the earliest span's kind kept) with its placeholder.
    static func redact(_ scalars: [Unicode.Scalar], spans: [SecretSpan]) -> SecretScan {
        let sorted = spans.sorted { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        var merged: [SecretSpan] = []
        for span in sorted {
            if let last = merged.last, span.range.lowerBound < last.range.upperBound {
                let upper = max(last.range.upperBound, span.range.upperBound)
                merged[merged.count - 1].range = last.range.lowerBound..<upper
            } else {
                merged.append(span)
            }
        }
        var output = String.UnicodeScalarView()
        var userWords = String.UnicodeScalarView()
        var cursor = 0
        for span in merged {
            output.append(contentsOf: scalars[cursor..<span.range.lowerBound])
            userWords.append(contentsOf: scalars[cursor..<span.range.lowerBound])
            output.append(contentsOf: span.kind.placeholder.unicodeScalars)
            cursor = span.range.upperBound
        }
        output.append(contentsOf: scalars[cursor...])
        userWords.append(contentsOf: scalars[cursor...])
        return SecretScan(redacted: String(output), findings: merged.map(\.kind), userWords: String(userWords))
    }
}

/// A secret found at `range` (offsets into the message's unicode scalars).
struct SecretSpan: Hashable, Sendable {
    var range: Range<Int>
    var kind: SecretKind
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
    /// The message with each secret cut out and nothing in its place: only what the user wrote
    /// around the secrets. This, not `redacted`, decides the reply's language and intent, since a
    /// placeholder's English words ("[private key removed]") are ours, not the user's. Never stored.
    public var userWords: String
    public var hasSecret: Bool { !findings.isEmpty }
    public init(redacted: String, findings: [SecretKind], userWords: String? = nil) {
        self.redacted = redacted
        self.findings = findings
        self.userWords = userWords ?? redacted
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
    /// A password typed after the word ("my password is …"): a wallet password opens the wallet on
    /// the device and often more.
    case password

    /// What replaces the secret's span: `[mnemonic removed]`, `[private key removed]`, ….
    public var placeholder: String { "[\(rawValue.replacingOccurrences(of: "_", with: " ")) removed]" }
}

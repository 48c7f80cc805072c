import Foundation
import SupportCore
import Testing

/// Private keys in their export formats, and the key-or-transaction-id policy (DOMAIN.md §2).
@Suite("SecretScanner: keys")
struct KeyScanTests {
    let scanner = SecretTestData.scanner
    static let formats = SecretTestData.privateKeyFormats
    static let rawKey = formats["raw_hex"] ?? ""
    static let solanaSignature = SecretTestData.solanaSignatures.first ?? ""
    /// A Phantom-style export: Base58 of 64 bytes (deterministic, not a real key).
    static let solanaKeypair = Base58.encode((0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })
    /// BIP-38 shape: Base58Check of 0x01 0x42 ‖ flag ‖ 4-byte address hash ‖ 32 bytes ("6P…", 58 chars).
    static let bip38 = Base58.encodeCheck([0x01, 0x42, 0xC0] + (0..<36).map { UInt8(truncatingIfNeeded: $0 &* 7) })

    @Test("the sample values have the documented shapes")
    func sampleShapes() {
        #expect(Self.rawKey.count == 64)
        #expect(Self.solanaSignature.count == 88)
        #expect(Base58.decode(Self.solanaKeypair)?.count == 64)
        #expect(Self.bip38.hasPrefix("6P") && Self.bip38.count == 58)
    }

    static let certainSecrets: [(String, SecretKind)] =
        [
            (formats["wif_mainnet_uncompressed"] ?? "", .wif),
            (formats["wif_mainnet_compressed"] ?? "", .wif),
            (formats["wif_testnet_uncompressed"] ?? "", .wif),
            (formats["wif_testnet_compressed"] ?? "", .wif),
            (formats["xprv_bip32_test_vector_1_m"] ?? "", .extendedPrivateKey),
            (formats["zprv_slip0132"] ?? "", .extendedPrivateKey),
            (bip38, .bip38),
        ] + SecretTestData.trezorRootKeys.map { ($0, SecretKind.extendedPrivateKey) }

    @Test("WIF, extended private keys and BIP-38 are removed in any context", arguments: certainSecrets)
    func certainSecret(_ secret: String, _ kind: SecretKind) {
        #expect(!secret.isEmpty)
        for (before, after) in [("", ""), ("my tx hash is ", " ok?"), ("导入这个：", "。"), ("key=", "&x=1")] {
            for expecting in [false, true] {
                let scan = scanner.scan(before + secret + after, expectingTransactionID: expecting)
                #expect(scan.findings == [kind])
                #expect(scan.redacted == before + kind.placeholder + after)
                #expect(!scan.redacted.contains(secret.prefix(12)))
            }
        }
    }

    @Test("the user's own words are the message without its secrets, with no placeholder in their place")
    func userWords() {
        let keyInChinese = scanner.scan("私钥是 \(Self.rawKey)，还能用吗")
        #expect(keyInChinese.redacted == "私钥是 [private key removed]，还能用吗")
        #expect(keyInChinese.userWords == "私钥是 ，还能用吗")
        #expect(scanner.scan(Self.rawKey).userWords == "")
        let ordinary = scanner.scan("where is my USDT")
        #expect(ordinary.userWords == "where is my USDT")
        #expect(ordinary.userWords == ordinary.redacted)
    }

    @Test(
        "near misses are left alone",
        arguments: [
            // WIF with a broken checksum
            "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTK",
            // extended public key: not a secret
            formats["xpub_bip32_test_vector_1_m"] ?? "",
            // EVM addresses (40 hex) and the FBI look-alikes (41 and 56 hex)
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xde709f2102306220921060314715629080e2fb77",
            "0x58566904f57eac4E9EDd81BbC2f877865ECd35985", "0xfa485de419011ceefdd3cd00a4ff64e52bf9a0dfa528e4fff8bb4c9c",
            // 64 hex outside 1 ≤ k < n
            String(repeating: "0", count: 64), String(repeating: "f", count: 64),
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141",
            // 63 and 65 hex digits
            String(rawKey.dropLast()), rawKey + "a",
            // addresses: TRON, BTC, Solana
            "TUoHaVjx7n5xz8LwPRDckgFrDWhMhuSuJM", "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu",
            "14grJpemFaf88c8tiVb77W7TYg2W3ir6pfkKz3YjhhZ5",
        ])
    func nearMiss(_ token: String) {
        #expect(!token.isEmpty)
        let text = "please look at \(token) thanks"
        #expect(scanner.scan(text) == SecretScan(redacted: text, findings: []))
    }

    @Test("the largest valid key (n − 1) and the smallest (1) are keys")
    func curveRangeEdges() {
        for key in [
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364140", String(repeating: "0", count: 63) + "1",
        ] {
            #expect(scanner.scan(key).findings == [.privateKey])
        }
    }

    // MARK: Ambiguity policy

    static let ambiguous: [(String, SecretKind)] = [
        (rawKey, .privateKey), ("0x" + rawKey, .privateKey), ("0X" + rawKey.uppercased(), .privateKey),
        // the TRON docs' example txid: same shape as a key
        ("01b4cde4197b9d1a1ff09ef5d2b1d939d3ec2401b3f002ebd0802c0f30a6e4ca", .privateKey),
        (solanaSignature, .solanaKeypair), (solanaKeypair, .solanaKeypair),
    ]

    /// Sentences with no deciding word, or a key word: the token is a secret.
    static let secretContexts: [(String, String)] = [
        ("", ""), ("here: ", ""), ("I sent USDT ", " yesterday"), ("my private key is ", ""), ("私钥：", ""),
        ("这是我的密钥 ", " 帮我看看"), ("key: ", ""), ("", " is my key"), ("导出的私钥", "能恢复吗"),
        ("the tx failed so here is my private key ", ""),
    ]

    /// Sentences that mark a transaction id.
    static let transactionContexts: [(String, String)] = [
        ("tx: ", ""), ("txid ", " not arrived"), ("Transaction hash ", ""), ("交易哈希：", ""), ("哈希 ", "，还没到账"),
        ("交易号是", ""), ("https://etherscan.io/tx/", ""), ("https://tronscan.org/#/transaction/", ""),
        ("https://solscan.io/tx/", "?cluster=mainnet"), ("see mempool.space/tx/", " pls"), ("my tx ", " is pending"),
        ("", " is the tx hash"), ("signature ", ""),
    ]

    @Test("a 64-hex or 64-byte Base58 token with no tx evidence is a secret", arguments: ambiguous)
    func ambiguousIsSecret(_ token: String, _ kind: SecretKind) {
        for (before, after) in Self.secretContexts {
            let scan = scanner.scan(before + token + after)
            #expect(scan.findings == [kind], "\(before)…\(after)")
            #expect(scan.redacted == before + kind.placeholder + after)
        }
    }

    @Test("next to tx/hash words or in an explorer URL it is a transaction id", arguments: ambiguous)
    func ambiguousIsTransaction(_ token: String, _ kind: SecretKind) {
        for (before, after) in Self.transactionContexts {
            let text = before + token + after
            #expect(scanner.scan(text) == SecretScan(redacted: text, findings: []), "\(before)…\(after)")
        }
    }

    @Test(
        "when the flow expects a tx hash it is a transaction id, unless a key word says otherwise", arguments: ambiguous
    )
    func expectingTransaction(_ token: String, _ kind: SecretKind) {
        for text in [token, "here it is: \(token)", "\(token) 谢谢"] {
            #expect(scanner.scan(text, expectingTransactionID: true).findings.isEmpty)
        }
        for (before, after) in [("my private key ", ""), ("私钥 ", ""), ("", " (that is my key)")] {
            let scan = scanner.scan(before + token + after, expectingTransactionID: true)
            #expect(scan.redacted == before + kind.placeholder + after)
        }
    }

    @Test("a key word closer than a tx word wins, and the other way round")
    func nearestWordWins() {
        let key = Self.rawKey
        #expect(scanner.scan("tx is stuck. private key: \(key)").findings == [.privateKey])
        #expect(scanner.scan("my key was stolen, the tx hash is \(key)").findings.isEmpty)
        // "key" inside other words does not count
        #expect(scanner.scan("monkey keyboard tx \(key)").findings.isEmpty)
    }

    @Test("several secrets in one message are all removed, text between them kept")
    func severalSecrets() {
        let wif = Self.formats["wif_mainnet_compressed"] ?? ""
        let text = "a \(Self.rawKey) b \(wif) c"
        let scan = scanner.scan(text)
        #expect(scan.findings == [.privateKey, .wif])
        #expect(scan.redacted == "a [private key removed] b [wif removed] c")
    }

    // MARK: JSON

    static let keystore = """
        {"address":"008aeeda4d805471df9b2a5b0f38a0c3bcba786b","crypto":{"cipher":"aes-128-ctr",\
        "ciphertext":"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",\
        "cipherparams":{"iv":"6087dab2f9fdbbfaddc31a909735c1e6"},"kdf":"scrypt",\
        "kdfparams":{"dklen":32,"n":262144,"p":8,"r":1,\
        "salt":"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},\
        "mac":"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},\
        "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
        """

    @Test("a keystore file is removed as one object, text around it kept")
    func keystoreObject() {
        let scan = scanner.scan("my file:\n\(Self.keystore)\nwhat is the password?")
        #expect(scan.findings == [.keystore])
        #expect(scan.redacted == "my file:\n\(SecretKind.keystore.placeholder)\nwhat is the password?")
        let pretty = Self.keystore.replacingOccurrences(of: ",", with: ",\n  ").replacingOccurrences(
            of: "\"crypto\"", with: "\"Crypto\"")
        #expect(scanner.scan("x " + pretty).redacted == "x " + SecretKind.keystore.placeholder)
    }

    @Test("a keystore cut short is removed from its opening brace to the end")
    func keystoreTruncated() {
        let cut = String(Self.keystore.prefix(260))
        let scan = scanner.scan("help " + cut)
        #expect(scan.findings.contains(.keystore))
        #expect(scan.redacted == "help " + SecretKind.keystore.placeholder)
    }

    @Test("JSON without a cipher text is not a keystore")
    func notKeystore() {
        let text = #"{"kdf":"scrypt","address":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"} and a ciphertext question"#
        #expect(scanner.scan(#"{"address":"x","crypto":{"cipher":"aes"}}"#).findings.isEmpty)
        #expect(scanner.scan(text.replacingOccurrences(of: "kdf", with: "kind")).findings.isEmpty)
    }

    static let keypairArray = "[" + (0..<64).map { String(($0 * 97 + 13) % 256) }.joined(separator: ",") + "]"

    @Test("a Solana id.json byte array is removed")
    func solanaArray() {
        let spaced = Self.keypairArray.replacingOccurrences(of: ",", with: ", ")
        for array in [Self.keypairArray, spaced, spaced.replacingOccurrences(of: "[", with: "[\n  ")] {
            let scan = scanner.scan("id.json = \(array) ok")
            #expect(scan.findings == [.solanaKeypair])
            #expect(scan.redacted == "id.json = [solana keypair removed] ok")
        }
    }

    @Test("arrays that are not 64 bytes are kept")
    func notSolanaArray() {
        let sixtyThree = "[" + Array(repeating: "7", count: 63).joined(separator: ",") + "]"
        let sixtyFive = "[" + Array(repeating: "7", count: 65).joined(separator: ",") + "]"
        let tooBig = Self.keypairArray.replacingOccurrences(of: "[13,", with: "[256,")
        for text in [sixtyThree, sixtyFive, tooBig, String(Self.keypairArray.dropLast())] {
            #expect(scanner.scan(text).findings.isEmpty)
        }
    }
}

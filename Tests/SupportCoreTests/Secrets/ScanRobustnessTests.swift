import Foundation
import SupportCore
import Testing

/// Inputs that once troubled (or could trouble) index arithmetic: the scanner must return, and a scan that
/// finds nothing must return the text unchanged.
@Suite("SecretScanner: robustness")
struct ScanRobustnessTests {
    let scanner = SecretTestData.scanner
    static let key = "0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d"

    static let oddInputs: [String] = [
        "", " ", "\n\n\n", "\u{0}", "[", "]", "{", "}", "[]", "{}", "\"", "\\", "[,,,,]", "[-1]",
        "[" + String(repeating: "9", count: 40) + "]",
        String(repeating: "[", count: 5000), String(repeating: "{", count: 5000), String(repeating: "{\"", count: 2000),
        String(repeating: "1,", count: 100), "[" + String(repeating: "1,", count: 63) + "1",
        "👨‍👩‍👧‍👦" + key + "👍🏽", "e\u{301}" + key + "\u{301}\u{302}", "\u{202E}" + key + "\u{202C}",
        "ciphertext kdf", "\"ciphertext\" \"kdf\" }", "ciphertextkdf{", String(repeating: "ciphertext kdf ", count: 50),
        String(repeating: "的", count: 5000), String(repeating: "的 ", count: 3000), String(repeating: "abandon ", count: 3000),
        String(repeating: "a", count: 20_000), String(repeating: "f", count: 20_000), String(repeating: "1", count: 600),
        "助记词", "助记词" + String(repeating: "，", count: 50), "seed phrase", "①②③④⑤⑥⑦⑧⑨⑩⑪⑫",
        "1. 2. 3. 4. 5. 6. 7. 8. 9. 10. 11. 12.", "０ｘ" + key, "𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉𠀊𠀋", "丽丽丽丽丽丽丽丽丽丽丽丽",
        "\u{FEFF}" + key, "私钥" + key + "私钥", "tx" + key + "tx", "0x" + key + "0x",
    ]

    @Test("odd inputs return, and unchanged text means no findings", arguments: oddInputs)
    func oddInput(_ text: String) {
        for expecting in [false, true] {
            let scan = scanner.scan(text, expectingTransactionID: expecting)
            #expect(scan.findings.isEmpty == (scan.redacted == text))
        }
    }

    static let secrets: [String] =
        SecretTestData.englishMnemonics + SecretTestData.chineseMnemonics
        + SecretTestData.privateKeyFormats.filter { $0.key != "xpub_bip32_test_vector_1_m" && $0.key.first != "_" }
        .filter { $0.key != "source" }.map(\.value)

    @Test("a redacted text scans clean: placeholders never look like secrets", arguments: secrets)
    func redactionIsFinal(_ secret: String) {
        let scan = scanner.scan("a \(secret) b \(secret)\nc \(secret)")
        #expect(scan.findings.count == 3)
        #expect(scanner.scan(scan.redacted).findings.isEmpty)
    }

    @Test("an empty wordlist finds no phrase but still finds keys")
    func emptyWordlists() {
        let bare = SecretScanner(wordlists: MnemonicWordlists(english: [], chineseSimplified: [], chineseTraditional: []))
        #expect(bare.scan(SecretTestData.englishMnemonics.first ?? "").findings.isEmpty)
        #expect(bare.scan(Self.key).findings == [.privateKey])
    }
}

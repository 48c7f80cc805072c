import Foundation
import SupportCore
import Testing

/// Recovery phrases in every shape users paste them: the scanner must remove the whole phrase and keep
/// the words around it.
@Suite("SecretScanner: recovery phrases")
struct MnemonicScanTests {
    let scanner = SecretTestData.scanner
    static let placeholder = SecretKind.mnemonic.placeholder
    static let abandonAbout = Array(repeating: "abandon", count: 11) + ["about"]
    static let legalWinner = "legal winner thank year wave sausage worth useful legal winner thank yellow"
        .split(separator: " ").map(String.init)

    /// Lower-case ASCII words of `text`.
    static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
    }

    @Test("the lists load (2048 words each)")
    func wordlistsLoad() {
        #expect(SecretTestData.wordlists.english.count == 2048)
        #expect(SecretTestData.wordlists.chineseSimplified.count == 2048)
        #expect(SecretTestData.wordlists.chineseTraditional.count == 2048)
        #expect(SecretTestData.englishMnemonics.count == 24)
        #expect(SecretTestData.chineseMnemonics.count == 8)
    }

    @Test(
        "every Trezor vector is removed from a sentence, surrounding words kept",
        arguments: SecretTestData.englishMnemonics)
    func trezorVectorInSentence(_ phrase: String) {
        let text = "Hey, is it ok? \(phrase) - tia!"
        let scan = scanner.scan(text)
        #expect(scan.findings == [.mnemonic])
        #expect(scan.redacted == "Hey, is it ok? \(Self.placeholder) - tia!")
        #expect(Self.words(scan.redacted).isDisjoint(with: Self.words(phrase)))
    }

    @Test("a phrase alone becomes exactly the placeholder", arguments: SecretTestData.englishMnemonics)
    func trezorVectorAlone(_ phrase: String) {
        #expect(scanner.scan(phrase) == SecretScan(redacted: Self.placeholder, findings: [.mnemonic], userWords: ""))
    }

    static func numbered(_ words: [String], _ number: (Int) -> String, separator: String = " ") -> String {
        words.enumerated().map { "\(number($0.offset + 1))\($0.element)" }.joined(separator: separator)
    }

    static let circled = Array("①②③④⑤⑥⑦⑧⑨⑩⑪⑫").map(String.init)

    /// Layouts of `legal winner … yellow` (a valid phrase) and `abandon ×12` (fails the checksum).
    static let layouts: [String] = [legalWinner, abandonAbout, Array(repeating: "abandon", count: 12)].flatMap {
        words -> [String] in
        [
            words.joined(separator: " "),
            words.joined(separator: "\n"),
            words.joined(separator: "\u{3000}"),
            words.joined(separator: "，"),
            words.joined(separator: "、"),
            words.joined(separator: "；"),
            words.joined(separator: "。"),
            words.joined(separator: ", "),
            words.joined(separator: "  \t "),
            numbered(words, { "\($0). " }),
            numbered(words, { "\($0)." }, separator: "\n"),
            numbered(words, { "\($0)) " }),
            numbered(words, { "(\($0)) " }),
            numbered(words, { circled[$0 - 1] }),
            numbered(words, { "\($0)-" }, separator: "  "),
            numbered(words, { "#\($0) " }),
            // 3 × 4 and 4 × 3 grids
            stride(from: 0, to: 12, by: 4).map { words[$0..<($0 + 4)].joined(separator: " ") }.joined(separator: "\n"),
            stride(from: 0, to: 12, by: 3).map { words[$0..<($0 + 3)].joined(separator: "\t") }.joined(separator: "\n"),
            stride(from: 0, to: 12, by: 4).map { r in
                (r..<(r + 4)).map { "\($0 + 1). \(words[$0])" }.joined(separator: "   ")
            }.joined(separator: "\n"),
            words.joined(separator: " ").uppercased(),
            words.map(\.capitalized).joined(separator: " "),
            // 4-letter prefixes and truncations that wallets accept
            words.map { String($0.prefix(4)) }.joined(separator: " "),
            words.map { String($0.prefix(5)) }.joined(separator: " "),
            // full-width letters (NFKD folds them)
            String(
                words.joined(separator: " ").unicodeScalars.map { s in
                    s == " " ? "\u{3000}" : Character(Unicode.Scalar(s.value - 0x41 + 0xFF21)!)
                }),
        ]
    }

    @Test("numbered, gridded, separated, upper-case, prefixed and full-width layouts", arguments: layouts)
    func layout(_ text: String) {
        let framed = "my wallet words:\n\(text)\nis it ok?"
        let scan = scanner.scan(framed)
        #expect(scan.findings == [.mnemonic])
        #expect(scan.redacted.hasPrefix("my wallet words:\n"))
        #expect(scan.redacted == "my wallet words:\n\(Self.placeholder)\nis it ok?")
        let remaining = Self.words(scan.redacted)
        #expect(remaining.isDisjoint(with: Self.words(Self.legalWinner.joined(separator: " ") + " abandon about")))
        #expect(remaining.isDisjoint(with: ["lega", "winn", "aban", "abou", "legal", "aband"]))
    }

    @Test("24-word phrases and 15/18/21-word phrases")
    func longerPhrases() {
        for phrase in SecretTestData.englishMnemonics where phrase.split(separator: " ").count > 12 {
            let scan = scanner.scan("pls => \(phrase) <=")
            #expect(scan.redacted == "pls => \(Self.placeholder) <=")
        }
        let eighteen = Array(Self.legalWinner + Self.legalWinner.prefix(6)).joined(separator: " ")
        #expect(scanner.scan(eighteen).findings == [.mnemonic])
    }

    @Test(
        "a phrase with one typo, a wrong word or a checksum failure is still removed",
        arguments: [
            // typo in the middle (one substitution), at the end, at the start
            "legal winner thank year wave sausage worht useful legal winner thank yellow",
            "legal winner thank year wave sausage worth useful legal winner thank yelow",
            "legall winner thank year wave sausage worth useful legal winner thank yellow",
            // a list word replaced by another (checksum fails)
            "legal winner thank year wave sausage worth useful legal winner thank zoo",
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon",
        ])
    func damagedPhrase(_ phrase: String) {
        let scan = scanner.scan("I typed: \(phrase). Is it right?")
        #expect(scan.findings == [.mnemonic])
        #expect(scan.redacted.hasPrefix("I typed: "))
        #expect(scan.redacted.hasSuffix(". Is it right?"))
        #expect(Self.words(scan.redacted).isDisjoint(with: Self.words(phrase)))
    }

    @Test("two phrases in one message are both removed")
    func twoPhrases() {
        let text = "1st: \(Self.abandonAbout.joined(separator: " ")) / 2nd: \(Self.legalWinner.joined(separator: " "))"
        let scan = scanner.scan(text)
        #expect(scan.findings == [.mnemonic, .mnemonic])
        #expect(scan.redacted == "1st: \(Self.placeholder) / 2nd: \(Self.placeholder)")
    }

    @Test("eleven list words are not a phrase")
    func elevenWords() {
        let text = Self.legalWinner.prefix(11).joined(separator: " ")
        #expect(scanner.scan(text).findings.isEmpty)
        #expect(
            scanner.scan(
                "I " + Self.legalWinner.prefix(6).joined(separator: " ") + " and "
                    + Self.legalWinner.suffix(6).joined(separator: " ")
            ).findings.isEmpty)
    }

    // MARK: Chinese

    static let chineseSpacings: [@Sendable (String) -> String] = [
        { $0 },
        { $0.replacingOccurrences(of: " ", with: "\u{3000}") },
        { $0.replacingOccurrences(of: " ", with: "，") },
        { $0.replacingOccurrences(of: " ", with: "、") },
        { $0.replacingOccurrences(of: " ", with: "；") },
        { $0.replacingOccurrences(of: " ", with: "。") },
        { $0.replacingOccurrences(of: " ", with: "\n") },
        { numbered($0.split(separator: " ").map(String.init), { "\($0). " }) },
        { numbered($0.split(separator: " ").map(String.init), { circled[$0 - 1] }) },
        { numbered($0.split(separator: " ").map(String.init), { "(\($0))" }) },
    ]

    static let chineseSpaced: [String] = SecretTestData.chineseMnemonics.flatMap { phrase in
        chineseSpacings.map { $0(phrase) }
    }

    /// Asserts the phrase is gone: the text equals prefix + placeholder + suffix, so none of its
    /// characters remain where the phrase was.
    func expectRemoved(
        _ phrase: String, prefix: String, suffix: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let scan = scanner.scan(prefix + phrase + suffix)
        #expect(scan.findings == [.mnemonic], sourceLocation: sourceLocation)
        #expect(scan.redacted == prefix + Self.placeholder + suffix, sourceLocation: sourceLocation)
        let characters = Set(phrase.unicodeScalars.filter { $0.properties.isIdeographic })
        let region = scan.redacted.unicodeScalars.dropFirst(prefix.unicodeScalars.count)
            .dropLast(suffix.unicodeScalars.count)
        #expect(region.allSatisfy { !characters.contains($0) }, sourceLocation: sourceLocation)
    }

    @Test("spaced Chinese phrases (simplified and traditional, all separators)", arguments: chineseSpaced)
    func chineseSpacedPhrase(_ phrase: String) {
        expectRemoved(phrase, prefix: "帮我看看：", suffix: "，谢谢")
        expectRemoved(phrase, prefix: "", suffix: "")
    }

    static let unspaced = SecretTestData.chineseMnemonics.map { $0.replacingOccurrences(of: " ", with: "") }

    @Test("an unspaced phrase after a keyword is removed, checksum or not", arguments: unspaced + ["枪疫霉尝俩闹饿贤枪疫霉卫"])
    func unspacedAfterKeyword(_ phrase: String) {
        expectRemoved(phrase, prefix: "我的助记词是：", suffix: "，怎么导入")
        expectRemoved(phrase, prefix: "助记词：", suffix: "")
        expectRemoved(phrase, prefix: "種子：\n", suffix: "\n請幫忙")
        expectRemoved(phrase, prefix: "seed phrase ", suffix: "")
    }

    @Test("an unspaced phrase alone on its line is removed when its checksum passes")
    func unspacedAlone() {
        for phrase in ["枪疫霉尝俩闹饿贤枪疫霉卿", "槍疫黴嘗倆鬧餓賢槍疫黴卿", "歇歇歇歇歇歇歇歇歇歇歇逻"] {
            expectRemoved(phrase, prefix: "", suffix: "")
            expectRemoved(phrase, prefix: "你好\n", suffix: "\n这个对吗")
            expectRemoved(phrase, prefix: "好的\n", suffix: "。")
        }
    }

    @Test("an unspaced phrase set apart by spaces or punctuation inside a sentence is removed when its checksum passes")
    func unspacedStandingApart() {
        // Random phrases with a valid checksum (drawn with Python's `random` and `hashlib`); the test
        // vectors of all-zero or repeated entropy read as common characters, which only a keyword lets through.
        for phrase in ["枪疫霉尝俩闹饿贤枪疫霉卿", "斤腐烂船赖舞玩闲翼缓幸秋", "摄砍电认洁惯商顿凭团酯勒", "驻粗党杜亏哀损手心判坑胜"] {
            expectRemoved(phrase, prefix: "我之前把助记词存在备忘录里 ", suffix: " 可能被看到了")
            expectRemoved(phrase, prefix: "帮我看看（", suffix: "）这个钱包")
        }
        // Ordinary clauses set apart the same way read as sentences.
        for text in ["我 可以再给我放一首碎心石吧 谢谢", "你好，我想问一下我的钱包里的钱为什么没有了，急"] {
            #expect(scanner.scan(text).findings.isEmpty, "\(text)")
        }
    }

    @Test("an unspaced phrase in a 3×4 or 4×3 grid is removed")
    func unspacedGrid() {
        let phrase = Array("枪疫霉尝俩闹饿贤枪疫霉卿").map(String.init)
        let rows4 = stride(from: 0, to: 12, by: 4).map { phrase[$0..<($0 + 4)].joined() }
        let rows3 = stride(from: 0, to: 12, by: 3).map { phrase[$0..<($0 + 3)].joined() }
        expectRemoved(rows4.joined(separator: "\n"), prefix: "", suffix: "")
        expectRemoved(rows3.joined(separator: "\n"), prefix: "看一下\n", suffix: "")
        expectRemoved(rows4.joined(separator: " "), prefix: "", suffix: "")
        let zeros = Array("的的的的的的的的的的的在").map(String.init)
        let grid = stride(from: 0, to: 12, by: 4).map { zeros[$0..<($0 + 4)].joined() }.joined(separator: "\n")
        expectRemoved(grid, prefix: "助记词\n", suffix: "")
    }

    @Test(
        "ordinary unspaced sentences are kept, even when they fill a line and pass the checksum",
        arguments: ["可以再给我放一首碎心石吧", "我的助记词被别人知道了怎么办", "的的的的的的的的的的的在", "你好我想问一下我的钱包里的钱为什么没有了"])
    func unspacedSentences(_ text: String) {
        #expect(scanner.scan(text) == SecretScan(redacted: text, findings: []))
    }

    @Test("an unspaced run that passes the checksum inside a longer sentence is kept")
    func unspacedInsideSentence() {
        let text = "我昨天在店里看到枪疫霉尝俩闹饿贤枪疫霉卿这几个字觉得很奇怪"
        // No keyword and the run does not fill the line.
        #expect(scanner.scan(text).findings.isEmpty)
        #expect(scanner.scan("他说" + "枪疫霉尝俩闹饿贤枪疫霉卿" + "是什么意思啊朋友们").findings.isEmpty)
    }
}

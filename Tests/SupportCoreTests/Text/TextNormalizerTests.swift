import Testing

@testable import SupportCore

@Suite struct TextNormalizerTests {
    static let cases: [(String, String)] = [
        ("ＵＳＤＴ　被盗了！", "usdt 被盗了!"),
        ("Hello,   World\n\tagain ", "hello, world again"),
        ("你好，客服。", "你好,客服."),
        ("「官网」【链接】", "\"官网\"[链接]"),
        ("１２３", "123"),
        ("", ""),
    ]

    @Test("full width, case, CJK punctuation and spacing are folded", arguments: cases)
    func normalizes(input: String, expected: String) {
        #expect(TextNormalizer.normalize(input) == expected)
    }

    @Test("the direct path equals Foundation's NFKC path for every scalar it covers, alone and in context")
    func directPathMatchesFoundation() {
        var covered = 0
        for value in UInt32(0)...0x2_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["\(scalar)", "A\(scalar)b", " \(scalar)\(scalar) 钱"] {
                guard let direct = TextNormalizer.normalizedDirectly(text) else { continue }
                covered += 1
                let full = TextNormalizer.normalizedWithFoundation(text)
                if direct != full { Issue.record("U+\(String(value, radix: 16)) in \(text.debugDescription): \(direct.debugDescription) ≠ \(full.debugDescription)") }
            }
        }
        // ASCII, full-width ASCII, both CJK blocks and the punctuation: the path must stay this wide.
        #expect(covered >= 3 * (128 + 94 + 20_992 + 6_592 + 17))
    }

    @Test("text the direct path does not cover still normalises", arguments: [
        ("café", "café"), ("cafe\u{301}", "café"), ("等等…", "等等..."), ("ﬁne", "fine"), ("ΣΑΣ", "σασ"), ("Ⅻ", "xii"),
    ])
    func uncovered(input: String, expected: String) {
        #expect(TextNormalizer.normalizedDirectly(input) == nil)
        #expect(TextNormalizer.normalize(input) == expected)
    }

    @Test("Han scalars are recognised, others are not")
    func han() {
        #expect(TextNormalizer.isHan("钱"))
        #expect(TextNormalizer.isHan("錢"))
        #expect(!TextNormalizer.isHan("a"))
        #expect(!TextNormalizer.isHan("，"))
    }
}

@Suite struct TraditionalFoldingTests {
    @Test("common Traditional characters fold to Simplified")
    func folds() {
        #expect(TextNormalizer.normalize("我的錢包被盜了，助記詞弄丟了") == TextNormalizer.normalize("我的钱包被盗了,助记词弄丢了"))
        #expect(TextNormalizer.normalize("轉帳沒到賬") == "转账没到賬")
    }
}

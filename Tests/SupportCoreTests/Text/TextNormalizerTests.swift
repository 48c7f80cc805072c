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

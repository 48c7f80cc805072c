import Testing

@testable import SupportCore

@Suite struct PhraseMatcherTests {
    @Test(
        "ASCII terms match on word boundaries only; Han terms anywhere",
        arguments: [
            ("i sent it to the next address", "x", false),
            ("chain x please", "x", true),
            ("x", "x", true),
            ("usdt-trc20", "usdt", true),
            ("usdt_trc20", "usdt", false),
            ("my usdts", "usdt", false),
            ("我转了usdt到币安", "usdt", true),
            ("我转了100usdt", "usdt", false),
            ("我转了100 usdt", "usdt", true),
            ("币安链上转账", "币安", true),
            ("在币安", "币安链", false),
            ("", "a", false),
            ("abc", "", false),
            ("ab", "abc", false),
            ("ethereum eth", "eth", true),
        ])
    func matches(text: String, term: String, expected: Bool) {
        #expect(PhraseMatcher.contains(text, term: term) == expected)
    }

    @Test("the range covers the bounded occurrence, not an earlier unbounded one")
    func rangeOfTheBoundedOccurrence() throws {
        let text = "tronix or tron, 波场"
        let range = try #require(PhraseMatcher.firstRange(of: "tron", in: text))
        #expect(text[range] == "tron")
        #expect(text.distance(from: text.startIndex, to: range.lowerBound) == 10)
        let han = try #require(PhraseMatcher.firstRange(of: "波场", in: text))
        #expect(text[han] == "波场")
    }

    @Test(
        "alphanumeric tokens are the runs of ASCII letters and digits, as reading characters gives them",
        arguments: [
            "send to 0xAbC123 now", "TXyz9，还有 abc", "e\u{301}x 0xab\u{301}cd", "a\u{200D}b 12\u{FE0F}3",
            "👍🏽ok 9\u{1F3FD}", "hash:abc123\r\ndef", "", "全是中文没有字母", "x", "a-b_c.d/e", "ñandú 42",
        ])
    func alphanumericTokens(text: String) {
        // The reference reads characters, as the scanner did before it walked bytes.
        var expected: [String] = []
        var run = ""
        for character in text {
            if character.isASCII && (character.isLetter || character.isNumber) {
                run.append(character)
            } else if !run.isEmpty {
                expected.append(run)
                run = ""
            }
        }
        if !run.isEmpty { expected.append(run) }
        #expect(PhraseMatcher.alphanumericTokens(text).map(String.init) == expected)
    }
}

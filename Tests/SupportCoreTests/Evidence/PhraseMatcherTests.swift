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
}

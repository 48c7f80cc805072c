import Testing

@testable import SupportCore

@Suite struct KeywordMatcherTests {
    /// The keywords matched in `text`, as their texts, sorted.
    private static func matches(_ keywords: [String], in text: String) -> [String] {
        let matcher = KeywordMatcher(keywords.compactMap { KeywordRule(keyword: $0, label: 0, boost: 1) })
        var found: [String] = []
        NormalizedScalars.with(text) { scalars in
            matcher.forEachMatch(in: scalars) { found.append(matcher.rules[$0].text) }
        }
        return found.sorted()
    }

    @Test(
        "Latin keywords match whole words, Han keywords anywhere",
        arguments: [
            ("my helpdesk is closed", ["helpdesk"], ["helpdesk"]),
            ("helpdesks", ["helpdesk"], []),
            ("the_helpdesk", ["helpdesk"], []),
            ("help desk", ["helpdesk"], []),
            ("usdt-trc20 gone", ["usdt", "trc20"], ["trc20", "usdt"]),
            ("100usdt", ["usdt"], []),
            ("我的usdt被盗了", ["usdt", "被盗"], ["usdt", "被盗"]),
            ("资产被盗走", ["被盗", "盗走", "资产被盗走"], ["盗走", "被盗", "资产被盗走"]),
            ("", ["a"], []),
        ])
    func wordBoundaries(text: String, keywords: [String], expected: [String]) {
        #expect(Self.matches(keywords, in: text) == expected)
    }

    @Test("a keyword that is the prefix of another, and overlapping keywords, all match")
    func prefixesAndOverlaps() {
        #expect(Self.matches(["stolen", "stolen funds", "funds"], in: "my stolen funds") == ["funds", "stolen", "stolen funds"])
        #expect(Self.matches(["stolen", "stolen funds"], in: "stolen fun") == ["stolen"])
        #expect(Self.matches(["aa"], in: "aaa") == [])
        #expect(Self.matches(["a a"], in: "a a a") == ["a a"])
    }

    @Test("a keyword occurring several times is reported once")
    func reportedOnce() {
        #expect(Self.matches(["scam"], in: "scam scam, scam!") == ["scam"])
    }

    @Test("the same text under two labels reports both rules")
    func sharedText() {
        let rules = [
            KeywordRule(keyword: "refund", label: 0, boost: 1), KeywordRule(keyword: "Refund", label: 3, boost: 2),
        ].compactMap { $0 }
        let matcher = KeywordMatcher(rules)
        var labels: [Int] = []
        NormalizedScalars.with("a refund please") { scalars in
            matcher.forEachMatch(in: scalars) { labels.append(matcher.rules[$0].label) }
        }
        #expect(labels.sorted() == [0, 3])
    }

    @Test("the trie agrees with a scan per keyword on generated text")
    func agreesWithScan() {
        let keywords = ["ab", "abc", "b", "ba", "bab", "c a", "币", "币安", "安链", "a1"]
        let alphabet: [Character] = ["a", "b", "c", " ", "1", "币", "安", "链", "-"]
        var state: UInt64 = 7
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<12 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let expected = keywords.filter { Self.occursByScan($0, in: text) }.sorted()
            #expect(Self.matches(keywords, in: text) == expected, "in '\(text)'")
        }
    }

    /// The reference: every occurrence of `keyword`, checked for word boundaries one by one.
    private static func occursByScan(_ keyword: String, in text: String) -> Bool {
        let needle = Array(keyword.unicodeScalars.map(\.value))
        let haystack = Array(text.unicodeScalars.map(\.value))
        guard needle.count <= haystack.count else { return false }
        let isWord = { (value: UInt32) in FeatureExtractor.scalarClass(value) == 1 }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<start + needle.count]) == needle {
            let end = start + needle.count
            let leadingOK = !isWord(needle[0]) || start == 0 || !isWord(haystack[start - 1])
            let trailingOK = !isWord(needle[needle.count - 1]) || end == haystack.count || !isWord(haystack[end])
            if leadingOK && trailingOK { return true }
        }
        return false
    }
}

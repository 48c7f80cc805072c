import Testing

@testable import SupportCore

@Suite struct StringSearchTests {
    @Test(
        "contains finds byte-exact occurrences, never an empty needle",
        arguments: [
            ("昨天下午三点", "下午", true), ("昨天下午三点", "上午", false), ("3 hours ago", "ago", true),
            ("ago", "3 hours ago", false), ("abc", "", false), ("", "a", false), ("aab", "ab", true),
            ("星期五", "期五", true), ("café", "fé", true),
        ])
    func contains(text: String, needle: String, expected: Bool) {
        #expect(text.contains(needle) == expected)
        #expect(text[...].contains(needle) == expected)
    }

    @Test(
        "replacingOccurrences replaces every non-overlapping occurrence, left to right",
        arguments: [
            ("星期五和星期六", "星期", "周", "周五和周六"), ("aaa", "aa", "b", "ba"), ("half an hour ago", "half an hour", "30 minutes", "30 minutes ago"),
            ("abc", "x", "y", "abc"), ("abc", "", "y", "abc"), ("a-b-c", "-", "", "abc"), ("x", "x", "一刻", "一刻"),
        ])
    func replaces(text: String, target: String, replacement: String, expected: String) {
        #expect(text.replacingOccurrences(of: target, with: replacement) == expected)
    }
}

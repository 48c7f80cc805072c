import Foundation
import SupportCore
import Testing

@Suite("Trimming")
struct TrimmingTests {
    /// Texts whose ends test the byte shortcut: ASCII, CR LF, combining marks, CJK, full-width and
    /// no-break spaces, emoji, one character, nothing. (Not U+200B: Foundation counts the zero-width
    /// space as white space, Unicode's `White_Space` does not, and we follow Unicode.)
    static let texts = [
        "", " ", "a", "ab", " a", "a ", "  hello world  ", "\thi\t", "hi\n", "\nhi", "hi\r\n", "\r\nhi", "x\r\n",
        "e\u{301}", "ae\u{301}", "e\u{301}a", " e\u{301} ", "a\u{301}b", "你好", " 你好 ", "\u{3000}你好\u{3000}",
        "\u{00A0}a\u{00A0}", "👍", "a👍", "👍a", "\u{FEFF}a", "{\"type\":\"ping\"}", " {\"a\":1} ",
    ]

    @Test("matches Foundation's trimming of white space and newlines", arguments: texts)
    func spacesAndLines(text: String) {
        #expect(text.trimmedSpacesAndLines == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(Substring(text).trimmedSpacesAndLines == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("keeps line breaks and trims only spaces and tabs, as Foundation's .whitespaces", arguments: texts)
    func spaces(text: String) {
        #expect(text.trimmedSpaces == text.trimmingCharacters(in: .whitespaces))
    }

    @Test("a custom predicate sees whole characters, also at ASCII ends")
    func customPredicate() {
        // "e" followed by a combining accent is one character: the shortcut must not judge "e" alone.
        #expect("e\u{301}xe\u{301}".trimming { $0 == "e\u{301}" } == "x")
        #expect("xe".trimming { $0 == "e" } == "x")
        #expect("\r\nx\r\n".trimming { $0 == "\r\n" } == "x")
    }
}

import Foundation

/// Finds normalised words and phrases inside normalised text: ASCII terms only on word boundaries
/// (so the alias `x` does not match inside "next"), Han terms anywhere.
enum PhraseMatcher {
    /// True if `term` occurs in `text` (both already passed through `TextNormalizer.normalize`).
    static func contains(_ text: String, term: String) -> Bool {
        byteOffset(of: term, in: text) != nil
    }

    /// The first occurrence of `term` in `text` respecting ASCII word boundaries.
    ///
    /// Compares UTF-8 bytes: both sides are normalised already, so no canonical-equivalence search
    /// (Foundation's `range(of:)`, several times slower on the reply path) is needed.
    static func firstRange(of term: String, in text: String) -> Range<String.Index>? {
        guard let offset = byteOffset(of: term, in: text) else { return nil }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: term.utf8.count)
    }

    /// The byte offset of the first whole-word occurrence of `term` in `text`. Reads both in place
    /// (native strings are contiguous UTF-8): this runs dozens of times a turn, and copying the
    /// term into an array each time was one allocation per search.
    private static func byteOffset(of term: String, in text: String) -> Int? {
        guard !term.isEmpty else { return nil }
        var needle = term
        var haystack = text
        return needle.withUTF8 { needle in
            haystack.withUTF8 { ByteSearch.firstOffset(of: needle, in: $0, wholeWords: true) }
        }
    }

    /// Splits text into runs of ASCII letters and digits (the shapes of addresses, hashes and ids).
    ///
    /// A letter followed by a combining mark ("e\u{301}") is one non-ASCII character and ends the
    /// run before it, as it would reading characters. Walks UTF-8 bytes: reading `Character`s
    /// (grapheme breaking and Unicode properties per character) was most of an address check.
    static func alphanumericTokens(_ text: some StringProtocol) -> [Substring] {
        let text = Substring(text)
        let utf8 = text.utf8
        var tokens: [Substring] = []
        var start: String.Index?
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if isASCIIAlphanumeric(byte) {
                if start == nil { start = index }
            } else if let tokenStart = start {
                var end = index
                if byte >= 0x80, joinsPrevious(text.unicodeScalars[index]) { end = utf8.index(before: index) }
                if tokenStart < end { tokens.append(text[tokenStart..<end]) }
                start = nil
            }
            index = utf8.index(after: index)
        }
        if let tokenStart = start { tokens.append(text[tokenStart...]) }
        return tokens
    }

    @inline(__always)
    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    /// Whether `scalar` belongs to the character before it (a combining mark, a joiner, an emoji
    /// modifier), so that character is not plain ASCII.
    private static func joinsPrevious(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isGraphemeExtend || properties.isEmojiModifier || scalar.value == 0x200D
            || properties.generalCategory == .spacingMark
    }
}

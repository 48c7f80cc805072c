import Foundation

/// Finds normalised words and phrases inside normalised text: ASCII terms only on word boundaries
/// (so the alias `x` does not match inside "next"), Han terms anywhere.
enum PhraseMatcher {
    /// True if `term` occurs in `text` (both already passed through `TextNormalizer.normalize`).
    static func contains(_ text: String, term: String) -> Bool {
        firstRange(of: term, in: text) != nil
    }

    /// The first occurrence of `term` in `text` respecting ASCII word boundaries.
    ///
    /// Compares UTF-8 bytes: both sides are normalised already, so no canonical-equivalence search
    /// (Foundation's `range(of:)`, several times slower on the reply path) is needed.
    static func firstRange(of term: String, in text: String) -> Range<String.Index>? {
        guard !term.isEmpty else { return nil }
        let needle = Array(term.utf8)
        let found = needle.withUnsafeBufferPointer { needle in
            text.utf8.withContiguousStorageIfAvailable { firstOffsets(of: needle, in: $0) }
                ?? Array(text.utf8).withUnsafeBufferPointer { firstOffsets(of: needle, in: $0) }
        }
        guard let offsets = found else { return nil }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: offsets.lowerBound)
        return lower..<utf8.index(lower, offsetBy: offsets.count)
    }

    /// Byte offsets of the first bounded occurrence of `needle` in `haystack`.
    private static func firstOffsets(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>)
        -> Range<Int>?
    {
        let length = needle.count
        guard length <= haystack.count else { return nil }
        let first = needle[0]
        let checksStart = isWordByte(first)
        let checksEnd = isWordByte(needle[length - 1])
        var start = 0
        while start + length <= haystack.count {
            if haystack[start] == first {
                var offset = 1
                while offset < length && haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == length,
                    !checksStart || start == 0 || !isWordByte(haystack[start - 1]),
                    !checksEnd || start + length == haystack.count || !isWordByte(haystack[start + length])
                {
                    return start..<(start + length)
                }
            }
            start += 1
        }
        return nil
    }

    /// An ASCII letter, digit or underscore (bytes of other scripts never are).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }

    /// Splits text into runs of ASCII letters and digits (the shapes of addresses, hashes and ids).
    static func alphanumericTokens(_ text: some StringProtocol) -> [Substring] {
        let text = Substring(text)
        var tokens: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let char = text[index]
            let isToken = char.isASCII && (char.isLetter || char.isNumber)
            if isToken, start == nil { start = index }
            if !isToken, let tokenStart = start {
                tokens.append(text[tokenStart..<index])
                start = nil
            }
            index = text.index(after: index)
        }
        if let tokenStart = start { tokens.append(text[tokenStart...]) }
        return tokens
    }
}

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
            text.utf8.withContiguousStorageIfAvailable { ByteSearch.firstOffset(of: needle, in: $0, wholeWords: true) }
                ?? Array(text.utf8).withUnsafeBufferPointer { ByteSearch.firstOffset(of: needle, in: $0, wholeWords: true) }
        }
        guard let offset = found else { return nil }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.count)
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

import Foundation

/// Finds normalised words and phrases inside normalised text: ASCII terms only on word boundaries
/// (so the alias `x` does not match inside "next"), Han terms anywhere.
enum PhraseMatcher {
    /// True if `term` occurs in `text` (both already passed through `TextNormalizer.normalize`).
    static func contains(_ text: String, term: String) -> Bool {
        firstRange(of: term, in: text) != nil
    }

    /// The first occurrence of `term` in `text` respecting ASCII word boundaries.
    static func firstRange(of term: String, in text: String) -> Range<String.Index>? {
        guard !term.isEmpty else { return nil }
        var searchStart = text.startIndex
        while searchStart < text.endIndex, let range = text.range(of: term, range: searchStart..<text.endIndex) {
            if isBoundary(before: range.lowerBound, in: text, term: term)
                && isBoundary(after: range.upperBound, in: text, term: term)
            {
                return range
            }
            searchStart = text.index(after: range.lowerBound)
        }
        return nil
    }

    private static func isWordCharacter(_ char: Character) -> Bool {
        char.isASCII && (char.isLetter || char.isNumber || char == "_")
    }

    private static func isBoundary(before index: String.Index, in text: String, term: String) -> Bool {
        guard let first = term.first, isWordCharacter(first), index > text.startIndex else { return true }
        return !isWordCharacter(text[text.index(before: index)])
    }

    private static func isBoundary(after index: String.Index, in text: String, term: String) -> Bool {
        guard let last = term.last, isWordCharacter(last), index < text.endIndex else { return true }
        return !isWordCharacter(text[index])
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

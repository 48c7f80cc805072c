extension StringProtocol {
    /// The text without leading and trailing white space and line breaks (Unicode `White_Space`),
    /// as `trimmingCharacters(in: .whitespacesAndNewlines)` but without bridging through `NSString`,
    /// which showed up on the reply path.
    @inlinable
    public var trimmedSpacesAndLines: String { trimming { $0.isWhitespace } }

    /// The text without leading and trailing spaces and tabs (line breaks kept), as
    /// `trimmingCharacters(in: .whitespaces)`.
    @inlinable
    public var trimmedSpaces: String { trimming { $0.isWhitespace && !$0.isNewline } }

    /// The text without the leading and trailing characters for which `isTrimmed` holds.
    ///
    /// Most text has nothing to trim, so the ends are checked on bytes first: two ASCII bytes
    /// in a row are always two characters (except CR LF), so an ASCII end that is kept settles it
    /// without walking grapheme clusters (every protocol line passes through here).
    @inlinable
    public func trimming(_ isTrimmed: (Character) -> Bool) -> String {
        if let kept = Self.keptWhole(utf8, isTrimmed) { return kept ? String(self) : "" }
        guard let first = firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = lastIndex(where: { !isTrimmed($0) }) ?? first
        return String(self[first...last])
    }

    /// True when both ends of `bytes` are ASCII characters that are kept; nil when the bytes
    /// cannot tell (the characters must be walked). False only for empty text.
    @inlinable
    static func keptWhole(_ bytes: UTF8View, _ isTrimmed: (Character) -> Bool) -> Bool? {
        var forward = bytes.makeIterator()
        guard let first = forward.next() else { return false }
        guard first < 0x80, first != 0x0D, forward.next().map({ $0 < 0x80 }) ?? true,
            !isTrimmed(Character(Unicode.Scalar(first)))
        else { return nil }
        var backward = bytes.reversed().makeIterator()
        guard let last = backward.next(), last < 0x80, last != 0x0A, backward.next().map({ $0 < 0x80 }) ?? true,
            !isTrimmed(Character(Unicode.Scalar(last)))
        else { return nil }
        return true
    }
}

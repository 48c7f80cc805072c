// Constrained to a bidirectional `UTF8View` (String's and Substring's are) so that `reversed()`
// below is the lazy view; on a plain `Collection` it would copy every byte into an array.
extension StringProtocol where UTF8View: BidirectionalCollection {
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
        var backward = bytes.reversed().makeIterator()
        guard isKeptASCII(first, beside: forward.next(), unlessItIs: 0x0D, isTrimmed),
            let last = backward.next(), isKeptASCII(last, beside: backward.next(), unlessItIs: 0x0A, isTrimmed)
        else { return nil }
        return true
    }

    /// True when the end byte `end` is a whole character that is kept: ASCII beside ASCII (or
    /// alone), and not `joining`, the half of CR LF that would make it one character with its
    /// neighbour (CR at the start, LF at the end).
    @inlinable
    static func isKeptASCII(
        _ end: UInt8, beside neighbour: UInt8?, unlessItIs joining: UInt8, _ isTrimmed: (Character) -> Bool
    ) -> Bool {
        end < 0x80 && end != joining && (neighbour.map { $0 < 0x80 } ?? true)
            && !isTrimmed(Character(Unicode.Scalar(end)))
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space and line breaks (Unicode `White_Space`),
    /// as `trimmingCharacters(in: .whitespacesAndNewlines)` but without bridging through `NSString`,
    /// which showed up on the reply path.
    public var trimmedSpacesAndLines: String { trimming { $0.isWhitespace } }

    /// The text without leading and trailing spaces and tabs (line breaks kept), as
    /// `trimmingCharacters(in: .whitespaces)`.
    public var trimmedSpaces: String { trimming { $0.isWhitespace && !$0.isNewline } }

    /// The text without the leading and trailing characters for which `isTrimmed` holds.
    public func trimming(_ isTrimmed: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = lastIndex(where: { !isTrimmed($0) }) ?? first
        return String(self[first...last])
    }
}

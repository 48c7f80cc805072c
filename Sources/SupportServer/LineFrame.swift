/// One inbound unit of the line protocol, as `LineFrameDecoder` cuts it from the byte stream.
public enum LineFrame: Hashable, Sendable {
    /// A complete line without its `\n` (or `\r\n`), valid UTF-8.
    case line(String)
    /// A line longer than the limit; its bytes were discarded up to the next `\n`.
    case tooLong
    /// A line within the limit whose bytes are not valid UTF-8.
    case invalidUTF8
}

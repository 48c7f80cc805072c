import NIOCore

/// Cuts a byte stream into `\n`-terminated lines (`\r\n` accepted), bounded by `limit` bytes per line.
///
/// Unlike NIO's `LineBasedFrameDecoder` with `maximumBufferSize`, an over-long line is not fatal:
/// the decoder emits `.tooLong` once, discards bytes up to the next `\n`, and carries on with the
/// line after it, so the connection can answer with a protocol error and keep serving. Memory per
/// connection stays bounded by about `limit` bytes however long the line is.
public struct LineFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = LineFrame

    /// Longest accepted line in bytes, not counting its terminator.
    public let limit: Int
    /// Inside an over-long line whose `.tooLong` was already emitted: drop bytes until `\n`.
    private var isDiscarding = false
    /// Readable bytes already searched for `\n`, so a line arriving byte by byte is scanned once.
    private var scanned = 0

    public init(limit: Int) {
        precondition(limit > 0, "a line limit must be positive")
        self.limit = limit
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        let searchStart = view.index(view.startIndex, offsetBy: scanned)
        guard let newline = view[searchStart...].firstIndex(of: UInt8(ascii: "\n")) else {
            return consumeUnterminated(context: context, buffer: &buffer)
        }
        let length = view.distance(from: view.startIndex, to: newline)
        scanned = 0
        if isDiscarding {
            buffer.moveReaderIndex(forwardBy: length + 1)
            isDiscarding = false
            return .continue
        }
        let line = buffer.readSlice(length: length)!
        buffer.moveReaderIndex(forwardBy: 1)
        context.fireChannelRead(Self.wrapInboundOut(frame(for: line)))
        return .continue
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool
    ) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        // A last line without its `\n` still counts: `printf 'hi' | nc` should get an answer.
        if !isDiscarding, buffer.readableBytes > 0 {
            let line = buffer.readSlice(length: buffer.readableBytes)!
            context.fireChannelRead(Self.wrapInboundOut(frame(for: line)))
        }
        buffer.moveReaderIndex(to: buffer.writerIndex)
        isDiscarding = false
        scanned = 0
        return .needMoreData
    }

    /// No `\n` in the buffer yet: wait for more, or start discarding once the line cannot fit.
    private mutating func consumeUnterminated(context: ChannelHandlerContext, buffer: inout ByteBuffer)
        -> DecodingState
    {
        if isDiscarding {
            buffer.moveReaderIndex(to: buffer.writerIndex)
            scanned = 0
        } else if buffer.readableBytes > limit + 1 {
            // `limit` bytes plus a pending `\r` may still be a valid line; one more byte cannot.
            context.fireChannelRead(Self.wrapInboundOut(LineFrame.tooLong))
            buffer.moveReaderIndex(to: buffer.writerIndex)
            isDiscarding = true
            scanned = 0
        } else {
            scanned = buffer.readableBytes
        }
        return .needMoreData
    }

    /// The frame for one line's bytes (terminator already removed, a trailing `\r` still present).
    private func frame(for line: ByteBuffer) -> LineFrame {
        var view = line.readableBytesView
        if view.last == UInt8(ascii: "\r") { view = view.dropLast() }
        guard view.count <= limit else { return .tooLong }
        guard let text = String(validating: view, as: UTF8.self) else { return .invalidUTF8 }
        return .line(text)
    }
}

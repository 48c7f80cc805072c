import NIOCore
import NIOEmbedded
import SupportServer
import Testing

@Suite("LineFrameDecoder")
struct LineFrameDecoderTests {
    /// Feeds `chunks` into a decoder with `limit` and returns every frame it emitted, closing the
    /// channel at the end when `close` is set (which flushes a final unterminated line).
    func frames(limit: Int = 16, _ chunks: [[UInt8]], close: Bool = false) throws -> [LineFrame] {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(LineFrameDecoder(limit: limit)))
        var frames: [LineFrame] = []
        for chunk in chunks {
            try channel.writeInbound(ByteBuffer(bytes: chunk))
            while let frame = try channel.readInbound(as: LineFrame.self) { frames.append(frame) }
        }
        if close {
            _ = try? channel.finish()
            while let frame = try channel.readInbound(as: LineFrame.self) { frames.append(frame) }
        } else {
            _ = try channel.finish(acceptAlreadyClosed: true)
        }
        return frames
    }

    @Test("lines arriving one byte at a time are framed whole")
    func byteByByte() throws {
        let bytes = Array("hello\nworld 你好\n\n".utf8)
        let result = try frames(bytes.map { [$0] })
        #expect(result == [.line("hello"), .line("world 你好"), .line("")])
    }

    @Test("several lines in one chunk, and a line split across chunks")
    func chunked() throws {
        let result = try frames([Array("a\nbb\ncc".utf8), Array("c\n".utf8)])
        #expect(result == [.line("a"), .line("bb"), .line("ccc")])
    }

    @Test("CRLF is accepted and stripped; a lone CR inside a line is kept")
    func crlf() throws {
        let result = try frames([Array("one\r\ntw\ro\r\n".utf8)])
        #expect(result == [.line("one"), .line("tw\ro")])
    }

    @Test("a line of exactly the limit is accepted, with or without CR")
    func exactLimit() throws {
        let result = try frames(limit: 8, [Array("12345678\n12345678\r\n123456789\n".utf8)])
        #expect(result == [.line("12345678"), .line("12345678"), .tooLong])
    }

    @Test("an over-long line yields one tooLong, then the next line is served")
    func overLongThenGood() throws {
        let long = Array(repeating: UInt8(ascii: "x"), count: 100)
        let result = try frames(limit: 8, [Array(long.prefix(40)), Array(long.dropFirst(40)), Array("\nok\n".utf8)])
        #expect(result == [.tooLong, .line("ok")])
    }

    @Test("an over-long line arriving byte by byte is reported once and discarded to its newline")
    func overLongByteByByte() throws {
        let bytes = Array((String(repeating: "y", count: 50) + "\nfine\n" + String(repeating: "z", count: 20) + "\n").utf8)
        let result = try frames(limit: 8, bytes.map { [$0] })
        #expect(result == [.tooLong, .line("fine"), .tooLong])
    }

    @Test("invalid UTF-8 is reported and the following line still decodes")
    func invalidUTF8() throws {
        let result = try frames([[0x68, 0xFF, 0xFE, 0x0A], Array("fine\n".utf8), [0xE4, 0xBD, 0x0A]])
        #expect(result == [.invalidUTF8, .line("fine"), .invalidUTF8])
    }

    @Test("a last line without newline is delivered when the peer closes")
    func lastLineAtEOF() throws {
        let result = try frames([Array("first\nlast".utf8)], close: true)
        #expect(result == [.line("first"), .line("last")])
    }
}

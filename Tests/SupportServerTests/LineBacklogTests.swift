import NIOCore
import NIOEmbedded
import Testing

@testable import SupportServer

@Suite("LineBacklog")
struct LineBacklogTests {
    @Test("counts the lines that left the decoder until the connection takes them")
    func countsDecodedLines() throws {
        let backlog = LineBacklog()
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandlers([
            ByteToMessageHandler(LineFrameDecoder(limit: 16)), LineBacklogCounter(backlog: backlog),
        ])
        #expect(backlog.isEmpty)
        // Two whole lines and the start of a third in one read: two are waiting.
        try channel.writeInbound(ByteBuffer(string: "{\"a\":1}\nping\n{\"par"))
        backlog.take()
        #expect(!backlog.isEmpty)
        backlog.take()
        #expect(backlog.isEmpty)
        // An over-long line is a frame too (its error reply is held like any other).
        try channel.writeInbound(ByteBuffer(string: "tial\":1}\n" + String(repeating: "x", count: 40) + "\n"))
        backlog.take()
        #expect(!backlog.isEmpty)
        backlog.take()
        #expect(backlog.isEmpty)
        #expect(try channel.readInbound(as: LineFrame.self) != nil)
        _ = try channel.finish()
    }
}

import Foundation
import NIOCore
import NIOPosix

/// The ceiling: a minimal NIO server that writes every line straight back, on the event loop.
/// It runs in its own process (`LoadTool --serve-echo`), started and stopped exactly like
/// supportbot, so both are loaded the same way.
final class EchoHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var line = Self.unwrapInboundIn(data)
        line.writeInteger(UInt8(ascii: "\n"))
        context.write(Self.wrapOutboundOut(line), promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
    }
}

enum EchoServer {
    /// Binds a free loopback port, logs `listening on HOST:PORT` to stderr (as supportbot does) and
    /// serves until the process is terminated.
    static func run() async throws {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineSplitter()))
                    try channel.pipeline.syncOperations.addHandler(EchoHandler())
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        FileHandle.standardError.write(Data("listening on 127.0.0.1:\(channel.localAddress!.port!)\n".utf8))
        try await channel.closeFuture.get()
    }
}

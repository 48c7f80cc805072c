import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import SupportStore

/// The TCP line-protocol server (protocol v1, `docs/PROTOCOL.md`) as a `Service`: binds, accepts
/// connections and serves each in its own task. On graceful shutdown it stops accepting, lets
/// every connection answer the lines it has already received, then flushes the desk.
public final class LineServer: Service, Sendable {
    public let host: String
    public let port: Int
    public let desk: SupportDesk
    public let limits: ServerLimits
    private let logger: Logger
    private let group: any EventLoopGroup
    /// The server made `group` itself and shuts it down when it stops.
    private let ownsGroup: Bool
    private let bound: EventLoopPromise<SocketAddress>

    /// Event-loop threads `serve` starts by default: half the cores, at least one. The loops only
    /// frame lines and write replies; the engine and the store run on Swift's cooperative pool,
    /// which has a thread per core already. On the 2-core benchmark machine one loop cost 13% less
    /// CPU a message than two (`Benchmarks/README.md`).
    public static var defaultEventLoopThreads: Int { max(1, System.coreCount / 2) }

    /// - Parameters:
    ///   - port: 0 picks a free port; read it from `listeningAddress`.
    ///   - group: the event loops for the sockets (NIO's shared singleton by default).
    public convenience init(
        host: String, port: Int, desk: SupportDesk, limits: ServerLimits = .standard,
        logger: Logger = Logger(label: "supportbot.server"),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.init(host: host, port: port, desk: desk, limits: limits, logger: logger, group: group, ownsGroup: false)
    }

    /// A server on event loops of its own (`eventLoopThreads` threads), shut down when it stops.
    public convenience init(
        host: String, port: Int, desk: SupportDesk, limits: ServerLimits = .standard,
        logger: Logger = Logger(label: "supportbot.server"), eventLoopThreads: Int
    ) {
        self.init(
            host: host, port: port, desk: desk, limits: limits, logger: logger,
            group: MultiThreadedEventLoopGroup(numberOfThreads: max(1, eventLoopThreads)), ownsGroup: true)
    }

    private init(
        host: String, port: Int, desk: SupportDesk, limits: ServerLimits, logger: Logger, group: any EventLoopGroup,
        ownsGroup: Bool
    ) {
        self.host = host
        self.port = port
        self.desk = desk
        self.limits = limits
        self.logger = logger
        self.group = group
        self.ownsGroup = ownsGroup
        self.bound = group.any().makePromise(of: SocketAddress.self)
    }

    /// The address the server listens on, once bound.
    /// - Throws: the bind error when binding failed.
    public var listeningAddress: SocketAddress {
        get async throws { try await bound.futureResult.get() }
    }

    public func run() async throws {
        do {
            try await serve()
        } catch {
            if ownsGroup { try? await group.shutdownGracefully() }
            throw error
        }
        if ownsGroup { try await group.shutdownGracefully() }
    }

    private func serve() async throws {
        let listener: NIOAsyncChannel<AcceptedConnection, Never>
        do {
            listener = try await bind()
        } catch {
            bound.fail(error)
            throw error
        }
        let address = listener.channel.localAddress!
        logger.info("listening on \(address.ipAddress ?? host):\(address.port ?? port)")
        bound.succeed(address)

        let gate = ConnectionGate(limit: limits.maxConnections)
        try await withThrowingDiscardingTaskGroup { group in
            try await listener.executeThenClose { inbound in
                for try await accepted in inbound.cancelOnGracefulShutdown() {
                    group.addTask {
                        let connection = Connection(
                            channel: accepted.channel, backlog: accepted.backlog, desk: self.desk, limits: self.limits,
                            logger: self.logger)
                        guard await gate.enter() else {
                            await connection.refuse(with: .tooManyConnections(limit: self.limits.maxConnections))
                            return
                        }
                        await connection.run()
                        await gate.leave()
                    }
                }
            }
            logger.info("stopped accepting; finishing open connections")
        }
        try await desk.flush()
        logger.info("server stopped")
    }

    /// A connection's channel as its task sees it, with the count of lines waiting for it.
    private struct AcceptedConnection: Sendable {
        let channel: NIOAsyncChannel<LineFrame, ByteBuffer>
        let backlog: LineBacklog
    }

    private func bind() async throws -> NIOAsyncChannel<AcceptedConnection, Never> {
        let limits = self.limits
        return try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let timeout = limits.idleTimeout {
                        try pipeline.addHandler(IdleStateHandler(allTimeout: TimeAmount(timeout)))
                        try pipeline.addHandler(IdleConnectionCloser())
                    }
                    try pipeline.addHandler(ByteToMessageHandler(LineFrameDecoder(limit: limits.maxLineBytes)))
                    let backlog = LineBacklog()
                    try pipeline.addHandler(LineBacklogCounter(backlog: backlog))
                    return AcceptedConnection(
                        channel: try NIOAsyncChannel<LineFrame, ByteBuffer>(wrappingChannelSynchronously: channel),
                        backlog: backlog)
                }
            }
    }
}

import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycleTestKit
import SupportServer
import SupportStore

/// One decoded line the server sent, with every protocol field optional.
struct WireLine: Decodable, Sendable {
    struct Ticket: Decodable, Sendable {
        var id: String
        var status: String
    }
    var type: String
    var session: String?
    var id: String?
    var text: String?
    var lang: String?
    var intent: String?
    var confidence: Double?
    var flow: String?
    var awaiting: String?
    var ticket: Ticket?
    var warnings: [String]?
    var code: String?
    var message: String?
}

/// A test client on one TCP connection: sends raw lines, reads the server's lines.
struct TestPeer {
    var lines: NIOAsyncChannelInboundStream<LineFrame>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    /// Sends `text` followed by `\n`.
    func send(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text + "\n"))
    }

    /// Sends bytes exactly as given.
    func send(bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    /// Sends one JSON request built from `fields`.
    func send(json fields: [String: String]) async throws {
        let data = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        try await send(String(decoding: data, as: UTF8.self))
    }

    /// The next line, or nil once the server closed the connection.
    mutating func nextLine() async throws -> String? {
        while let frame = try await lines.next() {
            if case .line(let text) = frame { return text }
        }
        return nil
    }

    /// The next plain-text reply block (its lines up to the empty line that ends it), or nil at the end.
    mutating func nextBlock() async throws -> String? {
        var lines: [String] = []
        while let line = try await nextLine() {
            if line.isEmpty { return lines.joined(separator: "\n") }
            lines.append(line)
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// The next line decoded as a protocol object.
    mutating func next() async throws -> WireLine {
        guard let line = try await nextLine() else { throw TestFailure("connection closed before a reply") }
        return try JSONDecoder().decode(WireLine.self, from: Data(line.utf8))
    }

    /// Sends a message and returns the next line.
    mutating func say(_ text: String, session: String = "s1", id: String? = nil) async throws -> WireLine {
        var fields = ["type": "message", "session": session, "text": text]
        fields["id"] = id
        try await send(json: fields)
        return try await next()
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Connects to `port` on the loopback and runs `body` with the connection, then closes it.
func withPeer<T: Sendable>(port: Int, _ body: (inout TestPeer) async throws -> T) async throws -> T {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .channelOption(.allowRemoteHalfClosure, value: true)
        .connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(
                    ByteToMessageHandler(LineFrameDecoder(limit: 1 << 20)))
                return try NIOAsyncChannel<LineFrame, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
    return try await channel.executeThenClose { inbound, outbound in
        var peer = TestPeer(lines: inbound.makeAsyncIterator(), outbound: outbound)
        return try await body(&peer)
    }
}

/// A logger that drops everything, so test output stays readable.
let quietLogger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

/// Runs a server on a free loopback port for the duration of `body`, then shuts it down gracefully
/// and waits for it to stop.
func withServer<T: Sendable>(
    desk: SupportDesk? = nil, limits: ServerLimits = .standard, eventLoopThreads: Int? = nil,
    _ body: @Sendable (Int) async throws -> T
) async throws -> T {
    let desk = try desk ?? ServerFixtures.makeDesk()
    let server =
        if let eventLoopThreads {
            LineServer(
                host: "127.0.0.1", port: 0, desk: desk, limits: limits, logger: quietLogger,
                eventLoopThreads: eventLoopThreads)
        } else {
            LineServer(host: "127.0.0.1", port: 0, desk: desk, limits: limits, logger: quietLogger)
        }
    return try await testGracefulShutdown { trigger in
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            do {
                guard let port = try await server.listeningAddress.port else { throw TestFailure("server has no port") }
                let result = try await body(port)
                trigger.triggerGracefulShutdown()
                try await group.waitForAll()
                return result
            } catch {
                trigger.triggerGracefulShutdown()
                group.cancelAll()
                throw error
            }
        }
    }
}

import Foundation
import GRDB
import NIOCore
import NIOPosix
import ServiceLifecycleTestKit
import SupportServer
import SupportStore
import Testing

/// Loopback tests of every protocol error, the limits, and graceful shutdown.
@Suite("LineServer errors and limits")
struct LineServerErrorTests {
    @Test("invalid JSON gets invalid_json and the connection keeps serving")
    func invalidJSON() async throws {
        try await withServer { port in
            try await withPeer(port: port) { peer in
                try await peer.send("{not json")
                let error = try await peer.next()
                #expect(error.type == "error")
                #expect(error.code == "invalid_json")
                #expect(error.id == nil)
                #expect(try await peer.say("hello").type == "reply")
            }
        }
    }

    @Test("invalid UTF-8 gets invalid_utf8")
    func invalidUTF8() async throws {
        try await withServer { port in
            try await withPeer(port: port) { peer in
                try await peer.send(#"{"type":"ping"}"#)
                #expect(try await peer.next().type == "pong")
                try await peer.send(bytes: [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D, 0x0A])
                #expect(try await peer.next().code == "invalid_utf8")
                #expect(try await peer.say("hello").type == "reply")
            }
        }
    }

    @Test("an over-long line gets line_too_long and the next line is served")
    func lineTooLong() async throws {
        try await withServer(limits: ServerLimits(maxLineBytes: 64)) { port in
            try await withPeer(port: port) { peer in
                try await peer.send(#"{"type":"message","session":"a","text":"\#(String(repeating: "x", count: 5000))"}"#)
                let error = try await peer.next()
                #expect(error.code == "line_too_long")
                #expect(error.message?.contains("64") == true)
                #expect(try await peer.say("hello", id: "after").id == "after")
            }
        }
    }

    @Test("missing or mistyped fields get missing_field with the request id")
    func missingField() async throws {
        try await withServer { port in
            try await withPeer(port: port) { peer in
                try await peer.send(#"{"type":"message","session":"a","id":"m1"}"#)
                let error = try await peer.next()
                #expect(error.code == "missing_field")
                #expect(error.id == "m1")
                #expect(error.message?.contains("text") == true)
                try await peer.send(#"{"type":"message","session":["a"],"text":"hi","id":"m2"}"#)
                #expect(try await peer.next().code == "missing_field")
            }
        }
    }

    @Test("an unknown type gets unknown_type")
    func unknownType() async throws {
        try await withServer { port in
            try await withPeer(port: port) { peer in
                try await peer.send(#"{"type":"subscribe","id":"u1"}"#)
                let error = try await peer.next()
                #expect(error.code == "unknown_type")
                #expect(error.id == "u1")
            }
        }
    }

    @Test("requests beyond the per-connection rate get rate_limited")
    func rateLimited() async throws {
        try await withServer(limits: ServerLimits(maxRequestsPerSecond: 2)) { port in
            try await withPeer(port: port) { peer in
                for index in 0..<8 {
                    try await peer.send(json: ["type": "message", "session": "a", "text": "hello", "id": "\(index)"])
                }
                var codes: [String] = []
                for index in 0..<8 {
                    let line = try await peer.next()
                    #expect(line.id == "\(index)")
                    codes.append(line.code ?? line.type)
                }
                #expect(Array(codes.prefix(2)) == ["reply", "reply"])
                #expect(codes.contains("rate_limited"))
            }
        }
    }

    @Test("a session beyond the per-connection limit gets too_many_sessions")
    func tooManySessions() async throws {
        try await withServer(limits: ServerLimits(maxSessionsPerConnection: 2)) { port in
            try await withPeer(port: port) { peer in
                #expect(try await peer.say("hello", session: "a").type == "reply")
                #expect(try await peer.say("hello", session: "b").type == "reply")
                let refused = try await peer.say("hello", session: "c", id: "c1")
                #expect(refused.code == "too_many_sessions")
                #expect(refused.id == "c1")
                #expect(try await peer.say("hello", session: "a").type == "reply")
                try await peer.send(#"{"type":"reset","session":"b"}"#)
                #expect(try await peer.next().type == "reset")
                #expect(try await peer.say("hello", session: "c").type == "reply")
            }
        }
    }

    @Test("a failure inside the desk gets internal, and the connection stays up")
    func internalError() async throws {
        let desk = try ServerFixtures.makeDesk()
        // A store that fails every session load, as a broken disk would.
        try await desk.database.writer.write { db in try db.execute(sql: "DROP TABLE sessions") }
        try await withServer(desk: desk) { port in
            try await withPeer(port: port) { peer in
                let error = try await peer.say("hello", id: "i1")
                #expect(error.code == "internal")
                #expect(error.id == "i1")
                try await peer.send(#"{"type":"ping"}"#)
                #expect(try await peer.next().type == "pong")
            }
        }
    }

    @Test("too many bad lines in a row get a final error and a disconnect")
    func abusivePeer() async throws {
        try await withServer(limits: ServerLimits(maxConsecutiveBadLines: 3)) { port in
            try await withPeer(port: port) { peer in
                for _ in 0..<2 { try await peer.send("{garbage") }
                #expect(try await peer.next().code == "invalid_json")
                #expect(try await peer.next().code == "invalid_json")
                // A good line resets the count.
                try await peer.send(#"{"type":"ping"}"#)
                #expect(try await peer.next().type == "pong")
                for _ in 0..<3 { try await peer.send(#"{"type":"nope"}"#) }
                for _ in 0..<3 { #expect(try await peer.next().code == "unknown_type") }
                let last = try await peer.next()
                #expect(last.type == "error")
                #expect(last.message?.contains("closing") == true)
                #expect(try await peer.nextLine() == nil)
            }
        }
    }

    @Test("a connection beyond the server's limit is refused with rate_limited")
    func tooManyConnections() async throws {
        try await withServer(limits: ServerLimits(maxConnections: 1)) { port in
            try await withPeer(port: port) { first in
                try await first.send(#"{"type":"ping"}"#)
                #expect(try await first.next().type == "pong")
                try await withPeer(port: port) { second in
                    let refusal = try await second.next()
                    let after = try await second.nextLine()
                    #expect(refusal.code == "rate_limited")
                    #expect(after == nil)
                }
                try await first.send(#"{"type":"ping"}"#)
                #expect(try await first.next().type == "pong")
            }
        }
    }

    @Test("an idle connection is closed after the idle timeout")
    func idleTimeout() async throws {
        try await withServer(limits: ServerLimits(idleTimeout: .milliseconds(300))) { port in
            try await withPeer(port: port) { peer in
                // Silent after connecting: the server closes the connection without a word.
                let line = try await peer.nextLine()
                #expect(line == nil)
            }
        }
    }

    @Test("graceful shutdown answers what was read, closes connections, flushes the log, stops accepting")
    func gracefulShutdown() async throws {
        let desk = try ServerFixtures.makeDesk()
        let server = LineServer(host: "127.0.0.1", port: 0, desk: desk, logger: quietLogger)
        let port = try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run() }
                let port = try #require(try await server.listeningAddress.port)
                try await withPeer(port: port) { peer in
                    #expect(try await peer.say("hello", id: "1").id == "1")
                    try await peer.send(json: ["type": "message", "session": "s1", "text": "hello", "id": "2"])
                    trigger.triggerGracefulShutdown()
                    var rest: [String] = []
                    do {
                        while let line = try await peer.nextLine() { rest.append(line) }
                    } catch {
                        // Closing a socket with unread input makes the kernel send a reset; that is
                        // an end of stream too.
                    }
                    // The second line is answered if the server had read it; nothing else arrives.
                    #expect(rest.count <= 1)
                    #expect(rest.allSatisfy { $0.contains(#""id":"2""#) && $0.contains(#""type":"reply""#) })
                }
                try await group.waitForAll()
                return port
            }
        }
        #expect(await desk.database.log.pendingCount == 0)
        await #expect(throws: (any Error).self) {
            try await withPeer(port: port) { peer in try await peer.send(#"{"type":"ping"}"#) }
        }
    }
}

import Foundation
import GRDB
import SupportTestSupport
import Testing

/// Issue 7 §6: a ticket whose id reached a client survives a SIGKILL of `supportbot serve`, and the
/// SQLite file stays intact. Several clients on plain TCP sockets stream `contact_support` hand-offs;
/// the server is killed mid-stream, restarted on the same file, and the file is checked; several rounds.
@Suite("Crash safety (supportbot serve, SIGKILL)", .serialized)
struct CrashSafetyTests {
    /// What a client sent back to the test.
    enum ClientEvent: Sendable {
        /// A reply carried this ticket id.
        case ticket(String)
        /// The client stopped: `failure` is why, `afterKill` whether the server had been killed by then.
        case finished(failure: String, afterKill: Bool)
    }

    /// Set just before the server is killed, so clients can tell an expected disconnect from a bug.
    final class KillFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var killed = false
        func set() { lock.withLock { killed = true } }
        var isSet: Bool { lock.withLock { killed } }
    }

    /// The fields of a reply line the test reads.
    struct ReplyLine: Decodable {
        struct Ticket: Decodable { var id: String }
        var type: String
        var awaiting: String?
        var ticket: Ticket?
        var code: String?
    }

    /// An answer for each field of the shipped `contact_support` flow (checked with `supportbot chat --json`).
    static let answers = [
        "summary": "Hello, I have a question for the team about the next release notes",
        "contact": "alice@example.com",
        "confirm": "yes",
    ]
    static let clients = 4

    /// One client's whole life on its own thread: connect, then file hand-offs until the connection fails.
    static func runClient(
        port: UInt16, name: String, events: AsyncStream<ClientEvent>.Continuation, killFlag: KillFlag
    ) {
        var failure = "stopped"
        do {
            let socket = try LineSocket(port: port)
            let decoder = JSONDecoder()
            var request = 0
            func say(_ text: String, session: String) throws -> ReplyLine {
                request += 1
                let json = try JSONSerialization.data(withJSONObject: [
                    "type": "message", "session": session, "text": text, "id": "\(name)-\(request)",
                ])
                try socket.send(String(decoding: json, as: UTF8.self))
                let line = try socket.readLine()
                let reply = try decoder.decode(ReplyLine.self, from: Data(line.utf8))
                guard reply.type == "reply" else {
                    throw LineSocket.Failure(description: "server answered \(line)")
                }
                return reply
            }
            for handOff in 0..<10_000 {
                let session = "\(name)-\(handOff)"
                var reply = try say("I want to talk to a real person", session: session)
                var turns = 0
                while reply.ticket == nil {
                    guard let awaiting = reply.awaiting, let answer = answers[awaiting], turns < 6 else {
                        throw LineSocket.Failure(
                            description: "unexpected turn: awaiting \(reply.awaiting ?? "nothing"), no ticket")
                    }
                    reply = try say(answer, session: session)
                    turns += 1
                }
                if let ticket = reply.ticket { events.yield(.ticket(ticket.id)) }
            }
        } catch {
            failure = "\(error)"
        }
        events.yield(.finished(failure: failure, afterKill: killFlag.isSet))
    }

    /// Ticket ids in the file, and the result of `PRAGMA integrity_check`.
    static func inspect(_ path: String) throws -> (tickets: Set<String>, integrity: [String]) {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read { db in
            (
                Set(try String.fetchAll(db, sql: "SELECT public_id FROM tickets")),
                try String.fetchAll(db, sql: "PRAGMA integrity_check")
            )
        }
    }

    @Test("tickets sent to clients survive SIGKILL mid-stream; the file passes integrity_check", .timeLimit(.minutes(5)))
    func killMidStream() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: BuiltExecutable.path), "build supportbot first")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("support.sqlite").path

        var acknowledged: Set<String> = []
        let rounds = 4
        for round in 0..<rounds {
            // Each start after the first is the restart on the file a SIGKILL left behind.
            let server = try ServeProcess.start(database: database)
            defer { server.kill() }
            if round > 0 {
                let (stored, integrity) = try Self.inspect(database)
                #expect(integrity == ["ok"], "round \(round): integrity_check said \(integrity)")
                #expect(
                    acknowledged.isSubset(of: stored),
                    "round \(round): lost tickets \(acknowledged.subtracting(stored).sorted())")
            }

            let killFlag = KillFlag()
            let (events, continuation) = AsyncStream.makeStream(of: ClientEvent.self)
            for client in 0..<Self.clients {
                let name = "crash-\(round)-\(client)"
                Thread.detachNewThread {
                    Self.runClient(port: server.port, name: name, events: continuation, killFlag: killFlag)
                }
            }
            // Kill after a different number of hand-offs each round, while the clients are mid-flow.
            let killAfter = 4 + 3 * round
            var received = 0
            var finished = 0
            for await event in events {
                switch event {
                case .ticket(let id):
                    #expect(!acknowledged.contains(id), "ticket id \(id) was sent twice")
                    acknowledged.insert(id)
                    received += 1
                    if received == killAfter {
                        killFlag.set()
                        server.kill()
                    }
                case .finished(let failure, let afterKill):
                    #expect(afterKill, "a client failed before the server was killed: \(failure)")
                    finished += 1
                }
                if finished == Self.clients { break }
            }
            continuation.finish()
            #expect(received >= killAfter, "round \(round): only \(received) hand-offs before the clients stopped")
        }

        // Last restart: the file is intact, every acknowledged ticket is there, and the server still
        // files new tickets under fresh ids.
        let server = try ServeProcess.start(database: database)
        defer { server.kill() }
        let (stored, integrity) = try Self.inspect(database)
        #expect(integrity == ["ok"])
        #expect(acknowledged.isSubset(of: stored), "lost tickets: \(acknowledged.subtracting(stored).sorted())")
        #expect(acknowledged.count >= (0..<rounds).reduce(0) { $0 + 4 + 3 * $1 })

        let socket = try LineSocket(port: server.port)
        var reply = ReplyLine(type: "", awaiting: nil, ticket: nil, code: nil)
        for text in ["I want to talk to a real person", Self.answers["summary"]!, "alice@example.com", "yes"] {
            try socket.send(
                String(decoding: try JSONSerialization.data(withJSONObject: [
                    "type": "message", "session": "after-restart", "text": text,
                ]), as: UTF8.self))
            reply = try JSONDecoder().decode(ReplyLine.self, from: Data(try socket.readLine().utf8))
        }
        let fresh = try #require(reply.ticket?.id, "no ticket after the restart")
        #expect(!acknowledged.contains(fresh), "ticket id \(fresh) reused after a crash")
        #expect(server.terminate() == 0, "graceful shutdown after the restart: \(server.stderr)")
        #expect(try Self.inspect(database).tickets.contains(fresh))
    }
}

import Foundation
import SupportServer
import SupportStore
import Testing

/// Loopback tests: a real server on a free port, real sockets, the fixture engine.
@Suite("LineServer")
struct LineServerTests {
    @Test("ping is answered with pong, echoing the id")
    func ping() async throws {
        try await withServer { port in
            try await withPeer(port: port) { peer in
                try await peer.send(#"{"type":"ping","id":"p1"}"#)
                let pong = try await peer.next()
                #expect(pong.type == "pong")
                #expect(pong.id == "p1")
                try await peer.send(#"{"type":"ping"}"#)
                #expect(try await peer.nextLine() == #"{"type":"pong"}"#)
            }
        }
    }

    @Test("a server on event loops of its own serves several connections and stops", arguments: [1, 3])
    func ownEventLoops(threads: Int) async throws {
        try await withServer(eventLoopThreads: threads) { port in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for client in 0..<4 {
                    group.addTask {
                        try await withPeer(port: port) { peer in
                            let reply = try await peer.say("hello", session: "loops-\(client)", id: "c\(client)")
                            #expect(reply.id == "c\(client)")
                            #expect(reply.intent == "greeting")
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        // `withServer` returned, so `run()` shut the server's own loops down after the graceful stop.
    }

    @Test("a message gets a reply with every protocol field")
    func message() async throws {
        try await withServer { port in
            try await withPeer(port: port) { peer in
                let reply = try await peer.say("hello", session: "web-42", id: "c1")
                #expect(reply.type == "reply")
                #expect(reply.session == "web-42")
                #expect(reply.id == "c1")
                #expect(reply.intent == "greeting")
                #expect(reply.lang == "en")
                #expect(reply.text?.contains("GREETING") == true)
                #expect((reply.confidence ?? -1) >= 0)
                #expect(reply.flow == nil)
                #expect(reply.ticket == nil)
                #expect(reply.warnings == [])
                let zh = try await peer.say("客服几点上班", session: "web-43")
                #expect(zh.lang == "zh")
                #expect(zh.intent == "support_hours")
                #expect(zh.id == nil)
            }
        }
    }

    @Test("a flow runs to a ticket, and reset forgets the session")
    func flowAndReset() async throws {
        try await withServer { port in
            try await withPeer(port: port) { peer in
                let first = try await peer.say("I need a human", session: "a")
                #expect(first.flow == "contact_support")
                #expect(first.awaiting == "summary")
                let second = try await peer.say("My withdrawal has been pending for three days.", session: "a")
                #expect(second.awaiting == "contact")
                var reply = try await peer.say("alice@example.com", session: "a")
                // The engine may ask for a confirmation before filing.
                var turns = 0
                while reply.ticket == nil, reply.flow != nil, turns < 3 {
                    reply = try await peer.say("yes", session: "a")
                    turns += 1
                }
                let ticket = try #require(reply.ticket)
                #expect(ticket.id.hasPrefix("T-"))
                #expect(ticket.status == "open")

                // Asking for a person again: the case is with one already, no second case is started.
                let again = try await peer.say("I need a human", session: "a")
                #expect(again.flow == nil)
                #expect(again.text?.contains(ticket.id) == true)
                try await peer.send(#"{"type":"reset","session":"a","id":"r1"}"#)
                let reset = try await peer.next()
                #expect(reset.type == "reset")
                #expect(reset.session == "a")
                #expect(reset.id == "r1")
                let after = try await peer.say("hello", session: "a")
                #expect(after.intent == "greeting")
                #expect(after.flow == nil)
            }
        }
    }

    @Test("sessions multiplexed on one connection keep separate state")
    func multiplexing() async throws {
        try await withServer { port in
            try await withPeer(port: port) { peer in
                #expect(try await peer.say("I need a human", session: "alice").awaiting == "summary")
                #expect(try await peer.say("hello", session: "bob").intent == "greeting")
                let alice = try await peer.say("The app crashes whenever I open it.", session: "alice")
                #expect(alice.session == "alice")
                #expect(alice.awaiting == "contact")
                let bob = try await peer.say("I need a human", session: "bob")
                #expect(bob.session == "bob")
                #expect(bob.awaiting == "summary")
            }
        }
    }

    @Test("pipelined requests of one session are answered in order")
    func ordering() async throws {
        try await withServer { port in
            try await withPeer(port: port) { peer in
                let count = 40
                for index in 0..<count {
                    let session = index % 3 == 0 ? "x" : "y"
                    try await peer.send(json: ["type": "message", "session": session, "text": "hello \(index)", "id": "\(index)"])
                }
                var ids: [String] = []
                for _ in 0..<count { ids.append(try #require(try await peer.next().id)) }
                #expect(ids == (0..<count).map(String.init))
            }
        }
    }

    @Test("100 concurrent clients × 50 messages: every reply arrives exactly once")
    func concurrentClients() async throws {
        let clients = 100
        let messages = 50
        let texts = ["hello", "你好", "what are your support hours", "客服几点上班", "tell me a joke"]
        try await withServer { port in
            try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
                for client in 0..<clients {
                    group.addTask {
                        try await withPeer(port: port) { peer in
                            for index in 0..<messages {
                                try await peer.send(json: [
                                    "type": "message", "session": "c\(client)-\(index % 2)",
                                    "text": texts[(client + index) % texts.count], "id": "\(client)/\(index)",
                                ])
                            }
                            var ids: [String] = []
                            for _ in 0..<messages {
                                let reply = try await peer.next()
                                #expect(reply.type == "reply")
                                ids.append(reply.id ?? "?")
                            }
                            return (client, ids)
                        }
                    }
                }
                var seen = 0
                for try await (client, ids) in group {
                    #expect(ids == (0..<messages).map { "\(client)/\($0)" })
                    seen += ids.count
                }
                #expect(seen == clients * messages)
            }
        }
    }

    @Test("a connection whose first line is not JSON is a plain-text chat")
    func plainText() async throws {
        try await withServer { port in
            try await withPeer(port: port) { peer in
                try await peer.send("hello")
                #expect(try await peer.nextBlock()?.contains("GREETING") == true)
                try await peer.send("I need a human")
                let prompt = try #require(try await peer.nextBlock())
                #expect(prompt.contains("ASK summary"))
                try await peer.send("/reset")
                #expect(try await peer.nextBlock() == "(conversation reset)")
                // JSON on a plain-text connection is just text to the bot.
                try await peer.send(#"{"type":"ping"}"#)
                #expect(try await peer.nextBlock()?.contains("pong") == false)
                try await peer.send("/quit")
                #expect(try await peer.nextLine() == nil)
            }
        }
    }

    @Test("a gateway resumes a session after a server restart on the same database")
    func resumeAfterRestart() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("server-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }

        let firstDesk = try ServerFixtures.makeDesk(path: path)
        try await withServer(desk: firstDesk) { port in
            try await withPeer(port: port) { peer in
                let reply = try await peer.say("I need a human", session: "web-7")
                #expect(reply.awaiting == "summary")
            }
        }
        try await firstDesk.database.close()

        let secondDesk = try ServerFixtures.makeDesk(path: path)
        try await withServer(desk: secondDesk) { port in
            try await withPeer(port: port) { peer in
                let reply = try await peer.say("My deposit never showed up in the wallet.", session: "web-7")
                #expect(reply.flow == "contact_support")
                #expect(reply.awaiting == "contact")
            }
        }
        try await secondDesk.database.close()
    }
}

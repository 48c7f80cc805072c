import Foundation
import GRDB
import SupportTestSupport
import Testing

/// Issue 7 §6: a hand-off whose ticket id reached a client survives a SIGKILL of the server.
/// Runs the built `supportbot serve` on the real `Intents/`, streams theft reports from several
/// clients, kills the server mid-stream, restarts it, and checks the database.
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    /// Answers for every field of the shipped `report_theft` flow (`skip` for the optional ones).
    static let answers: [String: String] = [
        "wallet_address": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "chain": "ethereum", "asset": "USDT",
        "amount": "1200", "incident_time": "yesterday 10pm", "how_it_happened": "phishing site",
        "wallet_app": "tokenpocket", "download_source": "official website", "contact": "alice@example.com",
        "confirm": "yes",
    ]

    /// The `supportbot` executable built next to the test bundle.
    static var executable: URL { URL(fileURLWithPath: BuiltExecutable.path) }

    /// A running `supportbot serve` and the port it bound.
    struct ServerProcess {
        let process: Process
        let port: Int

        static func start(database: String) throws -> ServerProcess {
            let process = Process()
            process.executableURL = CrashSafetyTests.executable
            process.arguments = [
                "serve", "--port", "0", "--db", database, "--intents", RepositoryPaths.intents.path, "--max-rate", "0",
            ]
            let stderr = Pipe()
            process.standardError = stderr
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            // Reads the log until the `listening on HOST:PORT` line.
            var log = ""
            while !log.contains("listening on") || !log.contains("\n") {
                let chunk = stderr.fileHandleForReading.availableData
                if chunk.isEmpty { throw TestFailure("server exited before listening: \(log)") }
                log += String(decoding: chunk, as: UTF8.self)
            }
            let line = log.split(separator: "\n").first { $0.contains("listening on") } ?? ""
            guard let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) })
            else { throw TestFailure("no port in \(line)") }
            return ServerProcess(process: process, port: port)
        }

        func kill() {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// One client: files theft reports one after another until the server goes away; yields each
    /// ticket id it is sent.
    static func streamReports(port: Int, client: Int, round: Int, tickets: AsyncStream<String>.Continuation) async {
        do {
            try await withPeer(port: port) { peer in
                for report in 0..<1_000 {
                    let session = "crash-\(round)-\(client)-\(report)"
                    var reply = try await peer.say("my wallet got drained last night", session: session)
                    var turns = 0
                    while reply.ticket == nil, let awaiting = reply.awaiting, turns < 30 {
                        reply = try await peer.say(answers[awaiting] ?? "skip", session: session)
                        turns += 1
                    }
                    if let ticket = reply.ticket { tickets.yield(ticket.id) }
                }
            }
        } catch {
            // The server was killed: expected.
        }
    }

    @Test("every acknowledged ticket survives SIGKILL, and the database stays intact", .timeLimit(.minutes(5)))
    func killMidStream() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build supportbot first")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crash-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("support.sqlite").path

        var acknowledged: Set<String> = []
        for round in 0..<3 {
            let server = try ServerProcess.start(database: database)
            let (tickets, continuation) = AsyncStream.makeStream(of: String.self)
            let clients = Task {
                await withTaskGroup(of: Void.self) { group in
                    for client in 0..<4 {
                        group.addTask { await Self.streamReports(port: server.port, client: client, round: round, tickets: continuation) }
                    }
                }
                continuation.finish()
            }
            // Kill after a few hand-offs, while the clients are still mid-report.
            var received = 0
            for await ticket in tickets {
                acknowledged.insert(ticket)
                received += 1
                if received == 3 + round * 2 { server.kill() }
            }
            await clients.value
            #expect(received >= 3 + round * 2)
        }

        // Restart on the same file: the server comes up, then the file is checked.
        let restarted = try ServerProcess.start(database: database)
        restarted.process.terminate()
        restarted.process.waitUntilExit()
        let queue = try DatabaseQueue(path: database)
        let stored = try await queue.read { db in Set(try String.fetchAll(db, sql: "SELECT public_id FROM tickets")) }
        let integrity = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
        #expect(acknowledged.isSubset(of: stored), "lost: \(acknowledged.subtracting(stored).sorted())")
        #expect(acknowledged.count >= 9)
    }
}

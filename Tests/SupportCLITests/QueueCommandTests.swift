import ArgumentParser
import Foundation
import SupportCore
import SupportStore
import Testing

@testable import SupportCLI

@Suite("queue command")
struct QueueCommandTests {
    /// A database file with one open ticket; removed by the caller.
    private static func databaseWithTicket() async throws -> (directory: URL, path: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("queuecli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("desk.sqlite").path
        let database = try SupportDatabase.open(at: path)
        let theft = CaseFile(
            sessionID: "s1", intent: .reportTheft, language: .en, priority: .high,
            fields: [FieldAnswer(field: "chain", value: EvidenceValue("tron"))], missingFields: [], summary: "stolen",
            secretExposed: false)
        _ = try await database.tickets.file(theft, channel: "cli", at: Date())
        try await database.close()
        return (directory, path)
    }

    private static func run(_ arguments: [String]) async throws {
        var command = try Supportbot.parseAsRoot(arguments)
        if var command = command as? any AsyncParsableCommand {
            try await command.run()
        } else {
            try command.run()
        }
    }

    @Test("claim, resolve and escalate change the ticket in the file named by --db")
    func claimAndResolve() async throws {
        let (directory, path) = try await Self.databaseWithTicket()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await Self.run(["queue", "claim", "T-000001", "--agent", "alice", "--db", path])
        try await Self.run(["queue", "resolve", "T-000001", "--agent", "alice", "--note", "refunded", "--db", path])
        let database = try SupportDatabase.open(at: path)
        let detail = try await database.tickets.ticket("T-000001")
        #expect(detail.ticket.status == .resolved)
        #expect(detail.events.map(\.kind) == [.created, .claimed, .resolved])
        #expect(detail.events.last?.note == "refunded")
        try await database.close()
    }

    @Test("claiming a claimed ticket exits 1")
    func claimConflict() async throws {
        let (directory, path) = try await Self.databaseWithTicket()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await Self.run(["queue", "claim", "T-000001", "--agent", "alice", "--db", path])
        await #expect(throws: ExitCode.failure) {
            try await Self.run(["queue", "claim", "T-000001", "--agent", "bob", "--db", path])
        }
    }

    @Test("a missing database file exits 1 instead of creating one")
    func missingDatabase() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).sqlite")
            .path
        await #expect(throws: ExitCode.failure) { try await Self.run(["queue", "list", "--db", path]) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("options parse: list filters, export format, and bad combinations are rejected")
    func parsing() throws {
        let list = try #require(
            try Supportbot.parseAsRoot([
                "queue", "list", "--status", "open", "--status", "claimed", "--priority", "urgent",
            ]) as? QueueListCommand)
        #expect(list.statuses == [.open, .claimed])
        #expect(list.priority == .urgent)
        let all = try #require(try Supportbot.parseAsRoot(["queue", "list", "--all"]) as? QueueListCommand)
        #expect(all.statuses == nil)
        let defaults = try #require(try Supportbot.parseAsRoot(["queue", "list"]) as? QueueListCommand)
        #expect(defaults.statuses == [.open, .claimed, .escalated])
        #expect(throws: (any Error).self) {
            try Supportbot.parseAsRoot(["queue", "list", "--all", "--status", "open"])
        }
        #expect(throws: (any Error).self) { try Supportbot.parseAsRoot(["queue", "list", "--status", "lost"]) }
        let export = try #require(
            try Supportbot.parseAsRoot(["queue", "export", "--format", "json"]) as? QueueExportCommand)
        #expect(export.format == .json)
        #expect(throws: (any Error).self) { try Supportbot.parseAsRoot(["queue", "export", "--format", "xml"]) }
    }
}

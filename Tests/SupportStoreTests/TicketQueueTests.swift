import Foundation
import GRDB
import SupportCore
import SupportStore
import Testing

@Suite("TicketQueue")
struct TicketQueueTests {
    // MARK: - Filing

    @Test("public ids count up from T-000001")
    func publicIDs() async throws {
        let queue = try SupportDatabase.inMemory().tickets
        var ids: [String] = []
        for index in 0..<3 {
            ids.append(
                try await queue.file(StoreFixtures.theftCase(), channel: "cli", at: StoreFixtures.time(Double(index)))
                    .id)
        }
        #expect(ids == ["T-000001", "T-000002", "T-000003"])
        #expect(TicketQueue.publicID(1_234_567) == "T-1234567")
        #expect(TicketQueue.number(fromPublicID: "t-42") == 42)
        #expect(TicketQueue.number(fromPublicID: " T-000123 ") == 123)
        #expect(TicketQueue.number(fromPublicID: "T-12a") == nil)
        #expect(TicketQueue.number(fromPublicID: "T-0") == nil)
    }

    @Test("a filed ticket is committed when file returns, with its fields in flow order and the buffered transcript")
    func filingCommitsWithTranscript() async throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.remove(directory) }
        let path = directory.appendingPathComponent("desk.sqlite").path
        let database = try SupportDatabase.open(at: path, commitPolicy: StoreFixtures.manualCommits)
        let now = StoreFixtures.time()
        // One line already on disk, two still buffered, and another session's buffered line.
        await database.log.append("my wallet got drained", role: .user, session: "s1", channel: "cli", at: now)
        try await database.flush()
        await database.log.append("Which address?", role: .bot, session: "s1", channel: "cli", at: now)
        await database.log.append("yes", role: .user, session: "s1", channel: "cli", at: now)
        await database.log.append("hello", role: .user, session: "other", channel: "cli", at: now)

        let reference = try await database.tickets.file(StoreFixtures.theftCase(), channel: "cli", at: now)

        // A separate connection sees the ticket, its event and s1's messages; the filing's transaction
        // carried only its own session's buffered lines, so the other session's line still waits.
        #expect(reference == TicketReference(id: "T-000001", status: .open))
        #expect(try StoreFixtures.committedCount("tickets", path: path, where: "public_id = 'T-000001'") == 1)
        #expect(try StoreFixtures.committedCount("ticket_events", path: path, where: "kind = 'created'") == 1)
        #expect(try StoreFixtures.committedCount("messages", path: path, where: "session = 's1'") == 3)
        #expect(try StoreFixtures.committedCount("messages", path: path, where: "session = 'other'") == 0)
        #expect(await database.log.pendingCount == 1)
        let chain = try await DatabaseQueue(path: path).read { db in
            try String.fetchOne(db, sql: "SELECT json_extract(fields, '$.chain') FROM tickets")
        }
        #expect(chain == "ethereum")

        let detail = try await database.tickets.ticket("T-000001")
        #expect(detail.ticket.fields.map(\.name) == ["wallet_address", "chain", "amount"])
        #expect(detail.ticket.fields.map(\.isApproximate) == [false, false, true])
        #expect(detail.ticket.value(of: "amount") == "300 USDT")
        #expect(detail.ticket.missingFields == ["tx_hashes"])
        #expect(detail.ticket.priority == .high)
        #expect(detail.transcript.map(\.text) == ["my wallet got drained", "Which address?", "yes"])
        #expect(detail.transcript.map(\.seq) == [1, 2, 3])
        #expect(detail.transcript.map(\.role) == [.user, .bot, .user])

        // Lines logged after the filing are not part of that ticket's transcript.
        await database.log.append("thanks", role: .user, session: "s1", channel: "cli", at: now)
        try await database.flush()
        #expect(try await database.tickets.ticket("T-000001").transcript.count == 3)
        try await database.close()
    }

    @Test("a case with an exposed secret is filed as urgent")
    func secretMakesUrgent() async throws {
        let queue = try SupportDatabase.inMemory().tickets
        _ = try await queue.file(
            StoreFixtures.theftCase(priority: .normal, secretExposed: true), channel: "tcp", at: StoreFixtures.time())
        let ticket = try await queue.ticket("T-000001").ticket
        #expect(ticket.priority == .urgent)
        #expect(ticket.secretExposed)
        #expect(ticket.channel == "tcp")
    }

    // MARK: - Reading

    @Test("list orders by priority, then oldest first, and filters")
    func listOrdering() async throws {
        let queue = try SupportDatabase.inMemory().tickets
        let priorities: [Priority] = [.normal, .urgent, .low, .urgent, .high]
        for (index, priority) in priorities.enumerated() {
            _ = try await queue.file(
                StoreFixtures.theftCase(priority: priority), channel: "cli", at: StoreFixtures.time(Double(index)))
        }
        #expect(try await queue.list().map(\.id) == ["T-000002", "T-000004", "T-000005", "T-000001", "T-000003"])
        #expect(try await queue.list(priority: .urgent).map(\.id) == ["T-000002", "T-000004"])
        #expect(try await queue.list(limit: 2).map(\.id) == ["T-000002", "T-000004"])
        try await queue.claim("T-000002", by: "alice", at: StoreFixtures.time(10))
        #expect(try await queue.list(status: [.open]).map(\.id) == ["T-000004", "T-000005", "T-000001", "T-000003"])
        #expect(try await queue.list(status: [.claimed]).map(\.assignee) == ["alice"])
    }

    @Test("snapshot answers a status question, nil for an unknown id")
    func snapshots() async throws {
        let queue = try SupportDatabase.inMemory().tickets
        _ = try await queue.file(StoreFixtures.theftCase(), channel: "cli", at: StoreFixtures.time())
        try await queue.claim("T-000001", by: "alice", at: StoreFixtures.time(60))
        let snapshot = try #require(try await queue.snapshot("t-1"))
        #expect(snapshot.reference == TicketReference(id: "T-000001", status: .claimed))
        #expect(snapshot.intent == .reportTheft)
        #expect(snapshot.updatedAt == StoreFixtures.time(60))
        #expect(try await queue.snapshot("T-000099") == nil)
        #expect(try await queue.snapshot("nonsense") == nil)
    }

    // MARK: - Agents' actions

    @Test("claim, note, escalate, claim again and resolve are each recorded as events")
    func eventsRecorded() async throws {
        let queue = try SupportDatabase.inMemory().tickets
        _ = try await queue.file(StoreFixtures.theftCase(), channel: "cli", at: StoreFixtures.time())
        try await queue.claim("T-000001", by: "alice", at: StoreFixtures.time(1))
        try await queue.addNote("asked the exchange", to: "T-000001", by: "alice", at: StoreFixtures.time(2))
        try await queue.escalate("T-000001", by: "alice", note: "needs legal", at: StoreFixtures.time(3))
        #expect(try await queue.ticket("T-000001").ticket.assignee == nil)
        try await queue.claim("T-000001", by: "bob", at: StoreFixtures.time(4))
        try await queue.resolve("T-000001", by: "bob", note: "funds frozen", at: StoreFixtures.time(5))

        let detail = try await queue.ticket("T-000001")
        #expect(detail.ticket.status == .resolved)
        #expect(detail.ticket.assignee == "bob")
        #expect(detail.ticket.updatedAt == StoreFixtures.time(5))
        #expect(detail.events.map(\.kind) == [.created, .claimed, .note, .escalated, .claimed, .resolved])
        #expect(detail.events.map(\.actor) == ["supportbot", "alice", "alice", "alice", "bob", "bob"])
        #expect(
            detail.events.map(\.note) == [
                "filed via cli", nil, "asked the exchange", "needs legal", nil, "funds frozen",
            ])
    }

    @Test("invalid transitions fail with a specific error and change nothing")
    func invalidTransitions() async throws {
        let queue = try SupportDatabase.inMemory().tickets
        _ = try await queue.file(StoreFixtures.theftCase(), channel: "cli", at: StoreFixtures.time())
        let now = StoreFixtures.time(1)

        await #expect(throws: StoreError.self) { try await queue.resolve("T-000001", by: "alice", at: now) }
        try await queue.claim("T-000001", by: "alice", at: now)
        let notYours = await #expect(throws: StoreError.self) {
            try await queue.resolve("T-000001", by: "bob", at: now)
        }
        #expect(notYours?.code == .notClaimedByYou)
        #expect(notYours?.message.contains("alice") == true)
        let escalateNotYours = await #expect(throws: StoreError.self) {
            try await queue.escalate("T-000001", by: "bob", at: now)
        }
        #expect(escalateNotYours?.code == .notClaimedByYou)
        try await queue.resolve("T-000001", by: "alice", at: now)
        let again = await #expect(throws: StoreError.self) { try await queue.claim("T-000001", by: "bob", at: now) }
        #expect(again?.code == .invalidTransition)
        let twice = await #expect(throws: StoreError.self) { try await queue.resolve("T-000001", by: "alice", at: now) }
        #expect(twice?.code == .invalidTransition)
        let escalateResolved = await #expect(throws: StoreError.self) {
            try await queue.escalate("T-000001", by: "alice", at: now)
        }
        #expect(escalateResolved?.code == .invalidTransition)

        let missing = await #expect(throws: StoreError.self) { try await queue.claim("T-000404", by: "bob", at: now) }
        #expect(missing?.code == .ticketNotFound)
        let malformed = await #expect(throws: StoreError.self) { try await queue.ticket("ticket one") }
        #expect(malformed?.code == .invalidTicketID)
        let nameless = await #expect(throws: StoreError.self) { try await queue.claim("T-000001", by: "  ", at: now) }
        #expect(nameless?.code == .invalidAgent)

        let detail = try await queue.ticket("T-000001")
        #expect(detail.ticket.status == .resolved)
        #expect(detail.events.map(\.kind) == [.created, .claimed, .resolved])
    }

    @Test("of two agents racing to claim a ticket, exactly one wins and the other is told who", arguments: [40])
    func claimRace(iterations: Int) async throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.remove(directory) }
        let path = directory.appendingPathComponent("race.sqlite").path
        // Two pools on one file, like two `supportbot queue claim` processes.
        let first = try SupportDatabase.open(at: path)
        let second = try SupportDatabase.open(at: path)
        for iteration in 0..<iterations {
            let id = try await first.tickets.file(
                StoreFixtures.theftCase(), channel: "cli", at: StoreFixtures.time(Double(iteration))
            ).id
            async let alice = Self.attempt { try await first.tickets.claim(id, by: "alice", at: StoreFixtures.time()) }
            async let bob = Self.attempt { try await second.tickets.claim(id, by: "bob", at: StoreFixtures.time()) }
            let outcomes = [("alice", await alice), ("bob", await bob)]
            let winners = outcomes.filter { $0.1 == nil }.map(\.0)
            try #require(winners.count == 1, "iteration \(iteration): \(outcomes)")
            let loser = try #require(outcomes.first { $0.1 != nil }?.1)
            #expect(loser.code == .alreadyClaimed)
            #expect(loser.holder == winners[0])
            #expect(loser.message.contains(winners[0]))
            let detail = try await second.tickets.ticket(id)
            #expect(detail.ticket.assignee == winners[0])
            #expect(detail.events.filter { $0.kind == .claimed }.count == 1)
        }
        try await first.close()
        try await second.close()
    }

    private static func attempt(_ body: @Sendable () async throws -> Void) async -> StoreError? {
        do {
            try await body()
            return nil
        } catch let error as StoreError {
            return error
        } catch {
            return StoreError(.storageFailed, "\(error)")
        }
    }
}

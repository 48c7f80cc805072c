import Foundation
import GRDB
import SupportStore
import Testing

@Suite("SupportDatabase")
struct SupportDatabaseTests {
    private static let tables = ["messages", "sessions", "ticket_events", "tickets"]

    @Test("migrating a fresh in-memory database creates every table")
    func migratesInMemory() async throws {
        let database = try SupportDatabase.inMemory()
        let tables = try await database.writer.read { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb_%' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        }
        #expect(tables == Self.tables)
        let migrations = try await database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(migrations == ["v1"])
    }

    @Test("a file database is in WAL mode with foreign keys on and a 32 MB page cache, and reopens without re-migrating")
    func migratesFile() async throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.remove(directory) }
        let path = directory.appendingPathComponent("desk.sqlite").path
        let database = try SupportDatabase.open(at: path)
        let (mode, foreignKeys, cacheSize) = try await database.writer.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
                try Int.fetchOne(db, sql: "PRAGMA cache_size")
            )
        }
        #expect(mode == "wal")
        #expect(foreignKeys == 1)
        #expect(cacheSize == -32768)  // KiB: 32 MB
        _ = try await database.tickets.file(StoreFixtures.theftCase(), channel: "cli", at: StoreFixtures.time())
        try await database.close()

        let reopened = try SupportDatabase.open(at: path)
        #expect(try await reopened.tickets.list().map(\.id) == ["T-000001"])
        try await reopened.close()
    }

    @Test("a file that is not a database gives a corrupt-database error naming the path")
    func rejectsGarbage() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.remove(directory) }
        let path = directory.appendingPathComponent("garbage.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try SupportDatabase.open(at: path) }
        #expect(error.code == .databaseCorrupt)
        #expect(error.message.contains(path))
    }

    @Test("a path in a missing directory gives a cannot-open error naming the path")
    func rejectsMissingDirectory() throws {
        let path = "/nonexistent-\(UUID().uuidString)/desk.sqlite"
        let error = try #require(throws: StoreError.self) { try SupportDatabase.open(at: path) }
        #expect(error.code == .cannotOpen)
        #expect(error.message.contains(path))
    }
}

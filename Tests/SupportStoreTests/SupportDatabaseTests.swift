import Foundation
import GRDB
import SupportCore
import Testing

@testable import SupportStore

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

    @Test(
        "a file database is in WAL mode with foreign keys on and a 32 MB page cache, and reopens without re-migrating")
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

    @Test("commits never checkpoint; a connection of its own copies the log into the file, and close truncates it")
    func checkpointsOffTheCommitPath() async throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.remove(directory) }
        let path = directory.appendingPathComponent("desk.sqlite").path
        let database = try SupportDatabase.open(at: path, commitPolicy: StoreFixtures.manualCommits)
        let automatic = try await database.writer.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
        #expect(automatic == 0)

        // About 2 MB of log: it lands in the -wal file; only a checkpoint copies it into the file.
        let before = try Self.size(of: path)
        let line = String(repeating: "log line ", count: 100)
        for index in 0..<2_000 {
            await database.log.append(
                line, role: .bot, session: SessionID("s\(index % 50)"), channel: "tcp", at: StoreFixtures.time())
        }
        try await database.flush()
        let deadline = ContinuousClock.now + .seconds(30)
        while try Self.size(of: path) < before + 1_000_000, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(try Self.size(of: path) >= before + 1_000_000)

        try await database.close()
        // Everything is in the file: the log is gone (SQLite removes it when the last connection
        // closes) or empty.
        let wal = path + "-wal"
        let walSize = FileManager.default.fileExists(atPath: wal) ? try Self.size(of: wal) : 0
        #expect(walSize == 0)
    }

    @Test("under back-to-back writes the log still starts over, so the -wal file stays small")
    func logStartsOverUnderSteadyWrites() async throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { StoreFixtures.remove(directory) }
        let (path, pool) = try Self.poolWithoutAutomaticCheckpoints("wal.sqlite", in: directory)
        try await pool.write { db in try db.execute(sql: "CREATE TABLE lines (text TEXT NOT NULL)") }
        // At the process's own priority: this test is about the restart, not the nice value (the
        // next test). At nice 19 the copying only gets the cores' idle time, and with the rest of
        // the suite running beside it the log reached 12 MB before the checkpoints caught up.
        let checkpointer = try WALCheckpointer(
            path: path, configuration: SupportDatabase.configuration, interval: .milliseconds(2), restartFrames: 32,
            niceness: 0)

        // 2,000 small transactions with no pause between them: a passive checkpoint alone never
        // finds the log fully copied when the next one begins, so the log only grows (to 25 MB
        // here when the restart is switched off; with it, 2-3.5 MB alone, and once 8.7 MB with the
        // whole suite running beside it on 2 cores, hence the bound of half the 25 MB).
        let line = String(repeating: "x", count: 3_000)
        for _ in 0..<2_000 {
            try await pool.write { db in try db.execute(sql: "INSERT INTO lines (text) VALUES (?)", arguments: [line]) }
        }
        let walSize = try Self.size(of: path + "-wal")
        #expect(walSize < 12_500_000, "the -wal file reached \(walSize) bytes")
        try await checkpointer.stop()
        try pool.close()
    }

    #if os(Linux)
        @Test("checkpoints run on a thread of their own at the lowest CPU priority")
        func checkpointThreadIsNiced() async throws {
            let directory = try StoreFixtures.temporaryDirectory()
            defer { StoreFixtures.remove(directory) }
            let (path, pool) = try Self.poolWithoutAutomaticCheckpoints("nice.sqlite", in: directory)
            let name = "wal-test-\(Int.random(in: 10_000..<100_000))"
            let checkpointer = try WALCheckpointer(
                path: path, configuration: SupportDatabase.configuration, threadName: name)
            // The thread names itself and lowers its priority as it starts; give it a moment.
            let nice = try await Self.niceValue(ofThreadNamed: name, polledUntil: { $0 == 19 })
            #expect(nice == 19)
            try await checkpointer.stop()
            // `stop` returns once the loop is over; the thread itself exits right after.
            let remaining = try await Self.niceValue(ofThreadNamed: name, polledUntil: { $0 == nil })
            #expect(remaining == nil, "the checkpoint thread should end with stop()")
            try pool.close()
        }

        /// Reads the nice value of the thread named `name` every 10 ms, for up to ten seconds (with the
        /// whole suite running on 2 cores, one second and later three were each once too short for
        /// the thread to start, the second time with two more processes busy beside the suite),
        /// until `isDone` holds; returns the last reading.
        private static func niceValue(
            ofThreadNamed name: String, polledUntil isDone: (Int?) -> Bool
        ) async throws -> Int? {
            var value = try niceValue(ofThreadNamed: name)
            let deadline = ContinuousClock.now + .seconds(10)
            while !isDone(value), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
                value = try niceValue(ofThreadNamed: name)
            }
            return value
        }

        /// The nice value of this process's thread named `name` (field 19 of `/proc/self/task/TID/stat`).
        private static func niceValue(ofThreadNamed name: String) throws -> Int? {
            for task in try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task") {
                let comm = try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)
                guard comm?.trimmingCharacters(in: .newlines) == name,
                    let stat = try? String(contentsOfFile: "/proc/self/task/\(task)/stat", encoding: .utf8),
                    let afterName = stat.range(of: ") ", options: .backwards)
                else { continue }
                // Fields after the name start at field 3 (state); nice is field 19.
                let fields = stat[afterName.upperBound...].split(separator: " ")
                return fields.count > 16 ? Int(fields[16]) : nil
            }
            return nil
        }
    #endif

    /// A pool on the file `name` in `directory`, set up as `SupportDatabase.open` sets up its pool
    /// (commits never checkpoint), for tests that run a `WALCheckpointer` of their own.
    private static func poolWithoutAutomaticCheckpoints(
        _ name: String, in directory: URL
    ) throws -> (path: String, pool: DatabasePool) {
        let path = directory.appendingPathComponent(name).path
        return (path, try DatabasePool(path: path, configuration: SupportDatabase.poolConfiguration))
    }

    private static func size(of path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}

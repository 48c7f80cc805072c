import Foundation
import GRDB
import SupportTestSupport
import Testing

/// Runs the built `supportbot` executable with a complete theft report piped on stdin, then reads
/// the SQLite file it wrote.
@Suite("end to end", .serialized)
struct EndToEndTests {
    struct Report: Sendable, CustomTestStringConvertible {
        var name: String
        var lines: [String]
        var expected: [String: String]
        var language: String
        var testDescription: String { name }
    }

    static let reports = [
        Report(
            name: "English theft report on BSC",
            lines: [
                // The opening names the token, so it is not asked; a time in it ("last night") would be
                // read against today's clock, so the report gives the time as an answer.
                "my wallet got drained, all my USDT is gone",
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "BSC", "1,250.5", "2026-01-09 23:00",
                "0x1f5e2c6d0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d", "skip",
                "I approved a contract on a fake airdrop site", "skip", "TokenPocket", "1.8.6", "official site",
                "alice@example.com", "yes",
            ],
            expected: [
                "wallet_address": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "chain": "bsc", "asset": "USDT",
                "amount": "1250.5", "tx_hash": "0x1f5e2c6d0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d",
                "how_it_happened": "signed_or_approved_on_site", "wallet_app": "tokenpocket", "app_version": "1.8.6",
                "download_source": "official_site", "contact": "alice@example.com",
            ],
            language: "en"),
        Report(
            name: "Chinese theft report on TRON",
            lines: [
                "我的USDT被人转走了，怎么办", "TUoHaVjx7n5xz8LwPRDckgFrDWhMhuSuJM", "约3000", "2026-01-09 22:00", "跳过", "跳过",
                "在一个领空投的网站上授权了", "跳过", "TP钱包", "跳过", "官网", "@zhang_san88", "是",
            ],
            expected: [
                "wallet_address": "TUoHaVjx7n5xz8LwPRDckgFrDWhMhuSuJM", "chain": "tron", "asset": "USDT", "amount": "3000",
                "how_it_happened": "signed_or_approved_on_site", "wallet_app": "tokenpocket",
                "download_source": "official_site", "contact": "@zhang_san88",
            ],
            language: "zh"),
    ]

    @Test("a piped theft report ends as a ticket row with every field", arguments: reports)
    func pipedTheftReport(report: Report) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let databasePath = directory.appendingPathComponent("desk.sqlite").path

        let chat = try BuiltExecutable.run(
            ["chat", "--db", databasePath, "--intents", RepositoryPaths.intents.path],
            input: report.lines.joined(separator: "\n") + "\n")
        #expect(chat.status == 0, "chat failed: \(chat.stderr)")
        #expect(chat.stdout.contains("T-000001"), "the last reply names the ticket:\n\(chat.stdout)")

        let database = try DatabaseQueue(path: databasePath)
        let row = try #require(try database.read { try Row.fetchOne($0, sql: "SELECT * FROM tickets") })
        #expect(row["public_id"] as String? == "T-000001")
        #expect(row["intent"] as String? == "report_theft")
        #expect(row["status"] as String? == "open")
        #expect(row["lang"] as String? == report.language)
        #expect(row["priority"] as String? == "high")
        let fieldsJSON = try #require(row["fields"] as String?)
        let fields = try JSONDecoder().decode([String: String].self, from: Data(fieldsJSON.utf8))
        for (name, value) in report.expected {
            #expect(fields[name] == value, "field \(name)")
        }
        #expect(fields["incident_time"]?.hasPrefix("2026-01-09T2") == true, "incident_time \(fields["incident_time"] ?? "nil")")
        let messages = try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM messages") } ?? 0
        #expect(messages == report.lines.count * 2, "every line and reply is in the conversation log")

        let show = try BuiltExecutable.run(["queue", "show", "T-000001", "--db", databasePath, "--intents", RepositoryPaths.intents.path])
        #expect(show.status == 0, "queue show failed: \(show.stderr)")
        for value in report.expected.values {
            #expect(show.stdout.contains(value), "queue show displays \(value)")
        }
    }

    @Test("piped chat answers every line and exits 0 at end of input")
    func pipedChatExitsCleanly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let chat = try BuiltExecutable.run(
            ["chat", "--json", "--db", directory.appendingPathComponent("d.sqlite").path, "--intents", RepositoryPaths.intents.path],
            input: "hi\n你好\nwhat are your hours?\n")
        #expect(chat.status == 0, "chat failed: \(chat.stderr)")
        let replies = chat.stdout.split(separator: "\n").map { String($0) }
        #expect(replies.count == 3)
        let languages = try replies.map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["lang"] as? String ?? "?"
        }
        #expect(languages == ["en", "zh", "en"])
    }
}

import Foundation
import GRDB
import SupportTestSupport
import Testing

/// Pastes every kind of secret into a real `supportbot chat --record` session, hands the case to a person,
/// then searches everything that rests on disk or was printed for any piece of the secrets.
@Suite("secrets at rest")
struct SecretsAtRestTests {
    /// Public test vectors and made-up phrases; none of them holds funds.
    static let secrets: [(message: String, pieces: [String])] = [
        (
            "my seed is zebra violin pumpkin walnut tornado velvet squirrel oyster lizard hammer wolf jaguar",
            ["zebra", "violin", "pumpkin", "walnut", "tornado", "velvet", "squirrel", "oyster", "lizard", "jaguar"]
        ),
        ("助记词：\n枪疫霉尝\n俩闹饿贤\n枪疫霉卿", ["枪", "疫", "霉", "尝", "俩", "闹", "饿", "贤", "卿"]),
        (
            "private key 0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d",
            ["0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d", "0c28fca386c7a227"]
        ),
        ("wif 5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ", ["5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"]),
        (
            "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi",
            ["xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"]
        ),
        (
            #"keystore {"crypto":{"ciphertext":"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46","kdf":"scrypt"}}"#,
            ["5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46"]
        ),
    ]

    @Test("no secret from the corpus survives in the SQLite file, the output or the recorded transcript")
    func nothingRests() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("desk.sqlite").path
        let transcript = directory.appendingPathComponent("session.txt").path

        let lines = ["my wallet was drained last night, all my USDT is gone"] + Self.secrets.map(\.message) + ["agent"]
        let chat = try BuiltExecutable.run(
            ["chat", "--db", database, "--intents", RepositoryPaths.intents.path, "--record", transcript],
            input: lines.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n") + "\n")
        #expect(chat.status == 0, "chat failed: \(chat.stderr)")
        #expect(chat.stdout.contains("T-000001"), "the case was handed over:\n\(chat.stdout)")

        // The ticket exists, is urgent, and its conversation is attached (redacted).
        let queue = try DatabaseQueue(path: database)
        let priority = try queue.read { try String.fetchOne($0, sql: "SELECT priority FROM tickets") }
        #expect(priority == "urgent")
        let logged = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM messages") } ?? 0
        #expect(logged == lines.count * 2)
        try queue.close()

        var resting: [(String, String)] = [("stdout", chat.stdout), ("stderr", chat.stderr)]
        resting.append(("transcript", try String(contentsOfFile: transcript, encoding: .utf8)))
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasPrefix("desk.sqlite") {
            let bytes = try Data(contentsOf: directory.appendingPathComponent(name))
            resting.append((name, String(decoding: bytes, as: UTF8.self)))
        }
        #expect(resting.contains { $0.0 == "transcript" && $0.1.contains("removed]") })
        for (where_, text) in resting {
            for secret in Self.secrets {
                for piece in secret.pieces {
                    #expect(!text.contains(piece), "\(where_) holds \(piece)")
                }
            }
        }
    }
}

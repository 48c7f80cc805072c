import Foundation
import GRDB
import SupportCore
import SupportStore

/// Shared set-up for the store tests: temp files, sample cases, a small engine.
enum StoreFixtures {
    /// A fresh directory under the system temp dir; removed by the caller with `remove(_:)`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("supportstore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// A fixed instant, plus `seconds`.
    static func time(_ seconds: TimeInterval = 0) -> Date {
        Date(timeIntervalSince1970: 1_790_000_000 + seconds)
    }

    /// A theft case of `session` with three fields, one of them approximate.
    static func theftCase(session: SessionID = "s1", priority: Priority = .high, secretExposed: Bool = false)
        -> CaseFile
    {
        CaseFile(
            sessionID: session, intent: .reportTheft, language: .en, priority: priority,
            fields: [
                FieldAnswer(
                    field: "wallet_address", value: EvidenceValue("0x52908400098527886E0F7030069857D2E4169EE7")),
                FieldAnswer(field: "chain", value: EvidenceValue("ethereum")),
                FieldAnswer(field: "amount", value: EvidenceValue("300 USDT", isApproximate: true)),
            ],
            missingFields: ["tx_hashes"], summary: "USDT drained from an Ethereum wallet.", secretExposed: secretExposed
        )
    }

    /// A policy that never commits on its own: tests see exactly what `flush()` writes.
    static let manualCommits = GroupCommitPolicy(maxDelay: .seconds(3600), maxItems: 1_000_000)

    /// Counts rows of `table` through a separate connection to the file at `path`, so only committed
    /// rows are seen.
    static func committedCount(_ table: String, path: String, where condition: String = "1") throws -> Int {
        let reader = try DatabaseQueue(path: path)
        defer { try? reader.close() }
        return try reader.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(condition)") ?? 0
        }
    }

    /// An engine with one flow intent (`report_theft`, a single free-text field) and `out_of_scope`.
    static func engine() -> DialogueEngine {
        let theft = IntentDefinition(
            id: .reportTheft,
            examples: [
                .en: ["my wallet was drained", "someone stole my usdt", "my funds were stolen", "coins got taken"],
                .zh: ["我的币被盗了", "钱包被转走了"],
            ],
            reply: LocalizedText(en: "Sorry to hear that.", zh: "很抱歉。"), priority: .high,
            flow: FlowDefinition(fields: [
                FieldDefinition(
                    name: "description", kind: .text(minLength: 5, maxLength: 500), isRequired: true,
                    prompt: LocalizedText(en: "What happened?", zh: "发生了什么？"),
                    label: LocalizedText(en: "Description", zh: "描述"))
            ]))
        let outOfScope = IntentDefinition(
            id: .outOfScope,
            examples: [.en: ["what is the weather", "tell me a joke", "who won the game"], .zh: ["今天天气怎么样"]],
            reply: LocalizedText(en: "I can't help with that.", zh: "这个我帮不上忙。"))
        let configuration = DeskConfiguration(
            brand: "TestWallet", officialDomains: ["example.com"], supportEmail: "help@example.com",
            supportHours: LocalizedText(en: "always", zh: "全天"),
            thresholds: .init(minimumConfidence: 0, minimumMargin: -1))
        let catalog = Catalog(configuration: configuration, intents: [theft, outOfScope], messages: [:])
        let examples = catalog.intents.flatMap { intent in
            intent.examples.values.flatMap { $0.map { TrainingExample(text: $0, label: intent.id) } }
        }
        return DialogueEngine(
            catalog: catalog, classifier: IntentClassifier(examples: examples),
            scanner: SecretScanner(
                wordlists: MnemonicWordlists(english: [], chineseSimplified: [], chineseTraditional: [])))
    }
}

/// A clock tests advance by hand. `@unchecked Sendable`: `now` is only touched under `lock`.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now = StoreFixtures.time()

    func callAsFunction() -> Date { lock.withLock { now } }

    func advance(_ seconds: TimeInterval) { lock.withLock { now += seconds } }
}

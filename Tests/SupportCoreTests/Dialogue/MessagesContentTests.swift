import Foundation
import SupportCore
import Testing

/// Checks `Intents/messages.yml` against the keys and placeholders the engine uses. Reads the file as
/// text (top-level `key:` lines, indented `en:` / `zh:` lines) so the core's tests need no YAML parser.
@Suite("Intents/messages.yml")
struct MessagesContentTests {
    @Test(
        "examples in prompts follow the network's family, and 'any' before it is known",
        arguments: [
            (MessageKey.Example.hash, Chain?.none, "example.hash.any"), (.hash, .bsc, "example.hash.evm"),
            (.hash, .tron, "example.hash.tron"), (.address, .solana, "example.address.solana"),
            (.address, .bitcoin, "example.address.bitcoin"), (.address, .other, "example.address.any"),
            (.address, .base, "example.address.evm"),
        ])
    func exampleKeys(example: MessageKey.Example, chain: Chain?, key: String) {
        #expect(MessageKey.example(example, chain).rawValue == key)
    }

    @Test("Chinese examples open with a Latin letter or a digit, as prompts put them after '例如 '")
    func chineseExamplesOpenWithLatin() throws {
        let examples = try Self.entries().filter { $0.key.hasPrefix("example.") }
        #expect(examples.count == 10)
        for (key, texts) in examples {
            #expect(texts["zh"]?.first?.isASCII == true, "\(key): \(texts["zh"] ?? "")")
        }
    }

    static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Intents/messages.yml")

    /// key → language → text, from the file.
    static func entries() throws -> [String: [String: String]] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var entries: [String: [String: String]] = [:]
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            if !line.hasPrefix(" "), line.hasSuffix(":") {
                current = String(line.dropLast())
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let key = current, let colon = trimmed.firstIndex(of: ":") else { continue }
            let language = String(trimmed[..<colon])
            var value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            entries[key, default: [:]][language] = value.replacingOccurrences(of: "\\\"", with: "\"")
        }
        return entries
    }

    /// Placeholders the engine fills for each key (besides the desk's own, allowed everywhere).
    static let allowed: [String: Set<String>] = [
        "flow.too_many_attempts_optional": ["label"], "flow.too_many_attempts_required": ["label"],
        "flow.change_which": ["fields"], "flow.resume": ["prompt"], "flow.skipped": ["label"],
        "flow.cannot_skip": ["label"], "flow.filed": ["ticket_id", "contact", "reply_channel"],
        "flow.confirm_question": ["field"], "flow.reply_via_contact": ["contact"],
        "flow.hand_over_incomplete": ["ticket_id"],
        "flow.choice_options": ["options"], "flow.value_approximate": ["value"],
        "case.summary": ["intent", "priority", "facts"], "case.missing": ["fields"],
        "case.opening": ["text"],
        "secret.warning": ["kind"], "safety.address_poisoning": ["to_address", "intended_address"],
        "phishing.official": ["host"], "phishing.lookalike": ["host", "imitates", "reason"],
        "phishing.unknown": ["host"],
        "ticket.status_found": ["ticket_id", "status", "updated"],
        "ticket.status_not_found": ["ticket_id"], "ticket.expedite": ["ticket_id"], "ticket.contact_unsupported": ["ticket_id"], "ticket.note_added": ["ticket_id"], "flow.dropped_by_change": ["fields"], "ticket.with_person": ["ticket_id"], "ticket.review_time": ["ticket_id"], "ticket.note_failed": ["ticket_id"], "case.contact_note": ["contact"], "case.follows_note": ["ticket_id"], "flow.follow_up_stopped": ["ticket_id"],
        "reject.address_wrong_chain": ["found", "expected"], "reject.tx_hash_too_many": ["max"],
        "reject.tx_hash_wrong_chain": ["expected", "found"], "reject.amount_other_token": ["asset", "found"],
        "reject.chain_not_address_network": ["found", "expected"],
        "reject.address_shortened": ["shortened"], "reject.tx_hash_shortened": ["shortened"],
        "revoke.steps.evm": ["checker"], "reject.chain_is_token": ["asset"], "reject.asset_is_network": ["network", "coin"],
        "reject.asset_is_wallet": ["wallet"], "reject.asset_is_standard": ["standard", "network"],
        "reject.text_too_short": ["min"], "reject.text_too_long": ["max"],
    ]
    static let desk: Set<String> = ["brand", "support_email", "support_hours", "official_domains"]

    static func placeholders(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    @Test("every key the engine uses has text in English and Chinese")
    func everyKeyPresent() throws {
        let entries = try Self.entries()
        for key in MessageKey.all {
            let english = entries[key.rawValue]?["en"] ?? ""
            let chinese = entries[key.rawValue]?["zh"] ?? ""
            #expect(!english.isEmpty, "missing en: \(key.rawValue)")
            #expect(!chinese.isEmpty, "missing zh: \(key.rawValue)")
        }
    }

    @Test("messages use only placeholders the engine fills, and no phone numbers")
    func placeholdersAreKnown() throws {
        for (key, languages) in try Self.entries() {
            for (language, text) in languages {
                let unknown = Self.placeholders(in: text).subtracting(Self.allowed[key, default: []])
                    .subtracting(Self.desk)
                #expect(unknown.isEmpty, "\(key).\(language) uses \(unknown.sorted())")
                let digitsRun = text.split(whereSeparator: { !$0.isNumber }).map(\.count).max() ?? 0
                #expect(digitsRun < 7, "\(key).\(language) looks like it holds a phone number")
            }
        }
    }

    @Test("the Chinese text is Chinese")
    func chineseIsChinese() throws {
        for (key, languages) in try Self.entries() where !key.hasPrefix("secret.kind.") {
            let text = languages["zh"] ?? ""
            #expect(LanguageDetector.detect(text, fallback: .en) == .zh || text.count <= 8, "\(key).zh")
        }
    }
}

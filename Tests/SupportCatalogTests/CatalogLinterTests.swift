import Foundation
import SupportCatalog
import SupportCore
import Testing

@Suite("CatalogLinter")
struct CatalogLinterTests {
    /// Lints the fixture with `files` applied; cross-validation off, 2 examples per language required.
    private func findings(_ files: [String: String]) throws -> [LintFinding] {
        let fixture = try CatalogFixture(files)
        defer { fixture.remove() }
        return CatalogLinter(minimumExamples: 2, folds: 0).lint(directory: fixture.directory).findings
    }

    private func findings(_ files: [String: String], rule: LintFinding.Rule) throws -> [LintFinding] {
        try findings(files).filter { $0.rule == rule }
    }

    @Test("schema errors are findings with file and line")
    func schemaErrors() throws {
        let result = try findings(["greeting.yml": CatalogFixture.greeting + "exmaples: []\n"], rule: .schema)
        #expect(result.count == 1)
        #expect(result.first?.description.hasPrefix("greeting.yml:11: error: unknown key 'exmaples'") == true)
    }

    @Test("every required intent and message key must be present")
    func requiredContent() throws {
        let all = try findings([:])
        let missingIntents = Set(all.filter { $0.rule == .missingIntent }.compactMap(\.file))
        #expect(missingIntents.contains("report_theft.yml"))
        #expect(!missingIntents.contains("greeting.yml"))
        #expect(all.filter { $0.rule == .missingIntent }.count == IntentID.required.count - 1)
        let missingMessages = all.filter { $0.rule == .missingMessage }.map(\.message)
        #expect(missingMessages.contains { $0.contains("'flow.optional_hint'") })
        #expect(!missingMessages.contains { $0.contains("'flow.cancelled'") })
        #expect(missingMessages.contains { $0.contains("'secret.kind.mnemonic'") })
        #expect(all.allSatisfy { $0.rule != .missingMessage || $0.severity == .error })
    }

    @Test("a duplicate within an intent warns; the same text in two intents is an error")
    func duplicatesAndConflicts() throws {
        let greeting = CatalogFixture.greeting.replacingOccurrences(
            of: #"en: ["hello", "hi there"]"#, with: #"en: ["hello", "hi there", "HELLO ", "my coins were stolen"]"#)
        let result = try findings(["greeting.yml": greeting])
        let duplicate = try #require(result.first { $0.rule == .duplicateExample })
        #expect(duplicate.severity == .warning)
        #expect(duplicate.file == "greeting.yml" && duplicate.line == 4)
        let conflict = try #require(result.first { $0.rule == .conflictingExample })
        #expect(conflict.severity == .error)
        #expect(conflict.message.contains("'greeting'") || conflict.message.contains("'report'"))
    }

    @Test("full-width and case variants count as duplicates after normalisation")
    func normalisedDuplicates() throws {
        let greeting = CatalogFixture.greeting.replacingOccurrences(
            of: #"zh: ["你好", "在吗"]"#, with: #"zh: ["你好", "在吗", "在吗？", "在吗?"]"#)
        let result = try findings(["greeting.yml": greeting], rule: .duplicateExample)
        #expect(result.count == 1)
        #expect(result.first?.message.contains("在吗?") == true)
    }

    @Test("a reply, prompt, label or message without a language is an error at its line")
    func missingLanguages() throws {
        let report = CatalogFixture.report
            .replacingOccurrences(of: #"prompt: {en: "Where?", zh: "在哪里？"}"#, with: #"prompt: {en: "Where?"}"#)
            .replacingOccurrences(of: "label: {en: Phone, zh: 电话}", with: "label: {zh: 电话}")
            .replacingOccurrences(of: "flow:\n", with: "reply_in_flow: {en: \"Meanwhile.\"}\nflow:\n")
        let greeting = CatalogFixture.greeting.replacingOccurrences(of: "  zh: \"您好。\"\n", with: "")
            + "reply_again: {en: \"Hello again.\"}\n"
        let messages = CatalogFixture.messages + "flow.skipped: {en: \"Skipped {label}.\"}\n"
        let result = try findings(
            ["report.yml": report, "greeting.yml": greeting, "messages.yml": messages], rule: .missingLanguage)
        let places = Set(result.map { "\($0.file ?? ""):\($0.line ?? 0)" })
        #expect(places == ["report.yml:6", "report.yml:14", "report.yml:17", "greeting.yml:9", "greeting.yml:10", "messages.yml:2"])
        #expect(result.allSatisfy { $0.severity == .error })
    }

    @Test("fewer examples than the minimum is an error per language")
    func tooFewExamples() throws {
        let fixture = try CatalogFixture()
        defer { fixture.remove() }
        let result = CatalogLinter(minimumExamples: 20, folds: 0).lint(directory: fixture.directory).findings
            .filter { $0.rule == .tooFewExamples }
        #expect(result.count == 4)
        #expect(result.contains { $0.message.contains("'report' has 1 zh examples") })
    }

    @Test("a reply that asks for the recovery phrase fails; one that warns against sharing it passes")
    func contentGuard() throws {
        let asking = CatalogFixture.greeting.replacingOccurrences(
            of: #"zh: "您好。""#, with: #"zh: "您好。为了核实身份，请提供您的助记词。""#)
        let flagged = try findings(["greeting.yml": asking], rule: .asksForSecret)
        #expect(flagged.count == 1)
        #expect(flagged.first?.file == "greeting.yml" && flagged.first?.line == 9)
        #expect(flagged.first?.severity == .error)

        let prompt = CatalogFixture.report.replacingOccurrences(
            of: #"en: "What happened?""#, with: #"en: "What happened? Also enter your private key.""#)
        #expect(try findings(["report.yml": prompt], rule: .asksForSecret).first?.line == 23)

        let warning = CatalogFixture.greeting.replacingOccurrences(
            of: #"en: "Hello.""#,
            with: #"en: "Hello. Never share your recovery phrase; we will never ask for your private key.""#
        )
        .replacingOccurrences(of: #"zh: "您好。""#, with: #"zh: "您好。请不要向任何人提供助记词，我们绝不会索要私钥。""#)
        #expect(try findings(["greeting.yml": warning], rule: .asksForSecret).isEmpty)
    }

    @Test("phone numbers are errors; dates, ticket ids and addresses are not")
    func phoneNumbers() throws {
        let phone = CatalogFixture.greeting.replacingOccurrences(
            of: #"en: "Hello.""#, with: #"en: "Hello. Call +86 138 0013 8000.""#)
        #expect(try findings(["greeting.yml": phone], rule: .phoneNumber).count == 1)
        let fine = CatalogFixture.greeting.replacingOccurrences(
            of: #"en: "Hello.""#,
            with:
                #"en: "Hello. Case T-000123 from 2024-05-01 21:30, "#
                + #"address 0x52908400098527886E0F7030069857D2E4169EE7.""#
        )
        #expect(try findings(["greeting.yml": fine], rule: .phoneNumber).isEmpty)
    }

    @Test("placeholders outside the allowed set warn; flow.done may use its fields")
    func placeholders() throws {
        let unknown = CatalogFixture.greeting.replacingOccurrences(
            of: #"en: "Hello.""#, with: #"en: "Hello from {brnad} ({support_hours}).""#)
        let result = try findings(["greeting.yml": unknown], rule: .unknownPlaceholder)
        #expect(result.count == 1)
        #expect(result.first?.message.contains("{brnad}") == true)
        // The fixture's report flow says "Thanks, {channel}." in done: and passes.
        #expect(try findings([:], rule: .unknownPlaceholder).isEmpty)
    }

    @Test("the text report prints findings as file:line: severity: message and a summary")
    func rendering() throws {
        let fixture = try CatalogFixture(["greeting.yml": CatalogFixture.greeting + "exmaples: []\n"])
        defer { fixture.remove() }
        let report = CatalogLinter(minimumExamples: 2, folds: 0).lint(directory: fixture.directory)
        #expect(report.hasErrors)
        let text = report.renderedText()
        #expect(text.contains("greeting.yml:11: error: unknown key 'exmaples'"))
        #expect(text.hasSuffix("\(report.errors.count) errors, \(report.warnings.count) warnings"))
        let json = try #require(JSONSerialization.jsonObject(with: Data(report.renderedJSON().utf8)) as? [String: Any])
        #expect(json["errors"] as? Int == report.errors.count)
        #expect(json["cross_validation"] is NSNull)
    }
}

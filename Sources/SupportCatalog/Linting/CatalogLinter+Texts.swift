import Foundation
import SupportCore

extension CatalogLinter {
    /// A piece of bot content to check, with where it lives and which placeholders it may use.
    struct ContentText {
        var what: String
        var text: LocalizedText
        var location: SourceLocation?
        /// nil: any placeholder is allowed (engine messages have their own).
        var placeholders: Set<String>?
        /// Whether the secret-request and phone checks apply (labels are too short to matter).
        var isSentence = true
    }

    /// Placeholders every reply and prompt may use; the configuration fills them.
    static let configurationPlaceholders: Set<String> = ["brand", "support_email", "support_hours", "official_domains"]

    func textFindings(_ loaded: LoadedCatalog) -> [LintFinding] {
        var findings: [LintFinding] = []
        for item in contentTexts(loaded) {
            for language in item.text.missingLanguages {
                findings.append(
                    LintFinding(
                        .error, .missingLanguage, at: item.location, "\(item.what) has no \(language.rawValue) text"))
            }
            for language in Language.allCases {
                guard let text = item.text.values[language], !text.isEmpty else { continue }
                if item.isSentence, let sentence = SecretRequestGuard.request(in: text) {
                    findings.append(
                        LintFinding(
                            .error, .asksForSecret, at: item.location,
                            "\(item.what) (\(language.rawValue)) asks for a secret: '\(sentence)'; "
                                + "the bot must never ask for a recovery phrase, private key or password"
                        ))
                }
                if item.isSentence, let number = Self.phoneNumber(in: text) {
                    findings.append(
                        LintFinding(
                            .error, .phoneNumber, at: item.location,
                            "\(item.what) (\(language.rawValue)) contains what looks like a phone number '\(number)'; "
                                + "use {support_email} instead"
                        ))
                }
                if let allowed = item.placeholders {
                    for name in Self.placeholders(in: text) where !allowed.contains(name) {
                        findings.append(
                            LintFinding(
                                .warning, .unknownPlaceholder, at: item.location,
                                "\(item.what) (\(language.rawValue)) uses {\(name)}, which nothing fills; allowed: "
                                    + allowed.sorted().joined(separator: ", ")
                            ))
                    }
                }
            }
        }
        return findings
    }

    /// Every reply, prompt, label, flow completion and message of the catalog.
    func contentTexts(_ loaded: LoadedCatalog) -> [ContentText] {
        let catalog = loaded.catalog
        let sources = loaded.sources
        var texts: [ContentText] = [
            ContentText(
                what: "support_hours", text: catalog.configuration.supportHours,
                location: sources[.configuration(key: "support_hours")], placeholders: [], isSentence: false)
        ]
        for key in catalog.messages.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            texts.append(
                ContentText(
                    what: "message '\(key.rawValue)'", text: catalog.messages[key]!, location: sources[.message(key)]))
        }
        for intent in catalog.intents {
            let id = intent.id
            texts.append(
                ContentText(
                    what: "the reply of '\(id)'", text: intent.reply,
                    location: sources.location(of: .reply(id), or: intent.source),
                    placeholders: Self.configurationPlaceholders))
            let otherReplies: [(key: String, text: LocalizedText?, item: CatalogSourceMap.Item)] = [
                ("reply_in_flow", intent.replyInFlow, .replyInFlow(id)), ("reply_again", intent.replyAgain, .replyAgain(id)),
            ]
            for (key, text, item) in otherReplies {
                guard let text else { continue }
                texts.append(
                    ContentText(
                        what: "\(key) of '\(id)'", text: text, location: sources.location(of: item, or: intent.source),
                        placeholders: Self.configurationPlaceholders))
            }
            guard let flow = intent.flow else { continue }
            if let completion = flow.completion {
                texts.append(
                    ContentText(
                        what: "flow.done of '\(id)'", text: completion,
                        location: sources.location(of: .flowDone(id), or: intent.source),
                        placeholders: Self.configurationPlaceholders.union(flow.fields.map(\.name))
                            .union(flow.fields.contains { $0.name == "chain" } ? [DialogueEngine.revokeStepsPlaceholder] : [])))
            }
            for field in flow.fields {
                if let hint = field.unsureHint {
                    texts.append(
                        ContentText(
                            what: "the unsure hint of field '\(field.name)' in '\(id)'", text: hint,
                            location: sources.location(of: .fieldUnsure(id, field: field.name), or: intent.source),
                            placeholders: Self.configurationPlaceholders))
                }
                texts.append(
                    ContentText(
                        what: "the prompt of field '\(field.name)' in '\(id)'", text: field.prompt,
                        location: sources.location(of: .fieldPrompt(id, field: field.name), or: intent.source),
                        placeholders: Self.configurationPlaceholders.union([
                            DialogueEngine.addressExamplePlaceholder, DialogueEngine.hashExamplePlaceholder,
                        ])))
                texts.append(
                    ContentText(
                        what: "the label of field '\(field.name)' in '\(id)'", text: field.label,
                        location: sources.location(of: .fieldLabel(id, field: field.name), or: intent.source),
                        placeholders: [], isSentence: false))
                for option in field.kind.options {
                    texts.append(
                        ContentText(
                            what: "the label of option '\(option.id)' of '\(field.name)' in '\(id)'",
                            text: option.label,
                            location: sources.location(
                                of: .optionLabel(id, field: field.name, option: option.id), or: intent.source),
                            placeholders: [], isSentence: false))
                }
            }
        }
        return texts
    }

    /// `{name}` placeholders in `text`.
    static func placeholders(in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return placeholderPattern.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// A run of 7–15 digits (with spaces, dashes or a leading +) standing on its own, not a date.
    static func phoneNumber(in text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        for match in phonePattern.matches(in: text, range: range) {
            guard let span = Range(match.range, in: text) else { continue }
            let candidate = String(text[span])
            let digits = candidate.filter(\.isNumber).count
            guard (7...15).contains(digits),
                candidate.range(of: #"^\d{4}-\d{1,2}-\d{1,2}"#, options: .regularExpression) == nil
            else {
                continue
            }
            return candidate
        }
        return nil
    }

    private static let placeholderPattern = try! NSRegularExpression(pattern: #"\{([a-z_][a-z0-9_]*)\}"#)
    private static let phonePattern = try! NSRegularExpression(
        pattern: #"(?<![0-9A-Za-z_\-])\+?[0-9][0-9 \-]{5,}[0-9](?![0-9A-Za-z_])"#)
}

extension FieldKind {
    /// The options of a choice or multi-choice field; empty for other kinds.
    var options: [ChoiceOption] {
        switch self {
        case .choice(let options), .multiChoice(let options): options
        default: []
        }
    }
}

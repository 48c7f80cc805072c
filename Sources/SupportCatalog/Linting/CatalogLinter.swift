import Foundation
import SupportCore

/// Checks the content in `Intents/`: schema, required intents and messages, languages, examples,
/// the never-ask-for-secrets rule, and how well the classifier separates the intents.
public struct CatalogLinter: Sendable {
    /// Examples each intent needs per language.
    public var minimumExamples = 20
    /// Cross-validation folds; 0 skips cross-validation.
    public var folds = 5
    /// Below this cross-validated accuracy an intent gets a warning.
    public var accuracyWarning = 0.6
    /// Cross-validate with the catalog's keywords, as the bot runs (false: examples alone).
    public var crossValidatesKeywords = true

    public init(
        minimumExamples: Int = 20, folds: Int = 5, accuracyWarning: Double = 0.6, crossValidatesKeywords: Bool = true
    ) {
        self.minimumExamples = minimumExamples
        self.folds = folds
        self.accuracyWarning = accuracyWarning
        self.crossValidatesKeywords = crossValidatesKeywords
    }

    /// Reads and checks `directory`.
    public func lint(directory: URL) -> LintReport {
        let reading = CatalogLoader.read(from: directory)
        var findings = reading.errors.map { LintFinding(.error, .schema, file: $0.file, line: $0.line, $0.message) }
        guard let loaded = reading.loaded else { return LintReport(findings: findings, crossValidation: nil) }
        findings += lint(loaded)
        let crossValidation =
            folds >= 2
            ? CrossValidation(catalog: loaded.catalog, folds: folds, usesKeywords: crossValidatesKeywords) : nil
        if let crossValidation { findings += accuracyFindings(crossValidation, loaded: loaded) }
        return LintReport(findings: findings, crossValidation: crossValidation)
    }

    /// The content checks on an already loaded catalog (no cross-validation).
    public func lint(_ loaded: LoadedCatalog) -> [LintFinding] {
        var findings: [LintFinding] = []
        findings += requiredContentFindings(loaded)
        findings += exampleFindings(loaded)
        findings += textFindings(loaded)
        return findings
    }

    // MARK: - Required intents and messages

    func requiredContentFindings(_ loaded: LoadedCatalog) -> [LintFinding] {
        let catalog = loaded.catalog
        var findings: [LintFinding] = []
        let present = Set(catalog.intents.map(\.id))
        for id in IntentID.required where !present.contains(id) {
            findings.append(
                LintFinding(
                    .error, .missingIntent, file: "\(id).yml", line: nil,
                    "required intent '\(id)' is missing; add \(id).yml"))
        }
        let messagesFile = CatalogLoader.messagesFile
        let secretKinds = SecretKind.allCases.map { MessageKey(rawValue: "secret.kind.\($0.rawValue)") }
        for key in MessageKey.all + secretKinds where catalog.messages[key] == nil {
            findings.append(
                LintFinding(
                    .error, .missingMessage, file: messagesFile, line: nil, "message '\(key.rawValue)' is missing"))
        }
        let known = Set(MessageKey.all + secretKinds)
        for key in catalog.messages.keys.sorted(by: { $0.rawValue < $1.rawValue }) where !known.contains(key) {
            findings.append(
                LintFinding(
                    .warning, .unknownMessage, at: loaded.sources[.message(key)],
                    "message '\(key.rawValue)' is not used by the engine"))
        }
        return findings
    }

    // MARK: - Examples and keywords

    func exampleFindings(_ loaded: LoadedCatalog) -> [LintFinding] {
        var findings: [LintFinding] = []
        var firstSeen: [String: (intent: IntentID, location: SourceLocation?)] = [:]
        for intent in loaded.catalog.intents {
            for language in Language.allCases {
                let examples = intent.examples[language] ?? []
                if examples.count < minimumExamples {
                    findings.append(
                        LintFinding(
                            .error, .tooFewExamples, at: intent.source,
                            "intent '\(intent.id)' has \(examples.count) \(language.rawValue) examples; "
                                + "write at least \(minimumExamples)"
                        ))
                }
                for (index, example) in examples.enumerated() {
                    let location = loaded.sources.location(
                        of: .example(intent.id, language, index: index), or: intent.source)
                    let key = TextNormalizer.normalize(example)
                    guard let earlier = firstSeen[key] else {
                        firstSeen[key] = (intent.id, location)
                        continue
                    }
                    let previous = earlier.location.map { " (first at \($0))" } ?? ""
                    if earlier.intent == intent.id {
                        findings.append(
                            LintFinding(
                                .warning, .duplicateExample, at: location, "duplicate example '\(example)'\(previous)"))
                    } else {
                        findings.append(
                            LintFinding(
                                .error, .conflictingExample, at: location,
                                "example '\(example)' is also an example of '\(earlier.intent)'\(previous); "
                                    + "keep it in one intent"
                            ))
                    }
                }
            }
            for (language, weights) in intent.keywords.sorted(by: { $0.key < $1.key }) {
                for keyword in weights.keys.sorted() where TextNormalizer.normalize(keyword) != keyword {
                    findings.append(
                        LintFinding(
                            .warning, .unnormalizedKeyword,
                            at: loaded.sources.location(of: .keyword(intent.id, language, keyword), or: intent.source),
                            "keyword '\(keyword)' is not normalised; write '\(TextNormalizer.normalize(keyword))'"))
                }
            }
        }
        return findings
    }

    // MARK: - Accuracy

    func accuracyFindings(_ result: CrossValidation, loaded: LoadedCatalog) -> [LintFinding] {
        var findings: [LintFinding] = []
        for intent in loaded.catalog.intents {
            for language in Language.allCases {
                guard let accuracy = result.scores[intent.id]?[language]?.accuracy, accuracy < accuracyWarning else {
                    continue
                }
                let confusedWith =
                    result.confusions.first { $0.expected == intent.id }.map {
                        "; most often taken for '\($0.predicted)'"
                    } ?? ""
                findings.append(
                    LintFinding(
                        .warning, .lowAccuracy, at: intent.source,
                        "intent '\(intent.id)' has \(language.rawValue) cross-validated accuracy "
                            + "\(Int((accuracy * 100).rounded()))%\(confusedWith); add clearer examples"
                    ))
            }
        }
        return findings
    }
}

/// Everything `lint` found, and the cross-validation result when it ran.
public struct LintReport: Sendable {
    /// Errors first, then by file and line.
    public var findings: [LintFinding]
    public var crossValidation: CrossValidation?

    public init(findings: [LintFinding], crossValidation: CrossValidation?) {
        self.findings = findings.sorted {
            ($0.severity == .error ? 0 : 1, $0.file ?? "", $0.line ?? 0, $0.message)
                < ($1.severity == .error ? 0 : 1, $1.file ?? "", $1.line ?? 0, $1.message)
        }
        self.crossValidation = crossValidation
    }

    public var errors: [LintFinding] { findings.filter { $0.severity == .error } }
    public var warnings: [LintFinding] { findings.filter { $0.severity == .warning } }
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}

import Foundation
import SupportCore

extension LintReport {
    /// Findings as `file:line: error|warning: message`, the cross-validation table, and a summary line.
    public func renderedText(confusionLimit: Int = 10) -> String {
        var lines = findings.map(\.description)
        if let crossValidation {
            if !lines.isEmpty { lines.append("") }
            lines += crossValidation.renderedTable(confusionLimit: confusionLimit)
        }
        lines.append("")
        lines.append(
            "\(errors.count) error\(errors.count == 1 ? "" : "s"), "
                + "\(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
        )
        return lines.joined(separator: "\n")
    }

    /// The report as one JSON object: `findings`, `cross_validation` (or null), `errors`, `warnings`.
    public func renderedJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let wire = Wire(
            findings: findings.map {
                Wire.Finding(
                    severity: $0.severity.rawValue, rule: $0.rule.rawValue, file: $0.file, line: $0.line,
                    message: $0.message)
            },
            crossValidation: crossValidation.map(Wire.CrossValidationResult.init), errors: errors.count,
            warnings: warnings.count)
        guard let data = try? encoder.encode(wire) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private struct Wire: Encodable {
        struct Finding: Encodable {
            var severity: String
            var rule: String
            var file: String?
            var line: Int?
            var message: String
        }
        struct IntentScore: Encodable {
            var intent: String
            var accuracy: [String: Double?]
            var examples: [String: Int]
        }
        struct Confusion: Encodable {
            var expected: String
            var predicted: String
            var count: Int
        }
        struct Miss: Encodable {
            var expected: String
            var predicted: String
            var language: String
            var text: String
        }
        struct CrossValidationResult: Encodable {
            var folds: Int
            var usesKeywords: Bool
            var overallAccuracy: Double
            var intents: [IntentScore]
            var confusions: [Confusion]
            var misses: [Miss]

            init(_ result: CrossValidation) {
                folds = result.folds
                usesKeywords = result.usesKeywords
                overallAccuracy = result.overallAccuracy
                intents = result.scores.keys.sorted().map { id in
                    let scores = result.scores[id] ?? [:]
                    return IntentScore(
                        intent: id.rawValue,
                        accuracy: Dictionary(uniqueKeysWithValues: scores.map { ($0.key.rawValue, $0.value.accuracy) }),
                        examples: Dictionary(uniqueKeysWithValues: scores.map { ($0.key.rawValue, $0.value.total) }))
                }
                confusions = result.confusions.map {
                    Confusion(expected: $0.expected.rawValue, predicted: $0.predicted.rawValue, count: $0.count)
                }
                misses = result.misses.map {
                    Miss(expected: $0.expected.rawValue, predicted: $0.predicted.rawValue, language: $0.language.rawValue, text: $0.text)
                }
            }

            enum CodingKeys: String, CodingKey {
                case folds, intents, confusions, misses
                case overallAccuracy = "overall_accuracy"
            }
        }

        var findings: [Finding]
        var crossValidation: CrossValidationResult?
        var errors: Int
        var warnings: Int

        enum CodingKeys: String, CodingKey {
            case findings, errors, warnings
            case crossValidation = "cross_validation"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(findings, forKey: .findings)
            try container.encode(crossValidation, forKey: .crossValidation)  // null when skipped
            try container.encode(errors, forKey: .errors)
            try container.encode(warnings, forKey: .warnings)
        }
    }
}

extension CrossValidation {
    /// How many held-out examples are shown under each confused pair.
    static let examplesPerPair = 3

    /// `intent  en  zh` accuracy rows, an overall line, and the most confused pairs with their examples.
    func renderedTable(confusionLimit: Int) -> [String] {
        let ids = scores.keys.sorted()
        let width = max(6, ids.map(\.rawValue.count).max() ?? 0)
        func pad(_ text: String, _ count: Int) -> String {
            text + String(repeating: " ", count: max(0, count - text.count))
        }
        func cell(_ score: Score?) -> String {
            guard let score, let accuracy = score.accuracy else { return "     -      " }
            let percent = String(format: "%5.1f%%", accuracy * 100)
            return pad("\(percent) \(score.correct)/\(score.total)", 12)
        }
        let training = usesKeywords ? "examples and keywords" : "examples only, no keywords"
        var lines = ["cross-validated accuracy (\(folds)-fold, split by example index; trained on \(training))"]
        lines.append("\(pad("intent", width))  \(pad("en", 12))  zh")
        for id in ids {
            lines.append("\(pad(id.rawValue, width))  \(cell(scores[id]?[.en]))  \(cell(scores[id]?[.zh]))")
        }
        lines.append(String(format: "overall %.1f%%", overallAccuracy * 100))
        if !confusions.isEmpty {
            lines.append("most confused (expected -> predicted):")
            for confusion in confusions.prefix(confusionLimit) {
                lines.append("  \(confusion.expected) -> \(confusion.predicted): \(confusion.count)")
                // The examples behind the pair, so the author sees what to rewrite or move.
                let examples = misses.filter { $0.expected == confusion.expected && $0.predicted == confusion.predicted }
                for miss in examples.prefix(Self.examplesPerPair) { lines.append("      [\(miss.language.rawValue)] \(miss.text)") }
            }
        }
        return lines
    }
}

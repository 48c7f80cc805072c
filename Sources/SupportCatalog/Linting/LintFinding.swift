import SupportCore

/// One problem `supportbot lint` found in `Intents/`, with where to fix it.
public struct LintFinding: Hashable, Sendable, CustomStringConvertible {
    /// Errors fail the lint; warnings are reported and pass.
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error, warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    /// What kind of check produced the finding (a stable spelling, for `--json` and tests).
    public enum Rule: String, Hashable, Sendable, CaseIterable {
        case schema
        case missingIntent = "missing_intent"
        case missingMessage = "missing_message"
        case unknownMessage = "unknown_message"
        case missingLanguage = "missing_language"
        case tooFewExamples = "too_few_examples"
        case duplicateExample = "duplicate_example"
        case conflictingExample = "conflicting_example"
        case asksForSecret = "asks_for_secret"
        case phoneNumber = "phone_number"
        case unknownPlaceholder = "unknown_placeholder"
        case unnormalizedKeyword = "unnormalized_keyword"
        case lowAccuracy = "low_accuracy"
    }

    public var severity: Severity
    public var rule: Rule
    /// File and line; nil line for whole-file problems, nil location for catalog-wide ones.
    public var file: String?
    public var line: Int?
    public var message: String

    public init(_ severity: Severity, _ rule: Rule, file: String?, line: Int?, _ message: String) {
        self.severity = severity
        self.rule = rule
        self.file = file
        self.line = line
        self.message = message
    }

    init(_ severity: Severity, _ rule: Rule, at location: SourceLocation?, _ message: String) {
        self.init(severity, rule, file: location?.file, line: location?.line, message)
    }

    /// `file:line: error: message`, the format compilers and editors understand.
    public var description: String {
        let place =
            switch (file, line) {
            case (let file?, let line?): "\(file):\(line): "
            case (let file?, nil): "\(file): "
            default: ""
            }
        return "\(place)\(severity.rawValue): \(message)"
    }
}

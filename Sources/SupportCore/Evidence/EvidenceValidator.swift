import Foundation

/// Checks one answer of a flow field against its kind and returns it in canonical form.
/// (API contract; implementation in progress, issue #7.)
public struct EvidenceValidator: Sendable {
    public init() {}

    /// Validates `raw` as a value of `kind`.
    public func validate(_ raw: String, as kind: FieldKind, context: ValidationContext) -> FieldValidation {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? .rejected(Rejection(.textTooShort, values: ["min": "1"])) : .accepted(EvidenceValue(trimmed))
    }
}

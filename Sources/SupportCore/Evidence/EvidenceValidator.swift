import Foundation

/// Checks one answer of a flow field against its kind and returns it in canonical form.
/// Pure: the clock, time zone and earlier answers come in through `ValidationContext`.
public struct EvidenceValidator: Sendable {
    public init() {}

    /// The longest answer any validator reads; longer input is rejected before parsing.
    public static let maximumInputLength = 20_000

    /// The fields besides its own that an accepted answer of `kind` may settle: the keys of its
    /// `inferred` that name flow fields ("300 USDT" as an amount settles `asset`). The engine tries a
    /// rejected answer as another field's only where that could settle the awaited one.
    public static func fieldsSettled(by kind: FieldKind) -> Set<String> {
        switch kind {
        case .address, .txHashes: ["chain"]
        case .asset: ["chain", "amount"]
        case .amount: ["asset"]
        default: []
        }
    }

    /// Validates `raw` as a value of `kind`.
    public func validate(_ raw: String, as kind: FieldKind, context: ValidationContext) -> FieldValidation {
        let trimmed = raw.trimmedSpacesAndLines
        if case .text(let minLength, let maxLength) = kind {
            return validateText(trimmed, minLength: minLength, maxLength: maxLength)
        }
        guard !trimmed.isEmpty, trimmed.utf8.count <= Self.maximumInputLength else {
            return .rejected(Self.emptyRejection(for: kind, context: context))
        }
        switch kind {
        case .chain: return validateChain(trimmed)
        case .address: return validateAddress(trimmed, context: context)
        case .txHashes: return validateTxHashes(trimmed, context: context)
        case .asset: return validateAsset(trimmed, context: context)
        case .amount: return validateAmount(trimmed, context: context)
        case .dateTime: return validateDateTime(trimmed, context: context)
        case .choice(let options): return validateChoice(trimmed, options: options, context: context)
        case .multiChoice(let options): return validateMultiChoice(trimmed, options: options, context: context)
        case .yesNo: return validateYesNo(trimmed)
        case .url: return validateURL(trimmed)
        case .contact: return validateContact(trimmed)
        case .ticketID: return validateTicketID(trimmed)
        case .version: return validateVersion(trimmed)
        case .text(let minLength, let maxLength):
            return validateText(trimmed, minLength: minLength, maxLength: maxLength)
        }
    }

    /// The rejection for an empty (or absurdly long) answer: the kind's own format reason.
    static func emptyRejection(for kind: FieldKind, context: ValidationContext) -> Rejection {
        switch kind {
        case .chain: Rejection(.chainUnknown)
        case .address: Rejection(.addressFormat)
        case .txHashes: Rejection(.txHashFormat)
        case .asset: Rejection(.assetFormat)
        case .amount: Rejection(.amountFormat)
        case .dateTime: Rejection(.dateUnparsed)
        case .choice(let options), .multiChoice(let options):
            Rejection(
                .choiceUnknown, values: ["options": options.map { $0.label(context.language) }.joined(separator: ", ")])
        case .yesNo: Rejection(.yesNoUnclear)
        case .url: Rejection(.urlFormat)
        case .contact: Rejection(.contactFormat)
        case .ticketID: Rejection(.ticketIDFormat)
        case .version: Rejection(.versionFormat)
        case .text(let minLength, _): Rejection(.textTooShort, values: ["min": String(max(minLength, 1))])
        }
    }
}

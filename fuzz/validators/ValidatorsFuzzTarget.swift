import Foundation

/// libFuzzer entry point: the input bytes, as UTF-8 text, go through every validator kind (with and
/// without a chain) and the phishing check. Any crash, hang or sanitizer report is a bug: validators must
/// turn every input into `.accepted` or `.rejected`.
@_cdecl("LLVMFuzzerTestOneInput")
public func validatorsFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    ValidatorsFuzzTarget.run(text)
    return 0
}

enum ValidatorsFuzzTarget {
    static let validator = EvidenceValidator()
    static let now = Date(timeIntervalSince1970: 1_768_017_600)
    static let options = [
        ChoiceOption(
            id: "telegram", label: LocalizedText(en: "Telegram", zh: "Telegram"), aliases: ["tg", "电报", "飞机"]),
        ChoiceOption(id: "x", label: LocalizedText(en: "X", zh: "推特"), aliases: ["twitter"]),
        ChoiceOption(id: "other", label: LocalizedText(en: "Other", zh: "其他")),
    ]
    static let kinds: [FieldKind] = [
        .chain, .address, .txHashes, .asset, .amount, .dateTime, .choice(options), .multiChoice(options), .yesNo,
        .url, .contact, .ticketID, .version, .text(minLength: 10, maxLength: 2000),
    ]
    static let phishing = PhishingCheck(officialDomains: ["tokenpocket.pro", "tpwallet.io"])

    static func run(_ text: String) {
        let zone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
        for chain in [nil, Chain.ethereum, .tron, .bitcoin, .solana, .other] {
            let context = ValidationContext(now: now, timeZone: zone, chain: chain, language: .zh)
            for kind in kinds {
                if chain != nil, ![.address, .txHashes, .asset].contains(kind) { continue }
                check(validator.validate(text, as: kind, context: context), kind: kind)
            }
        }
        _ = phishing.check(text)
        _ = AddressPoisoning.isLookalike(text, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
        if let decoded = Punycode.decode(text), let encoded = Punycode.encode(decoded) {
            // Round trip: what decodes must encode back to itself (modulo case of basic letters).
            precondition(Punycode.decode(encoded) == decoded, "punycode round trip failed for \(text.debugDescription)")
        }
        _ = Base58.decodeCheck(text)
        _ = Bech32.decode(text)
    }

    /// Invariants every accepted value keeps.
    static func check(_ result: FieldValidation, kind: FieldKind) {
        guard case .accepted(let value) = result else { return }
        precondition(!value.value.isEmpty, "accepted an empty \(kind.wireName)")
        if kind == .amount {
            precondition(
                value.value.allSatisfy { $0.isNumber || $0 == "." }, "amount \(value.value) is not plain decimal")
        }
        if kind == .ticketID { precondition(value.value.count == 8 && value.value.hasPrefix("T-")) }
    }
}

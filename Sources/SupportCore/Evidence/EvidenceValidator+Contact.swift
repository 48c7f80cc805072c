import Foundation

extension EvidenceValidator {
    /// An e-mail address, a phone number or a Telegram handle; `inferred["contact_kind"]` says which.
    func validateContact(_ raw: String) -> FieldValidation {
        let trimmed = raw.trimmedSpacesAndLines
        let pieces = trimmed.split(whereSeparator: { $0.isWhitespace || "，,;；、：:()（）<>".contains($0) })
        // "QQ 123456789", "微信 abc123": an ID on a messenger the team never uses. Its digits are not a
        // phone number, so only an e-mail, a handle or an unmistakable phone number is taken.
        let namesMessenger = Self.namesMessenger(trimmed, pieces: pieces)
        func usable(_ candidate: String) -> EvidenceValue? {
            guard let value = Self.contact(candidate) else { return nil }
            // A phone number is unmistakable when its country is known: written with "+", or a
            // Chinese mobile, which `contact` writes as "+86…".
            if namesMessenger, value.inferred["contact_kind"] == "phone", !value.value.hasPrefix("+") { return nil }
            return value
        }
        // Chat runs Chinese straight into the value ("邮箱改成abc@163.com"): the ASCII runs too.
        let asciiRuns = trimmed.split(whereSeparator: { !$0.isASCII || $0.isWhitespace || ",;:()<>".contains($0) })
        for candidate in [trimmed] + pieces.map(String.init) + asciiRuns.map(String.init) {
            if let value = usable(candidate) { return .accepted(value) }
        }
        // A phone number written with spaces inside a sentence ("call +86 138 0013 8000").
        if let match = trimmed.firstMatch(of: ContactPattern.spacedPhone), let value = usable(String(match.0)) {
            return .accepted(value)
        }
        return .rejected(Rejection(namesMessenger ? .contactUnsupportedChannel : .contactFormat))
    }

    /// Whether the answer names WeChat or QQ, where the team never contacts anyone: "微信", or a
    /// word "QQ", "WeChat", "vx", "QQ号", "qq123456" among `pieces`.
    private static func namesMessenger(_ text: String, pieces: [Substring]) -> Bool {
        if text.contains("微信") { return true }
        return pieces.contains { piece in
            var rest = Substring(piece.lowercased())
            if rest.hasSuffix("号") { rest.removeLast() }
            let name = rest.prefix { $0.isASCII && $0.isLetter }
            return messengerNames.contains(String(name)) && rest.dropFirst(name.count).allSatisfy(\.isNumber)
        }
    }

    private static let messengerNames: Set<String> = ["qq", "wechat", "weixin", "vx", "wx"]

    static func contact(_ candidate: String) -> EvidenceValue? {
        let text = candidate.trimming { " .。!！".contains($0) }
        if text.wholeMatch(of: ContactPattern.email) != nil,
            text.utf8.count <= 254, let at = text.lastIndex(of: "@")
        {
            return EvidenceValue(text[..<at] + text[at...].lowercased(), inferred: ["contact_kind": "email"])
        }
        var handle = text
        for prefix in ["https://t.me/", "http://t.me/", "t.me/", "telegram.me/"]
        where handle.lowercased().hasPrefix(prefix) {
            handle = "@" + handle.dropFirst(prefix.count)
        }
        if handle.wholeMatch(of: ContactPattern.telegramHandle) != nil {
            return EvidenceValue(handle, inferred: ["contact_kind": "telegram"])
        }
        let phone = text.filter { !" -().\u{00A0}".contains($0) }
        if phone.wholeMatch(of: ContactPattern.chineseMobile) != nil {
            return EvidenceValue("+86" + phone, inferred: ["contact_kind": "phone"])
        }
        if phone.wholeMatch(of: ContactPattern.internationalPhone) != nil {
            return EvidenceValue(phone, inferred: ["contact_kind": "phone"])
        }
        return nil
    }

    /// An http(s) URL or a bare host with a dot; canonical host (Punycode) + path.
    func validateURL(_ raw: String) -> FieldValidation {
        guard let address = WebAddress.find(in: raw) else { return .rejected(Rejection(.urlFormat)) }
        return .accepted(EvidenceValue(address.canonical, inferred: ["host": address.host]))
    }

    /// `T-000123`; also `t-000123`, `T000123` and inside a sentence.
    func validateTicketID(_ raw: String) -> FieldValidation {
        guard let match = raw.firstMatch(of: ContactPattern.ticketID) else {
            return .rejected(Rejection(.ticketIDFormat))
        }
        return .accepted(EvidenceValue("T-" + match.1))
    }

    /// An app version `^\d+(\.\d+){1,3}$`; also "v1.8.6", "版本 2.4.1".
    func validateVersion(_ raw: String) -> FieldValidation {
        let text = TextNormalizer.normalize(raw)
        guard let match = text.firstMatch(of: ContactPattern.version) else {
            // "最新版", "the latest one": an answer the team can work with, kept as written.
            if text.count <= 30, Self.latestVersionWords.contains(where: { PhraseMatcher.contains(text, term: $0) }),
                !["not", "不"].contains(where: { PhraseMatcher.contains(text, term: $0) })
            {
                return .accepted(EvidenceValue(raw.trimmedSpacesAndLines))
            }
            return .rejected(Rejection(.versionFormat))
        }
        return .accepted(EvidenceValue(String(match.1)))
    }

    /// Words that give the version as "the newest" (normalised).
    static let latestVersionWords = ["latest", "newest", "up to date", "up-to-date", "最新", "最新版", "最新版本", "刚更新"]

    /// Free text of `minLength`…`maxLength` characters (after trimming).
    func validateText(_ raw: String, minLength: Int, maxLength: Int) -> FieldValidation {
        let trimmed = raw.trimmedSpacesAndLines
        if trimmed.count < max(minLength, 1) {
            return .rejected(Rejection(.textTooShort, values: ["min": String(max(minLength, 1))]))
        }
        if trimmed.count > maxLength { return .rejected(Rejection(.textTooLong, values: ["max": String(maxLength)])) }
        return .accepted(EvidenceValue(trimmed))
    }

    /// A chain name or alias; canonical `Chain.rawValue`.
    func validateChain(_ raw: String) -> FieldValidation {
        if let chain = ChainName.parse(raw) {
            // "XRP": stored as `other`, which network it was kept for the case.
            let name = chain == .other ? ChainName.otherNetwork(in: raw) : nil
            return .accepted(EvidenceValue(chain.rawValue, inferred: name.map { ["network_name": $0] } ?? [:]))
        }
        // An address answers the question too: a TRON/BTC/Solana address names its chain. A 0x
        // address names none: it is the same on every EVM network.
        let addresses = ChainAddress.findAll(in: raw).compactMap(\.validAddress)
        let families = Set(addresses.compactMap(\.family.chain))
        if families.count == 1, let chain = families.first { return .accepted(EvidenceValue(chain.rawValue)) }
        return .rejected(Rejection(addresses.isEmpty ? .chainUnknown : .chainNotInAddress))
    }
}

/// The patterns above, built once. A regex literal builds a new `Regex` (and compiles it again) every
/// time it is evaluated, which cost tens of microseconds per call on the reply path. `Regex` is not
/// `Sendable`, but a built one is never mutated and compiles its program once, thread-safely, so
/// sharing these constants is safe.
enum ContactPattern {
    nonisolated(unsafe) static let spacedPhone = #/\+?\d[\d \-().]{5,22}\d/#
    nonisolated(unsafe) static let email = #/[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}/#
    nonisolated(unsafe) static let telegramHandle = #/@[A-Za-z0-9_]{5,32}/#
    nonisolated(unsafe) static let chineseMobile = #/1[3-9]\d{9}/#
    nonisolated(unsafe) static let internationalPhone = #/\+?[1-9]\d{6,14}/#
    nonisolated(unsafe) static let ticketID = #/(?:^|[^A-Za-z0-9])[Tt]\s*-?\s*(\d{6})(?![0-9])/#
    nonisolated(unsafe) static let version = #/(?:^|[^\d.])v?(\d{1,6}(?:\.\d{1,6}){1,3})(?![\d.]*\d)/#
}

import Foundation
import SupportCore

/// A fixed clock and zone for validator tests: Saturday 2026-01-10 12:00 in Shanghai (UTC+8).
enum ValidationFixtures {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    /// 2026-01-10T12:00:00+08:00 = 2026-01-10T04:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_768_017_600)

    static func context(chain: Chain? = nil, language: Language = .en, timeZone: TimeZone = shanghai)
        -> ValidationContext
    {
        ValidationContext(now: now, timeZone: timeZone, chain: chain, language: language)
    }

    static func validate(_ raw: String, _ kind: FieldKind, chain: Chain? = nil) -> FieldValidation {
        EvidenceValidator().validate(raw, as: kind, context: context(chain: chain))
    }
}

extension FieldValidation {
    /// The accepted value, or nil.
    var accepted: EvidenceValue? {
        if case .accepted(let value) = self { return value }
        return nil
    }

    /// The rejection reason, or nil.
    var reason: RejectionReason? {
        if case .rejected(let rejection) = self { return rejection.reason }
        return nil
    }

    var rejectionValues: [String: String] {
        if case .rejected(let rejection) = self { return rejection.values }
        return [:]
    }
}

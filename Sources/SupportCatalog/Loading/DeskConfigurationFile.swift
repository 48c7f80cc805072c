import Foundation
import SupportCore

/// Reads `Intents/config.yml` into a `DeskConfiguration`.
struct DeskConfigurationFile {
    static let keys = ["brand", "official_domains", "support_email", "support_hours", "time_zone", "thresholds"]
    static let thresholdKeys = ["minimum_confidence", "minimum_margin", "max_field_attempts", "high_value_amount"]

    let root: YAMLValue

    func read(into sources: inout CatalogSourceMap) throws(CatalogError) -> DeskConfiguration {
        let top = try root.mapping("config.yml", allowed: Self.keys)
        for entry in top { sources[.configuration(key: entry.key)] = entry.value.location }
        let brand = try top.required("brand", in: "config.yml").nonEmptyString("brand")
        let domainsValue = try top.required("official_domains", in: "config.yml")
        let domains = try domainsValue.strings("official_domains").map { $0.lowercased() }
        guard !domains.isEmpty else {
            throw domainsValue.error("official_domains is empty; list the desk's own domains")
        }
        if let bad = domains.first(where: { !$0.contains(".") || $0.contains("/") || $0.contains(" ") }) {
            throw domainsValue.error("'\(bad)' is not a bare domain such as tokenpocket.pro")
        }
        let emailValue = try top.required("support_email", in: "config.yml")
        let email = try emailValue.nonEmptyString("support_email")
        guard email.contains("@") else { throw emailValue.error("support_email '\(email)' is not an e-mail address") }
        let hours = try top.required("support_hours", in: "config.yml").localizedText("support_hours")

        var timeZone = "Asia/Shanghai"
        if let value = top["time_zone"] {
            timeZone = try value.nonEmptyString("time_zone")
            guard TimeZone(identifier: timeZone) != nil else {
                throw value.error("unknown time zone '\(timeZone)'; use an IANA name such as Asia/Shanghai")
            }
        }
        let thresholds = try top["thresholds"].map { value throws(CatalogError) in try readThresholds(value) }
        return DeskConfiguration(
            brand: brand, officialDomains: domains, supportEmail: email, supportHours: hours, timeZone: timeZone,
            thresholds: thresholds ?? DeskConfiguration.Thresholds())
    }

    private func readThresholds(_ value: YAMLValue) throws(CatalogError) -> DeskConfiguration.Thresholds {
        let map = try value.mapping("thresholds", allowed: Self.thresholdKeys)
        var result = DeskConfiguration.Thresholds()
        if let item = map["minimum_confidence"] {
            result.minimumConfidence = try unitInterval(item, "minimum_confidence")
        }
        if let item = map["minimum_margin"] { result.minimumMargin = try unitInterval(item, "minimum_margin") }
        if let item = map["max_field_attempts"] {
            result.maxFieldAttempts = try item.int("max_field_attempts")
            guard result.maxFieldAttempts >= 1 else { throw item.error("max_field_attempts must be at least 1") }
        }
        if let item = map["high_value_amount"] {
            result.highValueAmount = try item.double("high_value_amount")
            guard result.highValueAmount > 0 else { throw item.error("high_value_amount must be greater than 0") }
        }
        return result
    }

    private func unitInterval(_ value: YAMLValue, _ name: String) throws(CatalogError) -> Double {
        let number = try value.double(name)
        guard (0...1).contains(number) else { throw value.error("\(name) must be between 0 and 1, found \(number)") }
        return number
    }
}

import Foundation
import SupportCore
import Testing

@Suite("Phishing check")
struct PhishingCheckTests {
    static let check = PhishingCheck(officialDomains: ["tokenpocket.pro", "tpwallet.io"])

    @Test(
        "official domains and their subdomains",
        arguments: [
            ("tokenpocket.pro", "tokenpocket.pro"), ("https://www.tokenpocket.pro/en/download", "tokenpocket.pro"),
            ("help.tpwallet.io", "help.tpwallet.io"), ("HTTPS://TPWALLET.IO", "tpwallet.io"),
            ("extension.tokenpocket.pro.", "extension.tokenpocket.pro"), ("官网是tokenpocket.pro吗？", "tokenpocket.pro"),
        ]
    )
    func official(text: String, host: String) {
        #expect(Self.check.check(text) == .official(host: host))
    }

    @Test(
        "look-alikes name what they imitate and why",
        arguments: [
            ("tokenpocket.pro.claim-airdrop.xyz", "tokenpocket.pro", LookalikeReason.brandElsewhere),
            ("tp-wallet-support.xyz", "tpwallet.io", .brandElsewhere),
            ("https://tpwallet-download.cc/app.apk", "tpwallet.io", .brandElsewhere),
            ("tokenpocket.com", "tokenpocket.pro", .brandElsewhere),
            ("https://airdrop-claim.xyz/tokenpocket/login", "tokenpocket.pro", .brandElsewhere),
            ("t0kenpocket.pro", "tokenpocket.pro", .lookalikeDigits),
            ("tpwa11et.io", "tpwallet.io", .lookalikeDigits),
            ("tokenp0cket.net", "tokenpocket.pro", .lookalikeDigits),
            ("tokenpockett.pro", "tokenpocket.pro", .editDistance),
            ("tokenpoket.pro", "tokenpocket.pro", .editDistance),
            ("tpwalet.io", "tpwallet.io", .editDistance),
            ("tpwallt.com", "tpwallet.io", .editDistance),
            ("tоkenpocket.pro", "tokenpocket.pro", .homoglyph),  // Cyrillic о
            ("xn--tkenpocket-evi.pro", "tokenpocket.pro", .homoglyph),
            ("tpwаllet.io", "tpwallet.io", .homoglyph),  // Cyrillic а
            ("tokenpocket.pro@evil.xyz", "tokenpocket.pro", .disguisedByUserInfo),
            ("https://tpwallet.io@claim-gift.top/login", "tpwallet.io", .disguisedByUserInfo),
            ("xn--tpwllet-4fg.io", "tpwallet.io", .homoglyph),
        ]
    )
    func lookalike(text: String, imitates: String, reason: LookalikeReason) {
        guard case .lookalike(_, let found, let foundReason) = Self.check.check(text) else {
            Issue.record("\(text) was not flagged: \(Self.check.check(text))")
            return
        }
        #expect(found == imitates, "\(text)")
        #expect(foundReason == reason, "\(text)")
    }

    @Test("look-alike hosts are reported in punycode")
    func punycodeHost() {
        let verdict = Self.check.check("https://tоkenpocket.pro/login")
        #expect(verdict == .lookalike(host: "xn--tkenpocket-evi.pro", imitates: "tokenpocket.pro", reason: .homoglyph))
    }

    @Test(
        "unrelated hosts are unknown, never safe",
        arguments: ["google.com", "metamask.io", "wallet.com", "binance.com", "example.org/path"])
    func unknown(text: String) {
        guard case .unknown = Self.check.check(text) else {
            Issue.record("\(text) should be unknown: \(Self.check.check(text))")
            return
        }
    }
}

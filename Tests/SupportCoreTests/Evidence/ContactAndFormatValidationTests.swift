import Foundation
import SupportCore
import Testing

@Suite("Chain, contact, URL, ticket, version and text validation")
struct ContactAndFormatValidationTests {
    @Test(
        "chain names and aliases",
        arguments: [
            ("ERC20", Chain.ethereum), ("以太坊", .ethereum), ("eth", .ethereum), ("BEP20", .bsc), ("BSC", .bsc),
            ("币安链", .bsc), ("BNB Chain", .bsc), ("TRC20", .tron), ("波场", .tron), ("tron", .tron), ("比特币", .bitcoin),
            ("btc", .bitcoin), ("SOL", .solana), ("solana", .solana), ("polygon", .polygon), ("matic", .polygon),
            ("arb", .arbitrum), ("op", .optimism), ("base", .base), ("avax", .avalanche), ("Avalanche", .avalanche),
            ("other", .other), ("其他", .other), ("USDT on TRC-20", .tron), ("it was the BSC network", .bsc),
            ("ＥＲＣ２０", .ethereum), ("TUoHaVjx7n5xz8LwPRDckgFrDWhMhuSuJM", .tron),
            ("我不知道是什么链 地址是T开头的", .tron), ("not sure, the address starts with T", .tron),
            // Networks not listed one by one are "other", not unknown: a required network never dead-ends.
            ("XRP Ledger", .other), ("ripple", .other), ("dogecoin", .other), ("TON network", .other), ("TON", .other), ("a ton of usdt on trc20", .tron),
        ]
    )
    func chain(text: String, chain: Chain) {
        #expect(ValidationFixtures.validate(text, .chain).accepted?.value == chain.rawValue, "\(text)")
    }

    @Test(
        "a network stored as other keeps its name for the case; other itself and listed networks keep none",
        arguments: [
            ("XRP", "XRP Ledger"), ("ripple", "XRP Ledger"), ("TON", "TON"), ("ton链", "TON"), ("it was on the TON network", "TON"),
            ("狗狗币", "Dogecoin"), ("other", nil), ("其他", nil), ("TRC20", nil),
        ] as [(String, String?)])
    func otherNetworkName(text: String, name: String?) {
        #expect(ValidationFixtures.validate(text, .chain).accepted?.inferred["network_name"] == name, "\(text)")
    }

    @Test("unknown or mixed chains are rejected", arguments: ["the fast one", "eth or tron", "the blue one", "database"])
    func chainUnknown(text: String) {
        #expect(ValidationFixtures.validate(text, .chain).reason == .chainUnknown)
    }

    @Test(
        "contacts: e-mail, phone and Telegram",
        arguments: [
            ("alice@Example.COM", "alice@example.com", "email"),
            ("my email is bob.smith+tp@mail.co.uk", "bob.smith+tp@mail.co.uk", "email"),
            ("+1 202-555-0143", "+12025550143", "phone"), ("138 0013 8000", "+8613800138000", "phone"),
            ("13800138000", "+8613800138000", "phone"), ("+44 20 7946 0958", "+442079460958", "phone"),
            ("@alice_w", "@alice_w", "telegram"), ("telegram: @crypto_helper", "@crypto_helper", "telegram"),
            ("t.me/alice_w", "@alice_w", "telegram"),
            // A messenger named beside a contact the team can use: that contact.
            ("微信同号 13800138000", "+8613800138000", "phone"), ("vx: +44 7700 900123", "+447700900123", "phone"),
            ("微信 abc123 邮箱 a@b.io", "a@b.io", "email"), ("QQ 123456789, @alice_w", "@alice_w", "telegram"),
        ]
    )
    func contact(text: String, value: String, kind: String) throws {
        let result = try #require(ValidationFixtures.validate(text, .contact).accepted, "\(text)")
        #expect(result.value == value)
        #expect(result.inferred["contact_kind"] == kind)
    }

    @Test(
        "a WeChat or QQ id is not taken for a phone number: the team never uses those apps",
        arguments: ["QQ 123456789", "qq号：123456789", "QQ123456789", "微信 abc123", "我的微信是 wxid_8k2j3", "WeChat: 55512345"])
    func messengerRejected(text: String) {
        #expect(ValidationFixtures.validate(text, .contact).reason == .contactUnsupportedChannel)
    }

    @Test("non-contacts are rejected", arguments: ["call me", "@abc", "12345", "alice@", "0123456789", "+0 123 4567"])
    func contactRejected(text: String) {
        #expect(ValidationFixtures.validate(text, .contact).reason == .contactFormat)
    }

    @Test(
        "URLs and bare hosts become punycode host + path",
        arguments: [
            ("https://tp-wallet-support.xyz/claim?x=1", "tp-wallet-support.xyz/claim"),
            ("tpwallet-download.cc", "tpwallet-download.cc"),
            ("HTTP://WWW.Example.com/", "example.com"),
            ("is tokenpocket.pro.claim-airdrop.xyz real?", "tokenpocket.pro.claim-airdrop.xyz"),
            ("https://bücher.example/path", "xn--bcher-kva.example/path"),
            ("https://tokenpocket.pro@evil.xyz/login", "evil.xyz/login"),
            ("例子.测试", "xn--fsqu00a.xn--0zwm56d"), ("这个网站是不是官方的tpwallet-download.cc", "tpwallet-download.cc"),
        ]
    )
    func url(text: String, canonical: String) {
        #expect(ValidationFixtures.validate(text, .url).accepted?.value == canonical, "\(text)")
    }

    @Test(
        "non-URLs are rejected",
        arguments: ["not a link", "ftp://example.com", "localhost", "javascript:alert(1)", "a..b", "-bad-.com"])
    func urlRejected(text: String) {
        #expect(ValidationFixtures.validate(text, .url).reason == .urlFormat)
    }

    @Test(
        "ticket ids are normalised",
        arguments: [
            ("T-000123", "T-000123"), ("t-000123", "T-000123"), ("T000123", "T-000123"),
            ("my ticket is T-004821.", "T-004821"),
        ])
    func ticket(text: String, value: String) {
        #expect(ValidationFixtures.validate(text, .ticketID).accepted?.value == value)
    }

    @Test("bad ticket ids are rejected", arguments: ["T-12345", "T-1234567", "123456", "ticket"])
    func ticketRejected(text: String) {
        #expect(ValidationFixtures.validate(text, .ticketID).reason == .ticketIDFormat)
    }

    @Test(
        "a contact run into Chinese words is found",
        arguments: [("邮箱改成abc@163.com", "abc@163.com"), ("tg改成@lisi_2024", "@lisi_2024")])
    func contactInChinese(text: String, value: String) {
        #expect(ValidationFixtures.validate(text, .contact).accepted?.value == value)
    }

    @Test(
        "versions",
        arguments: [
            ("1.8.6", "1.8.6"), ("v1.8.6", "1.8.6"), ("版本 2.4.1", "2.4.1"), ("6.3.8.1", "6.3.8.1"), ("V2.0", "2.0"),
            // "The newest" is an answer (asking again only looped), kept as written.
            ("latest", "latest"), ("最新版", "最新版"), ("the latest one", "the latest one"),
        ])
    func version(text: String, value: String) {
        #expect(ValidationFixtures.validate(text, .version).accepted?.value == value)
    }

    @Test("bad versions are rejected", arguments: ["1", "1.2.3.4.5", "v", "1..2", "not the latest", "不是最新版"])
    func versionRejected(text: String) {
        #expect(ValidationFixtures.validate(text, .version).reason == .versionFormat)
    }

    @Test("text length is counted in characters")
    func text() {
        let kind = FieldKind.text(minLength: 10, maxLength: 20)
        #expect(ValidationFixtures.validate("  短短短短短短短短短短  ", kind).accepted?.value == "短短短短短短短短短短")
        let short = ValidationFixtures.validate("too short", kind)
        #expect(short.reason == .textTooShort)
        #expect(short.rejectionValues == ["min": "10"])
        let long = ValidationFixtures.validate(String(repeating: "x", count: 21), kind)
        #expect(long.reason == .textTooLong)
        #expect(long.rejectionValues == ["max": "20"])
        #expect(ValidationFixtures.validate("   ", .text(minLength: 1, maxLength: 5)).reason == .textTooShort)
    }

    @Test("empty answers are rejected with each kind's own reason")
    func empty() {
        #expect(ValidationFixtures.validate(" ", .address).reason == .addressFormat)
        #expect(ValidationFixtures.validate("", .dateTime).reason == .dateUnparsed)
        #expect(ValidationFixtures.validate("\n", .yesNo).reason == .yesNoUnclear)
    }
}

@Suite("Revoking approvals, by network")
struct RevokeStepsTests {
    @Test("each network gets the steps of its kind; Etherscan-family networks name their approval checker")
    func stepsByNetwork() {
        #expect(MessageKey.revokeSteps(.bsc).rawValue == "revoke.steps.evm")
        #expect(Chain.bsc.approvalChecker == "bscscan.com/tokenapprovalchecker")
        #expect(MessageKey.revokeSteps(.optimism).rawValue == "revoke.steps.evm")
        #expect(Chain.optimism.approvalChecker == "optimistic.etherscan.io/tokenapprovalchecker")
        #expect(MessageKey.revokeSteps(.tron).rawValue == "revoke.steps.tron")
        #expect(MessageKey.revokeSteps(.solana).rawValue == "revoke.steps.solana")
        #expect(MessageKey.revokeSteps(.bitcoin).rawValue == "revoke.steps.bitcoin")
        // No checker page we could confirm: the general steps, never a guessed link.
        #expect(Chain.avalanche.approvalChecker == nil)
        #expect(MessageKey.revokeSteps(.avalanche).rawValue == "revoke.steps.other")
        #expect(MessageKey.revokeSteps(.other).rawValue == "revoke.steps.other")
        for chain in Chain.allCases where chain.approvalChecker != nil {
            #expect(chain.isEVM, "\(chain)")
            #expect(MessageKey.all.contains(MessageKey.revokeSteps(chain)))
        }
    }
}

import Foundation
import SupportCore
import Testing

@Suite("Choice, multi-choice and yes/no validation")
struct ChoiceValidationTests {
    static let channels: [ChoiceOption] = [
        ChoiceOption(id: "phone", label: LocalizedText(en: "Phone call", zh: "电话"), aliases: ["call", "打电话"]),
        ChoiceOption(
            id: "telegram", label: LocalizedText(en: "Telegram", zh: "Telegram"), aliases: ["tg", "电报", "飞机"]),
        ChoiceOption(id: "wechat", label: LocalizedText(en: "WeChat", zh: "微信"), aliases: ["wx"]),
        ChoiceOption(id: "x", label: LocalizedText(en: "X (Twitter)", zh: "X（推特）"), aliases: ["twitter", "推特"]),
        ChoiceOption(id: "other", label: LocalizedText(en: "Other", zh: "其他")),
    ]
    static let items: [ChoiceOption] = [
        ChoiceOption(
            id: "mnemonic", label: LocalizedText(en: "Recovery phrase", zh: "助记词"),
            aliases: ["seed phrase", "12 words", "seed"]),
        ChoiceOption(id: "private_key", label: LocalizedText(en: "Private key", zh: "私钥")),
        ChoiceOption(id: "password", label: LocalizedText(en: "Password", zh: "密码")),
        ChoiceOption(id: "fee", label: LocalizedText(en: "A fee", zh: "手续费"), aliases: ["money", "转账费"]),
    ]

    @Test(
        "choices match ids, labels, aliases and positions",
        arguments: [
            ("telegram", "telegram"), ("Telegram", "telegram"), ("TG", "telegram"), ("飞机", "telegram"),
            ("微信", "wechat"), ("WeChat", "wechat"), ("2", "telegram"), ("5", "other"), ("其他", "other"),
            ("he messaged me on telegram", "telegram"), ("是在微信上加的我", "wechat"), ("推特私信", "x"), ("x", "x"),
            ("ＴＧ", "telegram"), ("phone call", "phone"),
        ]
    )
    func choice(text: String, id: String) {
        #expect(ValidationFixtures.validate(text, .choice(Self.channels)).accepted?.value == id)
    }

    @Test(
        "unknown or ambiguous choices list the options",
        arguments: ["carrier pigeon", "7", "0", "telegram or wechat", "next"])
    func unknownChoice(text: String) {
        let result = ValidationFixtures.validate(text, .choice(Self.channels))
        #expect(result.reason == .choiceUnknown)
        #expect(result.rejectionValues["options"] == "Phone call, Telegram, WeChat, X (Twitter), Other")
    }

    @Test(
        "multi-choice reads lists in either language",
        arguments: [
            ("mnemonic", "mnemonic"), ("助记词、私钥", "mnemonic,private_key"), ("私钥和密码", "private_key,password"),
            ("password, seed phrase", "mnemonic,password"), ("1, 3", "mnemonic,password"),
            ("he asked for my seed phrase and a fee", "mnemonic,fee"),
            ("Private key and password", "private_key,password"),
        ]
    )
    func multiChoice(text: String, ids: String) {
        #expect(ValidationFixtures.validate(text, .multiChoice(Self.items)).accepted?.value == ids)
    }

    @Test("a multi-choice answer naming nothing known is rejected")
    func multiUnknown() {
        #expect(ValidationFixtures.validate("nothing really", .multiChoice(Self.items)).reason == .choiceUnknown)
    }

    @Test(
        "yes and no in both languages",
        arguments: [
            ("yes", "yes"), ("Y", "yes"), ("yeah", "yes"), ("yep", "yes"), ("sure", "yes"), ("correct", "yes"),
            ("是", "yes"), ("是的", "yes"), ("对", "yes"), ("给了", "yes"), ("有", "yes"), ("嗯", "yes"), ("yes I did", "yes"),
            ("no", "no"), ("N", "no"), ("nope", "no"), ("not", "no"), ("否", "no"), ("没有", "no"), ("没", "no"),
            ("不是", "no"), ("没给", "no"), ("no, I didn't", "no"), ("No.", "no"), ("没有给他", "no"), ("I did not", "no"),
            // A Chinese yes counts where it opens the answer, also after a subject ("我给了").
            ("是的，填到一个网站上了", "yes"), ("有，填过", "yes"), ("我给了", "yes"), ("我已经填过了", "yes"), ("还没", "no"),
            // A hedged yes is a yes; a hedged no is a no.
            ("I think so", "yes"), ("好像输过", "yes"), ("应该是", "yes"), ("I don't think so", "no"),
        ]
    )
    func yesNo(text: String, expected: String) {
        #expect(ValidationFixtures.validate(text, .yesNo).accepted?.value == expected, "\(text)")
    }

    @Test(
        "unclear yes/no answers ask again; a 是 or 有 inside a sentence is no yes",
        arguments: [
            "maybe", "I'm not sure", "不知道", "banana", "可能吧", "我是在官网下的", "我的tg是 @xiaoming_88", "不是很确定",
            "我有个问题",
        ])
    func yesNoUnclear(text: String) {
        #expect(ValidationFixtures.validate(text, .yesNo).reason == .yesNoUnclear)
    }
}

import Foundation
@testable import SupportCore
import Testing

@Suite("Amount and asset validation")
struct AmountAssetValidationTests {
    @Test(
        "amounts are read as plain decimals",
        arguments: [
            ("300", "300", false, nil), ("1,000", "1000", false, nil), ("1,234,567.89", "1234567.89", false, nil),
            ("１２，０００", "12000", false, nil), ("about 300 USDT", "300", true, "USDT"), ("~0.5 eth", "0.5", true, "ETH"),
            ("约500U", "500", true, "USDT"), ("大概 2000 左右", "2000", true, nil), ("3.5个ETH", "3.5", false, "ETH"),
            ("1万U", "10000", false, "USDT"), ("2.5万", "25000", false, nil), ("3千", "3000", false, nil),
            ("三千U", "3000", false, "USDT"), ("300.00", "300", false, nil),
            ("0.000000000000000001", "0.000000000000000001", false, nil),
            ("USDT 450", "450", false, "USDT"), ("5k usdt", "5000", false, "USDT"),
            ("around 1.2 BTC", "1.2", true, "BTC"),
            ("100多U", "100", true, "USDT"), ("lost 300", "300", false, nil), ("300 bucks", "300", false, nil),
            ("300 FOO", "300", false, "FOO"), ("1 MINA", "1", false, "MINA"), ("$300", "300", false, nil), ("lost 300 usdt", "300", false, "USDT"),
            // A network name such as TRC20 is no amount; the token may sit in running Chinese text.
            ("TRC20, 500U", "500", false, "USDT"), ("BEP20 的 300 USDT", "300", false, "USDT"), ("usdt500", "500", false, "USDT"),
            ("转了500usdt到币安", "500", false, "USDT"), ("1万U，昨天下午", "10000", false, "USDT"),
            // A time before the amount is passed over.
            ("3 hours ago I sent 250", "250", false, nil), ("昨晚十点转了300U", "300", false, "USDT"),
            ("at 21:30 I lost 2 ETH", "2", false, "ETH"),
            // The digits of an address are no amount.
            ("sent 2000U to 0xabcd111111111111111111111111111111111234", "2000", false, "USDT"),
            // Chinese units mixed with Arabic digits, and vague counts of them.
            ("1万5千", "15000", false, nil), ("1万2", "12000", false, nil), ("2万5", "25000", false, nil),
            ("20万U", "200000", false, "USDT"), ("十几万", "100000", true, nil), ("大概两三千", "2000", true, nil), ("三五百U", "300", true, "USDT"),
            ("一两万", "10000", true, nil), ("20来万", "200000", true, nil),
            ("10多万U", "100000", true, "USDT"), ("2.5万", "25000", false, nil), ("1,500", "1500", false, nil),
            // Words with a numeral in them count nothing; neither do the digits of a contact.
            ("第二笔是500", "500", false, nil), ("一共12000u", "12000", false, "USDT"), ("转了一笔300U", "300", false, "USDT"),
            ("800u, mail me at abc@163.com", "800", false, "USDT"),
        ] as [(String, String, Bool, String?)]
    )
    func accepted(text: String, value: String, isApproximate: Bool, asset: String?) throws {
        let result = try #require(ValidationFixtures.validate(text, .amount).accepted)
        #expect(result.value == value)
        #expect(result.isApproximate == isApproximate)
        #expect(result.inferred["asset"] == asset)
    }

    @Test(
        "bad amounts say why",
        arguments: [
            ("0", RejectionReason.amountNotPositive), ("-5", .amountNotPositive), ("0.00", .amountNotPositive),
            ("0.0000000000000000001", .amountTooPrecise), ("a lot", .amountFormat), ("1,00", .amountFormat),
            ("", .amountFormat), ("TRC20", .amountFormat), ("ERC20 USDT", .amountFormat),
            ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", .amountFormat),
            // Times and dates are not amounts.
            ("昨晚十点", .amountIsTime), ("10pm", .amountIsTime), ("3 hours ago", .amountIsTime), ("21:30", .amountIsTime),
            ("3号", .amountIsTime), ("2 days ago", .amountIsTime), ("两个小时前", .amountIsTime),
            // A phone number is no amount of its country code.
            ("+44 7700 900123", .amountFormat), ("+86 (138) 1234-5678", .amountFormat), ("我的手机 +86 139 0000 1111", .amountFormat),
            ("稍等一下哈", .amountFormat), ("是我另一个钱包", .amountFormat), ("邮箱是abc@163.com", .amountFormat),
        ]
    )
    func rejected(text: String, reason: RejectionReason) {
        #expect(ValidationFixtures.validate(text, .amount).reason == reason)
    }

    @Test("'多' after a time unit is the time's ('3点多'), not the amount's; after the amount it makes an estimate")
    func duoAfterTime() {
        #expect(ValidationFixtures.validate("昨天下午3点多被转走了5000u", .amount).accepted?.isApproximate == false)
        #expect(ValidationFixtures.validate("5000多u", .amount).accepted?.isApproximate == true)
    }

    @Test(
        "assets are symbols, nicknames or contracts",
        arguments: [
            ("usdt", "USDT"), ("U", "USDT"), ("u", "USDT"), ("泰达币", "USDT"), ("泰达", "USDT"), ("以太", "ETH"),
            ("以太币", "ETH"), ("比特币", "BTC"), ("波场币", "TRX"), ("wBTC", "WBTC"), ("1INCH", "1INCH"), ("USDC.e", "USDC.E"),
            ("ＵＳＤＴ", "USDT"), ("eth", "ETH"), ("TRX", "TRX"), ("bnb", "BNB"), ("sol", "SOL"),
        ]
    )
    func asset(text: String, symbol: String) {
        #expect(ValidationFixtures.validate(text, .asset).accepted?.value == symbol)
    }

    @Test("everyday replies shaped like a ticker are no token", arguments: ["yes", "idk", "OK", "dunno", "none", "coin"])
    func notAnAsset(text: String) {
        #expect(ValidationFixtures.validate(text, .asset).reason == .assetFormat)
    }

    @Test(
        "an amount run into a nickname or well-known ticker is that asset with that amount; 1INCH stays a ticker",
        arguments: [
            ("3000U", "USDT", "3000"), ("2.5eth", "ETH", "2.5"), ("500usdt", "USDT", "500"), ("1INCH", "1INCH", nil),
            ("USDT", "USDT", nil),
        ] as [(String, String, String?)]
    )
    func amountRunIntoSymbol(text: String, symbol: String, amount: String?) throws {
        let value = try #require(ValidationFixtures.validate(text, .asset).accepted)
        #expect(value.value == symbol)
        #expect(value.inferred["amount"] == amount)
    }

    @Test(
        "with the token known, the amount of that token is taken; amounts only of other tokens are refused",
        arguments: [
            ("2 ETH and 300 USDT", "300", nil), ("2个ETH和300U", "300", nil), ("300 usdt and 2 eth", "300", nil),
            ("500", "500", nil), ("about 500 of them, 2 hours ago", "500", nil),
            ("2 ETH", nil, "ETH"), ("2个ETH和1个BNB", nil, "ETH"),
        ] as [(String, String?, String?)])
    func amountOfKnownToken(text: String, amount: String?, otherToken: String?) {
        var context = ValidationFixtures.context()
        context.asset = "USDT"
        let result = EvidenceValidator().validate(text, as: .amount, context: context)
        #expect(result.accepted?.value == amount, "\(text)")
        if let otherToken {
            #expect(result.reason == .amountOtherToken)
            #expect(result.rejectionValues == ["asset": "USDT", "found": otherToken])
        }
        var contract = ValidationFixtures.context()
        contract.asset = "0xdAC17F958D2ee523a2206206994597C13D831ec7"
        #expect(EvidenceValidator().validate("2 ETH", as: .amount, context: contract).accepted?.value == "2", "a contract is no ticker to compare")
    }

    @Test(
        "a network's name alone may mean its coin or a token on it, and a wallet app's name is no token: both are asked again",
        arguments: [
            ("波场", RejectionReason.assetIsNetwork, ["network": "波场", "coin": "TRX"]),
            ("Ethereum", .assetIsNetwork, ["network": "Ethereum", "coin": "ETH"]),
            ("以太坊", .assetIsNetwork, ["network": "以太坊", "coin": "ETH"]),
            ("trc20", .assetIsStandard, ["standard": "TRC20", "network": "tron"]),
            ("ERC-20", .assetIsStandard, ["standard": "ERC-20", "network": "ethereum"]),
            ("BSC", .assetIsNetwork, ["network": "BSC", "coin": "BNB"]),
            ("TP", .assetIsWallet, ["wallet": "TP"]), ("tp钱包", .assetIsWallet, ["wallet": "tp钱包"]),
            ("imToken", .assetIsWallet, ["wallet": "imToken"]),
        ])
    func networkOrWalletForAsset(text: String, reason: RejectionReason, values: [String: String]) {
        let result = ValidationFixtures.validate(text, .asset)
        #expect(result.reason == reason)
        #expect(result.rejectionValues == values)
    }

    @Test("a token named with a network in Chinese ('波场的u', '以太坊上的U') is that token on that network")
    func tokenOnChineseNetwork() throws {
        let tron = try #require(ValidationFixtures.validate("波场的u", .asset).accepted)
        #expect(tron.value == "USDT")
        #expect(tron.inferred["chain"] == "tron")
        let ethereum = try #require(ValidationFixtures.validate("以太坊上的U", .asset).accepted)
        #expect(ethereum.value == "USDT")
        #expect(ethereum.inferred["chain"] == "ethereum")
    }

    @Test(
        "a known token after words that only point at it is that token; an unknown word after them is not",
        arguments: [("我的u", "USDT"), ("都是usdt", "USDT"), ("my usdt", "USDT"), ("我的USDC", "USDC"), ("就是u", "USDT"), ("我的钱", nil), ("my money", nil)]
            as [(String, String?)])
    func pointedAt(text: String, symbol: String?) {
        #expect(ValidationFixtures.validate(text, .asset).accepted?.value == symbol)
    }

    @Test(
        "'u' touching Chinese or a number is USDT; English chat's 'u', a USB drive and a bank key are not",
        arguments: [
            ("我的u被转走了", true), ("被盗了500u", true), ("u没了", true), ("thank u so much", false), ("u there?", false),
            ("我的u盘丢了", false), ("网银u盾", false), ("usdt", false), ("我的usdt", false),
        ])
    func chineseU(text: String, names: Bool) {
        #expect(AssetSymbol.namesChineseU(TextNormalizer.normalize(text)) == names)
    }

    @Test("an asset with its chain infers the chain")
    func assetWithChain() throws {
        let value = try #require(ValidationFixtures.validate("USDT-TRC20", .asset).accepted)
        #expect(value.value == "USDT")
        #expect(value.inferred["chain"] == "tron")
        #expect(ValidationFixtures.validate("ERC20的USDT", .asset).accepted?.inferred["chain"] == "ethereum")
    }

    @Test("a token contract address is an asset")
    func contract() throws {
        let value = try #require(
            ValidationFixtures.validate("0xdac17f958d2ee523a2206206994597c13d831ec7", .asset, chain: .ethereum).accepted
        )
        #expect(value.value == "0xdAC17F958D2ee523a2206206994597C13D831ec7")
        #expect(value.inferred["asset_kind"] == "contract")
    }

    @Test(
        "non-symbols are rejected", arguments: ["some coins", "USDT!!", "averyveryverylongtokenname", "123", "泰达币和以太坊"])
    func assetRejected(text: String) {
        #expect(ValidationFixtures.validate(text, .asset).reason == .assetFormat)
    }
}

@Suite("What an answer settles besides its own field")
struct FieldsSettledTests {
    /// `inferred` keys that describe the value rather than name another field.
    static let descriptive: Set<String> = ["address_family", "asset_kind", "contact_kind", "host"]

    @Test(
        "every field an accepted answer infers is declared by fieldsSettled(by:), which the engine relies on",
        arguments: [
            ("TUoHaVjx7n5xz8LwPRDckgFrDWhMhuSuJM", FieldKind.address), ("about 300 USDT", .amount), ("3000U", .asset),
            ("USDT-TRC20", .asset), ("https://tronscan.org/#/transaction/01b4cde4197b9d1a1ff09ef5d2b1d939d3ec2401b3f002ebd0802c0f30a6e4ca", .txHashes),
            ("0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b", .txHashes),
            ("alice@example.com", .contact), ("tpwallet.io", .url),
        ] as [(String, FieldKind)]
    )
    func declared(text: String, kind: FieldKind) throws {
        let value = try #require(ValidationFixtures.validate(text, kind).accepted, "\(text)")
        let settled = Set(value.inferred.keys).subtracting(Self.descriptive)
        #expect(settled.isSubset(of: EvidenceValidator.fieldsSettled(by: kind)), "\(text): \(value.inferred)")
    }
}

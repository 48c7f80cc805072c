import Testing

@testable import SupportCore

@Suite struct LanguageDetectorTests {
    static let cases: [(String, Language, Language)] = [
        ("my wallet got drained last night", .zh, .en),
        ("我的USDT被盗了", .en, .zh),
        ("錢包被盜了", .en, .zh),
        ("约3000", .en, .zh),
        ("TP钱包 转账 pending", .en, .zh),
        ("USDT", .zh, .zh),
        ("TokenPocket", .zh, .zh),
        ("hi", .en, .en),
        ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", .zh, .zh),
        ("https://etherscan.io/tx/0xabc", .zh, .zh),
        ("2026-01-09 21:30", .zh, .zh),
        ("", .zh, .zh),
        ("can you help me with a transfer please", .zh, .en),
        // Shortened identifiers: letters between digits are not words.
        ("0x88df****944b", .zh, .zh),
        ("TUoHa…uJM", .zh, .zh),
        ("bc1q…fyu 0x5290...9EE7", .zh, .zh),
        ("sent 2nd time", .zh, .zh),
        ("sent it the 2nd time", .zh, .en),
        // Handles, e-mail addresses and links are not words either.
        ("telegram: @alice_w", .zh, .zh),
        ("my email bob.smith@mail.com", .zh, .zh),
        ("email me at bob.smith@mail.com", .zh, .en),
        ("see https://tronscan.org/#/transaction/abc", .zh, .zh),
    ]

    @Test("the language of a message, or the conversation's when the message has none", arguments: cases)
    func detects(text: String, fallback: Language, expected: Language) {
        #expect(LanguageDetector.detect(text, fallback: fallback) == expected)
    }
}

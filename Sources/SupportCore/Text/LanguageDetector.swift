/// Decides whether a message is Chinese or English, so the bot answers in the user's language.
public enum LanguageDetector {
    /// Chinese when Han characters make up a meaningful part of the letters, else English.
    /// A mixed line such as "我的USDT被盗了" is Chinese; an address or hash alone is `fallback`.
    public static func detect(_ text: String, fallback: Language = .en) -> Language {
        var han = 0
        var latinWords = 0
        // A run of ASCII letters and digits is a word only without digits: "0x88df…944b", "bc1q…"
        // and "TUoHaVjx7n…" are identifiers, which carry no language. So is every run of a
        // whitespace-separated chunk holding "@" or "/": "@alice_w", "bob@mail.com", a link.
        var hasLetter = false
        var hasDigit = false
        var chunkWords = 0
        var chunkIsIdentifier = false
        func endRun() {
            if hasLetter && !hasDigit { chunkWords += 1 }
            hasLetter = false
            hasDigit = false
        }
        func endChunk() {
            endRun()
            if !chunkIsIdentifier { latinWords += chunkWords }
            chunkWords = 0
            chunkIsIdentifier = false
        }
        for scalar in text.unicodeScalars {
            if (0x61...0x7A).contains(scalar.value | 0x20) {  // an ASCII letter
                hasLetter = true
            } else if (0x30...0x39).contains(scalar.value) {
                hasDigit = true
            } else if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{3000}" {
                endChunk()
            } else {
                endRun()
                if scalar == "@" || scalar == "/" { chunkIsIdentifier = true }
                if TextNormalizer.isHan(scalar) { han += 1 }
            }
        }
        endChunk()
        if han == 0 && latinWords == 0 { return fallback }
        if han >= 2 || (han >= 1 && latinWords <= 2) { return .zh }
        // One or two Latin words ("USDT", "TokenPocket", "BSC") answer a question without
        // choosing a language; it takes a sentence to switch.
        if han == 0 && (latinWords <= 2 || isOnlyIdentifiers(text)) { return fallback }
        return .en
    }

    /// An address, hash, amount or URL carries no language.
    private static func isOnlyIdentifiers(_ text: String) -> Bool {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," })
        return tokens.allSatisfy { token in
            (token.utf8.count >= 20 && token.count >= 20) || token.contains("/") || token.contains("@") || token.contains(".")
                || token.allSatisfy { $0.isNumber || $0 == "-" || $0 == ":" }
        }
    }
}

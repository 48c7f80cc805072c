import Foundation

extension EvidenceValidator {
    /// A ticker symbol, nickname or token contract address, optionally with a chain ("USDT TRC20").
    func validateAsset(_ raw: String, context: ValidationContext) -> FieldValidation {
        let trimmed = raw.trimmedSpacesAndLines
        if let split = amountRunIntoSymbol(trimmed, context: context) { return .accepted(split) }
        let normalized = TextNormalizer.normalize(trimmed)
        if let network = AssetSymbol.standardNamed(normalized) {
            return .rejected(Rejection(.assetIsStandard, values: ["standard": trimmed.uppercased(), "network": network.rawValue]))
        }
        if let coin = AssetSymbol.coinOfNetwork(named: normalized) {
            return .rejected(Rejection(.assetIsNetwork, values: ["network": trimmed, "coin": coin]))
        }
        if AssetSymbol.walletNames.contains(normalized) {
            return .rejected(Rejection(.assetIsWallet, values: ["wallet": trimmed]))
        }
        if let symbol = AssetSymbol.parse(trimmed) {
            // "yes", "idk", "ok": an answer of its own, not a ticker.
            if AssetSymbol.known(trimmed) == nil, Self.wordsThatAreNoToken.contains(symbol.lowercased()) {
                return .rejected(Rejection(.assetFormat))
            }
            return .accepted(EvidenceValue(symbol))
        }
        // A token contract address.
        if case .accepted(var value) = validateAddress(trimmed, context: context) {
            value.inferred["asset_kind"] = "contract"
            return .accepted(value)
        }
        // "USDT-TRC20", "ERC20的USDT", "usdt on bsc": a symbol plus a chain name.
        var rest = TextNormalizer.normalize(trimmed)
        var inferred: [String: String] = [:]
        for (chain, names) in ChainName.aliases where chain != .other {
            // Short Latin names ("op", "eth") are too often part of something else; "波场" is not.
            for name in names.sorted(by: { $0.count > $1.count }) where name.count >= 3 || name.utf8.count > name.count {
                if let range = PhraseMatcher.firstRange(of: name, in: rest) {
                    rest.replaceSubrange(range, with: " ")
                    inferred["chain"] = chain.rawValue
                }
            }
        }
        for filler in ["的", "on", "network", "网络", "链上", "链", "上", "token", "代币", "币种", "coin"] {
            while let range = PhraseMatcher.firstRange(of: filler, in: rest) { rest.replaceSubrange(range, with: " ") }
        }
        let words = rest.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "(" || $0 == ")" || $0 == "/" })
        if !inferred.isEmpty, words.count == 1, let symbol = AssetSymbol.parse(String(words[0])) {
            if context.chain != nil { inferred.removeValue(forKey: "chain") }
            return .accepted(EvidenceValue(symbol, inferred: inferred))
        }
        // "我的u", "都是usdt", "my usdt": a known token after words that only point at it.
        let named = words.compactMap { word -> Substring? in
            if Self.pointingWords.contains(String(word)) { return nil }
            // "都是usdt": Chinese runs into the ticker without a space.
            let pointer = Self.pointingWords.first { word.hasPrefix($0) && !$0.first!.isASCII }
            return pointer.map { word.dropFirst($0.count) } ?? word
        }
        if inferred.isEmpty, named.count == 1, named[0].count < trimmed.count, let symbol = AssetSymbol.known(named[0]) {
            return .accepted(EvidenceValue(symbol))
        }
        return .rejected(Rejection(.assetFormat))
    }

    /// Words before a token that only point at it ("我的u", "my usdt"), once "的" is blanked.
    static let pointingWords: Set<String> = ["我", "my", "是", "都是", "全是", "就是", "全部", "all", "the", "its", "it's"]

    /// Chinese words with a numeral in them that count nothing ("稍等一下", "转了一笔", "另一个钱包",
    /// "一共", "第二笔").
    static let numberWords = [
        "一下", "一笔", "一共", "一直", "另一", "一些", "一起", "一样", "一次", "一会", "万一", "唯一", "一定", "一般", "一切",
        "一边", "一点点", "统一", "一旦",
    ]

    /// `text` (normalised) with e-mail addresses, @handles and `numberWords` blanked, and ordinals
    /// ("第二") too.
    static func withoutContactsAndNumberWords(_ text: String) -> String {
        var text = text
        if text.contains("@") {
            text = text.split(separator: " ", omittingEmptySubsequences: false).map { word in
                word.contains("@") ? String(repeating: " ", count: word.count) : String(word)
            }.joined(separator: " ")
        }
        // "我的手机 +86 139 0000 1111": a phone number with its country is no amount (86).
        if text.contains("+") { text = withoutPhoneNumbers(text) }
        for word in numberWords where text.contains(word) {
            text = text.replacingOccurrences(of: word, with: " ")
        }
        if text.contains("第") {
            var result = ""
            var skipping = false
            for character in text {
                if character == "第" {
                    skipping = true
                    result.append(" ")
                } else if skipping, ChineseNumeral.isNumeral(character) || (character.isASCII && character.isNumber) {
                    result.append(" ")
                } else {
                    skipping = false
                    result.append(character)
                }
            }
            text = result
        }
        return text
    }

    /// A vague digit before a Chinese unit, and the unit it leaves ("十几万" is about 100000).
    /// Two numerals that name a range before a unit ("两三千" is 2000 to 3000).
    static let numeralRanges = ["一两", "两三", "二三", "三四", "四五", "五六", "六七", "七八", "八九", "三五"]

    static let vagueUnits = [("几万", "万"), ("来万", "万"), ("多万", "万"), ("几千", "千"), ("来千", "千"), ("多千", "千")]

    /// `text` with every phone number written with its country blanked ("+44 7700 900123", "+86 (138)
    /// 1234-5678"): a plus, then a run of at least seven digits with spaces, dashes or brackets.
    static func withoutPhoneNumbers(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            if characters[index] == "+", index + 1 < characters.count, characters[index + 1].isASCII,
                characters[index + 1].isNumber || characters[index + 1] == "("
            {
                var end = index + 1
                var digits = 0
                while end < characters.count, characters[end].isASCII,
                    characters[end].isNumber || " -()".contains(characters[end])
                {
                    if characters[end].isNumber { digits += 1 }
                    end += 1
                }
                if digits >= 7 {
                    result += String(repeating: " ", count: end - index)
                    index = end
                    continue
                }
            }
            result.append(characters[index])
            index += 1
        }
        return result
    }

    /// Everyday replies shaped like a ticker (letters only, up to 15): never taken as the token.
    static let wordsThatAreNoToken: Set<String> = [
        "yes", "yeah", "yep", "yup", "no", "nope", "nah", "ok", "okay", "k", "idk", "dunno", "none", "na", "sure",
        "thanks", "thx", "ty", "hi", "hello", "hey", "same", "it", "that", "this", "the", "all", "both", "unknown",
        "help", "what", "why", "how", "huh", "wait", "sorry", "pls", "please", "maybe", "crypto", "coin", "coins",
        "token", "tokens", "money", "funds", "everything", "nothing", "stablecoin",
    ]

    /// "3000U", "2.5eth": an amount run into a nickname or well-known ticker is that asset and
    /// that amount, not a ticker of its own. A ticker that starts with digits ("1INCH") stays one.
    private func amountRunIntoSymbol(_ text: String, context: ValidationContext) -> EvidenceValue? {
        guard let first = text.first, first.isASCII, first.isNumber else { return nil }
        let number = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard let symbol = AssetSymbol.known(text.dropFirst(number.count)),
            case .accepted(let amount) = validateAmount(String(number), context: context)
        else { return nil }
        return EvidenceValue(symbol, inferred: ["amount": amount.value])
    }

    /// A positive decimal amount, possibly approximate, possibly with its asset ("about 300 USDT", "1万U").
    func validateAmount(_ raw: String, context: ValidationContext) -> FieldValidation {
        // "+44 7700 900123" is a phone number, not the amount 44: `amountText` blanks it.
        let (text, isApproximate) = Self.amountText(TextNormalizer.normalize(raw))
        // The numbers that are not times ("3 hours ago I sent 250").
        var numbers: [DecimalText] = []
        var position = text.startIndex
        var sawTime = false
        while let candidate = DecimalText.find(in: text, from: position) {
            position = candidate.range.upperBound
            if candidate.isTime(in: text) { sawTime = true } else { numbers.append(candidate) }
        }
        guard let first = numbers.first else {
            return .rejected(Rejection(sawTime ? .amountIsTime : .amountFormat))
        }
        let original = raw.precomposedStringWithCompatibilityMapping
        var chosen = (number: first, asset: Self.token(nextTo: first, in: text, original: original))
        // With a ticker known, the amount of that token ("2 ETH and 300 USDT" for USDT is 300); one
        // that names only other tokens is refused rather than stored under the wrong one.
        if let wanted = context.asset, wanted.count <= Self.longestTicker, chosen.asset != wanted {
            let named = numbers.map { (number: $0, asset: Self.token(nextTo: $0, in: text, original: original)) }
            if let match = named.first(where: { $0.asset == wanted }) {
                chosen = match
            } else if let other = chosen.asset, named.allSatisfy({ $0.asset != nil }) {
                return .rejected(Rejection(.amountOtherToken, values: ["asset": wanted, "found": other]))
            }
        }
        let value: String
        switch chosen.number.result {
        case .rejected(let reason): return .rejected(Rejection(reason, values: chosen.number.values))
        case .value(let canonical): value = canonical
        }
        var inferred: [String: String] = [:]
        if let asset = chosen.asset { inferred["asset"] = asset }
        return .accepted(EvidenceValue(value, inferred: inferred, isApproximate: isApproximate))
    }

    /// The tokens named next to the amounts of `raw` ("2个ETH和300U": ETH and USDT).
    static func tokensNamedWithAmounts(_ raw: String) -> Set<String> {
        let (text, _) = amountText(TextNormalizer.normalize(raw))
        let original = raw.precomposedStringWithCompatibilityMapping
        var tokens: Set<String> = []
        var position = text.startIndex
        while let number = DecimalText.find(in: text, from: position) {
            position = number.range.upperBound
            if !number.isTime(in: text), let token = token(nextTo: number, in: text, original: original) {
                tokens.insert(token)
            }
        }
        return tokens
    }

    /// Longer asset answers are contract addresses, never named beside an amount.
    static let longestTicker = 12

    /// The token named right after or before `number` in `text` ("300 USDT", "3.5个ETH", "1万U",
    /// "usdt 500"), read against `original` for tickers whose case matters.
    private static func token(nextTo number: DecimalText, in text: String, original: String) -> String? {
        var after = text[number.range.upperBound...].trimmedSpaces
        for filler in ["个", "枚", "块", "的"] where after.hasPrefix(filler) { after.removeFirst(filler.count) }
        let before = text[..<number.range.lowerBound].trimmedSpaces
        // The word next to the number ends at a space or a comma, and Chinese runs on without
        // either ("1万U，昨天", "转了500usdt到"), so its Latin letters alone are tried too.
        let wordAfter = after.prefix { !$0.isWhitespace && !($0.isPunctuation && $0 != ".") }
        let wordBefore = before.reversed().prefix { !$0.isWhitespace && !$0.isPunctuation }.reversed()
        let candidates = [
            String(wordAfter), String(wordAfter.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }),
            String(wordBefore), String(String(wordBefore).reversed().prefix { $0.isASCII && $0.isLetter }.reversed()),
        ]
        return candidates.lazy.filter { !$0.isEmpty }.compactMap {
            AssetSymbol.nextToAmount($0.trimmingCharacters(in: .punctuationCharacters), original: original)
        }.first
    }

    /// Whether what follows a number makes it a time or a date: "十点", "3号", "10pm", "2 hours",
    /// "21:30". English units are whole words, so "1 MINA" stays an amount of a token.
    static func namesTimeUnit(_ after: String) -> Bool {
        if chineseTimeUnits.contains(where: { after.hasPrefix($0) }) || after.hasPrefix(":") { return true }
        let word = after.lowercased().prefix { $0.isLetter || $0 == "." || $0 == "'" }
        return englishTimeUnits.contains(String(word))
    }

    static let chineseTimeUnits = [
        "点", "點", "时", "時", "号", "號", "日", "月", "年", "分钟", "小时", "天", "周", "星期", "个小时", "个月",
    ]

    static let englishTimeUnits: Set<String> = [
        "am", "pm", "a.m.", "p.m.", "a.m", "p.m", "o'clock", "h", "hr", "hrs", "hour", "hours", "min", "mins", "minute",
        "minutes", "day", "days", "week", "weeks", "month", "months", "year", "years",
    ]

    /// `normalized` as its amounts are read, and whether it makes them estimates. Digits of an e-mail
    /// address or a handle ("abc@163.com", "@lisi_2024") are no amount; "一下", "一笔", "第二" are
    /// words, not the numbers 1 and 2; "十几万" is about 100000; "about", "左右" are dropped and
    /// mark the estimate; Chinese numerals become digits. Both `validateAmount` and the opening's
    /// count of numbers (`DecimalText.scan`) read this text.
    static func amountText(_ normalized: String) -> (text: String, isApproximate: Bool) {
        var text = withoutContactsAndNumberWords(normalized)
        var isApproximate = false
        // "十几万", "20来万", "10多万": about that many ten-thousands (the vague digit dropped).
        for (vague, unit) in vagueUnits where text.contains(vague) {
            text = text.replacingOccurrences(of: vague, with: unit)
            isApproximate = true
        }
        // "两三千", "三五百": between two counts of a unit, read as about the lower one.
        for range in numeralRanges where text.contains(range) {
            for unit in ["十", "百", "千", "万"] where text.contains(range + unit) {
                text = text.replacingOccurrences(of: range + unit, with: String(range.prefix(1)) + unit)
                isApproximate = true
            }
        }
        // "3点多", "两个小时多": a time that is approximate, not the amount.
        for unit in timeUnitsBeforeDuo where text.contains(unit + "多") {
            text = text.replacingOccurrences(of: unit + "多", with: unit)
        }
        for marker in approximateMarkers {
            while let range = PhraseMatcher.firstRange(of: marker, in: text) {
                isApproximate = true
                text.replaceSubrange(range, with: " ")
            }
        }
        return (ChineseNumeral.replacingNumerals(in: text), isApproximate)
    }

    /// Time units after which "多" ("a bit over") belongs to the time ("3点多", "一个月多").
    static let timeUnitsBeforeDuo = ["点", "时", "分", "分钟", "小时", "天", "周", "月", "年"]

    /// Words that make an amount an estimate.
    static let approximateMarkers = [
        "approximately", "approx.", "approx", "roughly", "around", "about", "nearly", "almost", "more or less",
        "or so", "~", "≈", "约", "大约", "大概", "左右", "差不多", "将近", "接近", "多", "上下",
    ]
}

/// A decimal number found in text, with thousands separators and 万/千/k multipliers, as canonical text.
struct DecimalText {
    /// The canonical number, or why it is not an acceptable amount.
    enum Outcome {
        case value(String)
        case rejected(RejectionReason)
    }

    var range: Range<String.Index>
    var result: Outcome
    var values: [String: String] = [:]

    /// The length from which a run of letters and digits is an identifier (an address has 25 or
    /// more), not a word with a number in it.
    static let identifierLength = 20

    /// The most fraction digits an amount may have (ERC-20 tokens use up to 18 decimals).
    static let maximumFractionDigits = 18

    /// Whether this number, found in `text`, could be an hour said without its unit ("around 11"):
    /// a whole number up to 24 that names no token after it.
    func mayBeHour(in text: String) -> Bool {
        guard case .value(let canonical) = result, let whole = Int(canonical), whole <= 24 else { return false }
        let following = text[range.upperBound...].drop { $0 == " " || $0 == "个" }
        return AssetSymbol.known(following.prefix { $0.isLetter }) == nil
    }

    /// Whether this number, found in `text`, is part of a time rather than an amount: followed by
    /// a time unit ("昨晚十点", "10pm", "3 hours ago", the 21 of "21:30") or the minutes after a
    /// colon (the 30 of "21:30").
    func isTime(in text: String) -> Bool {
        let start = range.lowerBound
        if start > text.startIndex, text[text.index(before: start)] == ":" { return true }
        return EvidenceValidator.namesTimeUnit(text[range.upperBound...].trimmedSpaces)
    }

    /// The numbers of a sentence as `validateAmount` reads them ("一万" is an amount; "3 hours ago",
    /// "十点" and "21:30" are times; the 20 of "TRC20" is neither).
    struct Scan {
        var amounts = 0
        var times = 0
        /// The sentence normalised, every amount blanked out, so a date parser reading it whole
        /// does not take "about 800 USDT" for a clock time of 800.
        var textWithoutAmounts = ""
    }

    /// Scans `raw` (as typed) for its numbers.
    static func scan(_ raw: String) -> Scan {
        let normalized = TextNormalizer.normalize(raw)
        var scan = Scan()
        // Counted as `validateAmount` reads them: "稍等一下，转了500u" holds one amount, not two.
        let counted = EvidenceValidator.amountText(normalized).text
        var position = counted.startIndex
        while let number = find(in: counted, from: position) {
            position = number.range.upperBound
            if number.isTime(in: counted) { scan.times += 1 } else { scan.amounts += 1 }
        }
        // Blanked in the text the date parser reads, which keeps "around" and "左右" for the time.
        let text = ChineseNumeral.replacingNumerals(in: normalized)
        var copied = text.startIndex
        position = text.startIndex
        while let number = find(in: text, from: position) {
            position = number.range.upperBound
            if !number.isTime(in: text) {
                // "last night around 11": a bare number up to 24 may be the hour, so the date
                // parser keeps it; "800 USDT" or "11U" names a token and is blanked.
                if number.mayBeHour(in: text) { continue }
                scan.textWithoutAmounts += text[copied..<number.range.lowerBound]
                scan.textWithoutAmounts += String(repeating: " ", count: text[number.range].count)
                copied = number.range.upperBound
            }
        }
        scan.textWithoutAmounts += text[copied...]
        return scan
    }

    /// The first number in `text` (already normalised: ASCII digits, `,` separators) that is not
    /// the end of a word such as "TRC20" or "BEP20"; a known token run into it ("usdt500") is fine.
    static func find(in text: String, from position: String.Index? = nil) -> DecimalText? {
        var searchFrom = position ?? text.startIndex
        var start: String.Index
        func isAlphanumeric(_ character: Character) -> Bool { character.isASCII && (character.isLetter || character.isNumber) }
        while true {
            guard let digit = text[searchFrom...].firstIndex(where: { $0.isASCII && $0.isNumber }) else { return nil }
            // The digits of an address or a hash ("0x5aAe…", "TUoHa…") are no amount.
            let tokenEnd = text[digit...].firstIndex { !isAlphanumeric($0) } ?? text.endIndex
            let tokenStart = text[..<digit].lastIndex { !isAlphanumeric($0) }.map(text.index(after:)) ?? text.startIndex
            if text.distance(from: tokenStart, to: tokenEnd) >= identifierLength {
                searchFrom = tokenEnd
                continue
            }
            let word = text[..<digit].reversed().prefix { $0.isASCII && $0.isLetter }
            start = digit
            if word.isEmpty || AssetSymbol.known(String(word.reversed())) != nil { break }
            searchFrom = text[digit...].firstIndex { !($0.isASCII && $0.isNumber) } ?? text.endIndex
        }
        var isNegative = false
        if start > text.startIndex, text[text.index(before: start)] == "-" { isNegative = true }
        var end = start
        var integer = ""
        var fraction: String?
        var groups: [String] = []
        var current = ""
        while end < text.endIndex {
            let char = text[end]
            if char.isASCII, char.isNumber {
                if fraction != nil { fraction?.append(char) } else { current.append(char) }
            } else if char == ",", fraction == nil, let next = text.index(end, offsetBy: 1, limitedBy: text.endIndex),
                next < text.endIndex, text[next].isASCII, text[next].isNumber
            {
                groups.append(current)
                current = ""
            } else if char == ".", fraction == nil, let next = text.index(end, offsetBy: 1, limitedBy: text.endIndex),
                next < text.endIndex, text[next].isASCII, text[next].isNumber
            {
                fraction = ""
            } else {
                break
            }
            end = text.index(after: end)
        }
        groups.append(current)
        let range = start..<end
        // Thousands separators: first group 1–3 digits, every other group exactly 3.
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return DecimalText(range: range, result: .rejected(.amountFormat))
            }
        }
        integer = groups.joined()
        var fractionDigits = fraction ?? ""
        // Multipliers right after the number.
        var upper = end
        let multipliers: [(String, Int)] = [("万", 4), ("千", 3), ("百", 2), ("亿", 8), ("k", 3), ("w", 4)]
        for (word, power) in multipliers where text[end...].hasPrefix(word) {
            let afterWord = text.index(end, offsetBy: word.count)
            // "k"/"w" only as a suffix ("5k"), not the start of a word ("5 kinds").
            if word.first?.isASCII == true, afterWord < text.endIndex, text[afterWord].isLetter, text[afterWord].isASCII
            {
                continue
            }
            let shifted = Self.shift(integer: integer, fraction: fractionDigits, by: power)
            integer = shifted.integer
            fractionDigits = shifted.fraction
            upper = afterWord
            break
        }
        let finalRange = start..<upper
        while fractionDigits.hasSuffix("0") { fractionDigits.removeLast() }
        let trimmedInteger = String(integer.drop(while: { $0 == "0" }))
        if isNegative || (trimmedInteger.isEmpty && fractionDigits.isEmpty) {
            return DecimalText(range: finalRange, result: .rejected(.amountNotPositive))
        }
        if fractionDigits.count > maximumFractionDigits {
            return DecimalText(
                range: finalRange, result: .rejected(.amountTooPrecise), values: ["max": String(maximumFractionDigits)]
            )
        }
        let canonical =
            (trimmedInteger.isEmpty ? "0" : trimmedInteger) + (fractionDigits.isEmpty ? "" : "." + fractionDigits)
        return DecimalText(range: finalRange, result: .value(canonical))
    }

    /// Multiplies a decimal by 10^power by moving the point.
    static func shift(integer: String, fraction: String, by power: Int) -> (integer: String, fraction: String) {
        let moved = String(fraction.prefix(power))
        let padded = moved + String(repeating: "0", count: power - moved.count)
        return (integer + padded, String(fraction.dropFirst(power)))
    }
}

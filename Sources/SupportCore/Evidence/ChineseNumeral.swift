/// Chinese numerals as people write them in chat: 一 … 九, 十, 百, 千, 万, 两, 〇/零, and
/// rewriting them to Arabic digits inside a sentence ("昨晚十点" → "昨晚10点").
enum ChineseNumeral {
    static let digits: [Character: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    static let units: [Character: Int] = ["十": 10, "百": 100, "千": 1000, "万": 10_000]

    static func isNumeral(_ char: Character) -> Bool { digits[char] != nil || units[char] != nil }

    /// The value of a run of numeral characters ("二十三" = 23, "十" = 10, "三千五" = 3500); nil if malformed.
    static func value(of text: some StringProtocol) -> Int? {
        guard !text.isEmpty, text.count <= 12 else { return nil }
        let chars = Array(text)
        // Digit-by-digit years and codes: "二〇二六" = 2026.
        if chars.count > 1, chars.allSatisfy({ digits[$0] != nil }) {
            return chars.reduce(0) { $0 * 10 + (digits[$1] ?? 0) }
        }
        var total = 0
        var section = 0
        var pending: Int?
        var lastUnit = Int.max
        for char in chars {
            if let digit = digits[char] {
                guard pending == nil || pending == 0 || digit == 0 else { return nil }
                pending = digit
            } else if let unit = units[char] {
                if unit == 10_000 {
                    section += pending ?? 0
                    guard section > 0 else { return nil }
                    total += section * unit
                    section = 0
                    lastUnit = Int.max
                } else {
                    guard unit < lastUnit else { return nil }
                    section += (pending ?? (unit == 10 ? 1 : 0)) * unit
                    guard section > 0 else { return nil }
                    lastUnit = unit
                }
                pending = nil
            } else {
                return nil
            }
        }
        // "三千五" = 3500, "两万五" = 25000: a trailing digit after a unit is one order lower.
        if let digit = pending {
            if chars.count >= 2, let unit = units[chars[chars.count - 2]], unit >= 100 {
                section += digit * (unit == 10_000 ? 1000 : unit / 10)
            } else {
                section += digit
            }
        }
        return total + section
    }

    /// `text` with every run of Chinese numerals replaced by its Arabic value; runs that do not parse stay.
    static func replacingNumerals(in text: String) -> String {
        var result = ""
        var run = ""
        func flush() {
            if !run.isEmpty { result += value(of: run).map(String.init) ?? run }
            run = ""
        }
        for char in text {
            if isNumeral(char) {
                run.append(char)
            } else {
                flush()
                result.append(char)
            }
        }
        flush()
        return result
    }
}

/// Chinese numerals as people write them in chat: 一 … 九, 十, 百, 千, 万, 两, 〇/零, and
/// rewriting them to Arabic digits inside a sentence ("昨晚十点" → "昨晚10点").
enum ChineseNumeral {
    static let digits: [Character: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    static let units: [Character: Int] = ["十": 10, "百": 100, "千": 1000, "万": 10_000]

    static func isNumeral(_ char: Character) -> Bool { digits[char] != nil || units[char] != nil }

    /// The value of a run of numeral characters ("二十三" = 23, "十" = 10, "三千五" = 3500); nil if malformed.
    /// Arabic digits may stand for a Chinese digit before or after a unit, as chat mixes them: "1万5千"
    /// = 15000, "1万2" = 12000, "20万" = 200000.
    static func value(of text: some StringProtocol) -> Int? {
        guard !text.isEmpty, text.count <= 16 else { return nil }
        var chars: [Character] = []
        var numbers: [Int?] = []  // the value of each entry of `chars` that is a digit group
        for char in text {
            if let digit = char.wholeNumberValue, char.isASCII {
                if let last = numbers.last, let value = last, chars.last == "#" {
                    guard value < 100_000 else { return nil }
                    numbers[numbers.count - 1] = value * 10 + digit
                } else {
                    chars.append("#")
                    numbers.append(digit)
                }
            } else {
                chars.append(char)
                numbers.append(nil)
            }
        }
        // Digit-by-digit years and codes: "二〇二六" = 2026.
        if chars.count > 1, chars.allSatisfy({ digits[$0] != nil }) {
            return chars.reduce(0) { $0 * 10 + (digits[$1] ?? 0) }
        }
        var total = 0
        var section = 0
        var pending: Int?
        var lastUnit = Int.max
        for (index, char) in chars.enumerated() {
            if let digit = digits[char] ?? numbers[index] {
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
            if chars.count >= 2, let unit = units[chars[chars.count - 2]], unit >= 100, digit < 10 {
                section += digit * (unit == 10_000 ? 1000 : unit / 10)
            } else {
                section += digit
            }
        }
        return total + section
    }

    /// `text` with every run of Chinese numerals replaced by its Arabic value; runs that do not parse stay.
    /// Arabic digits next to a Chinese unit join its run ("1万5千" → "15000"); digits after a decimal
    /// point or a thousands comma do not ("2.5万" stays for the decimal reader).
    static func replacingNumerals(in text: String) -> String {
        var result = ""
        var run = ""
        var runHasChinese = false
        var previous: Character?
        func flush() {
            if !run.isEmpty {
                result += runHasChinese ? (value(of: run).map(String.init) ?? run) : run
            }
            run = ""
            runHasChinese = false
        }
        for char in text {
            let isArabic = char.isASCII && char.isNumber
            if isNumeral(char) {
                run.append(char)
                runHasChinese = true
            } else if isArabic, !(run.isEmpty && (previous == "." || previous == ",")) {
                run.append(char)
            } else {
                flush()
                result.append(char)
            }
            previous = char
        }
        flush()
        return result
    }
}

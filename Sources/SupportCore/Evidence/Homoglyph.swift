import Foundation

/// Maps letters that render like Latin ones (Cyrillic `а`, Greek `ο`, accented `é`…) and digits used as
/// letters (`0` for `o`) to a Latin "skeleton", in the spirit of Unicode TR39 confusables.
enum Homoglyph {
    /// Non-ASCII letters that look like ASCII ones (a subset of TR39's confusables for Cyrillic, Greek, Latin).
    static let confusables: [Character: Character] = [
        "а": "a", "в": "b", "с": "c", "ԁ": "d", "е": "e", "ё": "e", "һ": "h", "і": "i", "ї": "i", "ј": "j",
        "к": "k", "ӏ": "l", "м": "m", "о": "o", "р": "p", "ԛ": "q", "ѕ": "s", "т": "t", "у": "y", "х": "x",
        "ԝ": "w", "ь": "b", "п": "n", "г": "r",
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
        "υ": "u", "χ": "x", "ω": "w",
        "ı": "i", "ɩ": "i", "ɡ": "g", "ɑ": "a", "ʟ": "l", "ｏ": "o", "ℓ": "l",
    ]

    /// Digits that stand in for letters. `1` is ambiguous (l or i), so it has two readings.
    static let digitReadings: [Character: [Character]] = [
        "0": ["o"], "1": ["l", "i"], "3": ["e"], "4": ["a"], "5": ["s"], "6": ["b"], "7": ["t"], "8": ["b"], "9": ["g"],
    ]

    /// `text` with confusable letters replaced and accents removed; ASCII stays as it is.
    static func skeleton(_ text: String) -> String {
        var out = ""
        for char in text {
            if let mapped = confusables[char] {
                out.append(mapped)
            } else if char.isASCII {
                out.append(char)
            } else {
                // é → e, ñ → n: strip combining marks after decomposition.
                let base =
                    String(char).decomposedStringWithCanonicalMapping.unicodeScalars.first
                    .map { Character($0) } ?? char
                out.append(confusables[base] ?? base)
            }
        }
        return out
    }

    /// Every reading of `label` with look-alike digits turned into letters (at most 64 variants).
    static func digitVariants(_ label: String) -> [String] {
        var variants = [""]
        for char in label {
            let readings = digitReadings[char] ?? [char]
            variants = variants.flatMap { prefix in readings.map { prefix + String($0) } }
            if variants.count > 64 { return [] }
        }
        return variants
    }

    /// Levenshtein distance, stopping early once it exceeds `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a)
        let b = Array(b)
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

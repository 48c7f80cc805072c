import Foundation

/// Folds the ways people type the same text: full-width forms, case, Chinese punctuation, runs of
/// spaces. Used before classification and before matching choices and keywords.
public enum TextNormalizer {
    /// NFKC (full-width `ＵＳＤＴ` → `USDT`, `１２` → `12`), lower-cased, CJK punctuation mapped to ASCII,
    /// white space collapsed and trimmed.
    public static func normalize(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        var lastWasSpace = true
        for scalar in folded.unicodeScalars {
            let mapped = punctuationMap[scalar] ?? scalar
            if CharacterSet.whitespacesAndNewlines.contains(mapped) {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.unicodeScalars.append(mapped)
                lastWasSpace = false
            }
        }
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// Chinese punctuation that NFKC leaves alone.
    private static let punctuationMap: [Unicode.Scalar: Unicode.Scalar] = [
        "。": ".", "、": ",", "「": "\"", "」": "\"", "『": "\"", "』": "\"", "《": "\"", "》": "\"",
        "【": "[", "】": "]", "～": "~", "·": " ", "…": ".", "\u{3000}": " ",
        "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"",
    ]

    /// True for a Han (CJK ideograph) scalar.
    public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0xF900...0xFAFF: true
        default: false
        }
    }
}

import Foundation

// MARK: - BIP-39 recovery phrases

extension SecretScanner {
    /// Words after which an unspaced run of Chinese list characters is taken as a phrase without a checksum.
    static let mnemonicKeywords: [[Unicode.Scalar]] = [
        "助记词", "助記詞", "助记码", "助記碼", "种子", "種子", "恢复短语", "恢復短語", "备份短语", "備份短語",
        "mnemonic", "mnemonic phrase", "seed", "seed phrase", "seed words", "recovery phrase", "recovery words",
        "secret phrase", "backup phrase",
    ].map { Array($0.unicodeScalars) }

    /// Phrase lengths BIP-39 allows.
    static let phraseLengths = [12, 15, 18, 21, 24]
    /// Fewest consecutive list words (English, or spaced Chinese) taken as a phrase.
    static let minimumPhraseWords = 12

    func mnemonicSpans(in scalars: [Unicode.Scalar]) -> [SecretSpan] {
        let keywords = Self.mnemonicKeywords.flatMap { word in
            Self.find(word, in: scalars).map { $0..<($0 + word.count) }
        }
        let items = mnemonicItems(in: scalars, keywords: keywords)
        var ranges = englishPhraseRanges(items)
        ranges += chinesePhraseRanges(items, scalars: scalars, keywords: keywords)
        return ranges.map { SecretSpan(range: Self.includingNumbering($0, in: scalars), kind: .mnemonic) }
    }

    /// Extends a phrase back over the number written before its first word (`1. `, `(1)`, `①`, `#1`), so the
    /// placeholder stands alone.
    static func includingNumbering(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int> {
        var start = range.lowerBound
        var sawNumber = false
        var candidate = start
        // Digits and circled numbers (`①`), not Han numerals: those are list characters.
        func isNumber(_ scalar: Unicode.Scalar) -> Bool {
            let category = scalar.properties.generalCategory
            return category == .decimalNumber || category == .otherNumber
        }
        while start > 0 {
            let scalar = scalars[start - 1]
            if isNumber(scalar) {
                sawNumber = true
            } else if !(scalar == " " || scalar == "\t" || ".)(#-:）（".unicodeScalars.contains(scalar)) {
                break
            }
            start -= 1
            if sawNumber, isNumber(scalar) || scalar == "(" || scalar == "（" || scalar == "#" {
                candidate = start
            }
        }
        return candidate..<range.upperBound
    }

    // MARK: Tokens

    /// One token of a message as the phrase detector sees it; white space, punctuation, numbering
    /// (`1.`, `(1)`, `①`) and other symbols are separators and produce no item.
    struct MnemonicItem {
        enum Kind {
            /// A run of letters; `index` when it is a list word, `letters` when it is plain ASCII after NFKD.
            case word(index: UInt16?, letters: [UInt8]?)
            /// One Han character; `index` when it is in a Chinese list.
            case han(index: UInt16?)
            /// Anything that ends a phrase: letters glued to digits, a keyword.
            case breaker
        }
        var range: Range<Int>
        var kind: Kind

        var englishIndex: UInt16? {
            if case .word(let index, _) = kind { return index }
            return nil
        }
        var hanIndex: UInt16? {
            if case .han(let index) = kind { return index }
            return nil
        }
    }

    func mnemonicItems(in scalars: [Unicode.Scalar], keywords: [Range<Int>]) -> [MnemonicItem] {
        var items: [MnemonicItem] = []
        var position = 0
        while position < scalars.count {
            let scalar = scalars[position]
            if TextNormalizer.isHan(scalar) {
                let inKeyword = keywords.contains { $0.contains(position) }
                let kind: MnemonicItem.Kind = inKeyword ? .breaker : .han(index: index.hanIndex(of: scalar))
                items.append(MnemonicItem(range: position..<(position + 1), kind: kind))
                position += 1
            } else if Self.isWordScalar(scalar) {
                let start = position
                var hasLetter = false
                var hasDigit = false
                var letterStart = start
                while position < scalars.count, Self.isWordScalar(scalars[position]) {
                    if scalars[position].properties.numericType != nil, scalars[position].value < 0x80 {
                        if hasLetter { hasDigit = true } else { letterStart = position + 1 }
                    } else {
                        hasLetter = true
                    }
                    position += 1
                }
                // Digits alone are numbering; digits glued before letters ("1abandon") are numbering too.
                guard hasLetter else { continue }
                if hasDigit {
                    items.append(MnemonicItem(range: start..<position, kind: .breaker))
                } else {
                    let letters = Self.normalizedLetters(scalars[letterStart..<position])
                    let wordIndex = letters.flatMap { index.englishIndex(of: $0) }
                    items.append(
                        MnemonicItem(range: letterStart..<position, kind: .word(index: wordIndex, letters: letters)))
                }
            } else {
                position += 1
            }
        }
        return items
    }

    /// ASCII letters and digits, other (non-Han) letters and combining marks.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return isASCIIAlphanumeric(scalar) }
        if TextNormalizer.isHan(scalar) { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
    }

    /// NFKD, lower-cased, combining marks dropped; nil unless the result is plain ASCII letters.
    static func normalizedLetters(_ scalars: ArraySlice<Unicode.Scalar>) -> [UInt8]? {
        if scalars.allSatisfy({ $0.value < 0x80 }) {
            return scalars.map { UInt8(truncatingIfNeeded: KeyContext.folded($0).value) }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let folded = String(view).decomposedStringWithCompatibilityMapping.lowercased()
        var letters: [UInt8] = []
        for scalar in folded.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            guard (0x61...0x7A).contains(scalar.value) else { return nil }
            letters.append(UInt8(scalar.value))
        }
        return letters.isEmpty ? nil : letters
    }

    // MARK: English (and any spaced Latin list)

    /// Runs of ≥ 12 consecutive list words; one word that is a single typo away from a list word may
    /// sit inside or at either end of the run (a mistyped phrase is still a phrase).
    func englishPhraseRanges(_ items: [MnemonicItem]) -> [Range<Int>] {
        // Maximal runs of list words, as item index ranges.
        var runs: [Range<Int>] = []
        var start: Int?
        for (offset, item) in items.enumerated() {
            if item.englishIndex != nil {
                if start == nil { start = offset }
            } else if let first = start {
                runs.append(first..<offset)
                start = nil
            }
        }
        if let first = start { runs.append(first..<items.count) }

        func isTypo(_ offset: Int) -> Bool {
            guard items.indices.contains(offset), case .word(nil, let letters?) = items[offset].kind else {
                return false
            }
            return index.isOneEditFromWord(letters)
        }
        func span(_ first: Int, _ last: Int) -> Range<Int> {
            items[first].range.lowerBound..<items[last].range.upperBound
        }

        var ranges: [Range<Int>] = []
        for (number, run) in runs.enumerated() {
            if run.count >= Self.minimumPhraseWords {
                ranges.append(span(run.lowerBound, run.upperBound - 1))
                continue
            }
            guard run.count >= Self.minimumPhraseWords - 1 - (number + 1 < runs.count ? runs[number + 1].count : 0)
            else { continue }
            // Bridge one typo to the right, possibly joining the next run.
            let gap = run.upperBound
            if isTypo(gap) {
                var last = gap
                var total = run.count + 1
                if number + 1 < runs.count, runs[number + 1].lowerBound == gap + 1 {
                    total += runs[number + 1].count
                    last = runs[number + 1].upperBound - 1
                }
                if total >= Self.minimumPhraseWords {
                    ranges.append(span(run.lowerBound, last))
                    continue
                }
            }
            // A typo as the first word.
            if run.count == Self.minimumPhraseWords - 1, isTypo(run.lowerBound - 1) {
                ranges.append(span(run.lowerBound - 1, run.upperBound - 1))
            }
        }
        return ranges
    }
}

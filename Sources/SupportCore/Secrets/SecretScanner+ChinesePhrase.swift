import Foundation

// MARK: - Chinese recovery phrases (one Han character per word)

extension SecretScanner {
    /// Spaced phrases (≥ 12 single list characters each set apart), and unspaced or gridded blocks that
    /// follow a keyword, or fill their line(s) or stand apart, pass the checksum and are not mostly
    /// common characters.
    func chinesePhraseRanges(
        _ items: [MnemonicItem], scalars: [Unicode.Scalar], keywords: [Range<Int>]
    ) -> [Range<Int>] {
        // Runs of list characters; separators may sit between them, anything else breaks the run.
        var ranges: [Range<Int>] = []
        var run: [MnemonicItem] = []
        func flush() {
            if run.count >= Self.minimumPhraseWords {
                ranges += chineseRanges(inRun: run, scalars: scalars, keywords: keywords)
            }
            run.removeAll(keepingCapacity: true)
        }
        for item in items {
            if item.hanIndex != nil { run.append(item) } else { flush() }
        }
        flush()
        return ranges
    }

    private func chineseRanges(
        inRun run: [MnemonicItem], scalars: [Unicode.Scalar], keywords: [Range<Int>]
    ) -> [Range<Int>] {
        // Segments: characters written next to each other.
        var segments: [ArraySlice<MnemonicItem>] = []
        var segmentStart = 0
        for offset in 1...run.count {
            if offset == run.count || run[offset].range.lowerBound != run[offset - 1].range.upperBound {
                segments.append(run[segmentStart..<offset])
                segmentStart = offset
            }
        }
        var ranges: [Range<Int>] = []
        func span(_ first: Int, _ last: Int) -> Range<Int> {
            segments[first].first!.range.lowerBound..<segments[last].last!.range.upperBound
        }

        var number = 0
        while number < segments.count {
            let length = segments[number].count
            var end = number + 1
            while end < segments.count, segments[end].count == length { end += 1 }
            let group = number..<end
            defer { number = end }
            if length == 1 {
                if group.count >= Self.minimumPhraseWords {
                    ranges.append(span(group.lowerBound, group.upperBound - 1))
                }
                continue
            }
            // A single unspaced segment, or a grid of equal rows (3×4, 4×3, 6×4, …): try every run of rows
            // long enough for a phrase, longest first, so a line of other text above a grid does not hide it.
            var row = group.lowerBound
            while row < group.upperBound {
                var matched: Int?
                let longest = min(group.upperBound - 1, row + (Self.phraseLengths.last! + 2) / length - 1)
                for last in stride(from: longest, through: row, by: -1) {
                    let total = (last - row + 1) * length
                    guard total >= Self.minimumPhraseWords, total <= Self.phraseLengths.last! + 2 else { continue }
                    // Grids are written in rows of 3, 4 or 6 and hold exactly a phrase.
                    guard last == row || ([3, 4, 6].contains(length) && Self.phraseLengths.contains(total)) else {
                        continue
                    }
                    let characters = segments[row...last].flatMap { $0 }.compactMap(\.hanIndex)
                    let range = span(row, last)
                    if isChinesePhrase(characters, range: range, scalars: scalars, keywords: keywords) {
                        ranges.append(range)
                        matched = last
                        break
                    }
                }
                row = (matched ?? row) + 1
            }
        }
        return ranges
    }

    private func isChinesePhrase(
        _ indices: [UInt16], range: Range<Int>, scalars: [Unicode.Scalar], keywords: [Range<Int>]
    ) -> Bool {
        let followsKeyword = keywords.contains { Self.isShortGap($0.upperBound, range.lowerBound, in: scalars) }
        let hasChecksumWindow = Self.phraseLengths.contains { length in
            length <= indices.count && indices.count - length <= 2
                && (0...(indices.count - length)).contains { offset in
                    MnemonicIndex.hasValidChecksum(indices[offset..<(offset + length)])
                }
        }
        // After a keyword: a couple of filler characters ("是") allowed, and a typo (no checksum) as long as
        // the characters do not read like a sentence.
        if followsKeyword, indices.count <= Self.phraseLengths.last! + 2 {
            return hasChecksumWindow || !Self.isMostlyCommon(indices)
        }
        // Anywhere else it must fill its line(s) or stand apart from the words around it ("我存在备忘录里
        // 斤腐烂船赖舞玩闲翼缓幸秋 可能被看到了"): a sentence's characters run on into its neighbours.
        return hasChecksumWindow && !Self.isMostlyCommon(indices)
            && (Self.fillsLines(range, in: scalars) || Self.standsApart(range, in: scalars))
    }

    /// True if no Han character touches `range` on either side.
    static func standsApart(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        let before = range.lowerBound > 0 ? scalars[range.lowerBound - 1] : nil
        let after = range.upperBound < scalars.count ? scalars[range.upperBound] : nil
        return [before, after].allSatisfy { $0.map { !TextNormalizer.isHan($0) } ?? true }
    }

    /// True if at most two letters or characters (and twelve scalars in all) separate `end` from `start`:
    /// "助记词：", "seed phrase is\n".
    static func isShortGap(_ end: Int, _ start: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard end <= start, start - end <= 12 else { return false }
        return scalars[end..<start].count { $0.properties.isAlphabetic } <= 2
    }

    /// True if the lines `range` touches hold at most two letters or characters outside it.
    static func fillsLines(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        let allowed = 2
        var outside = 0
        var position = range.lowerBound
        while position > 0, scalars[position - 1] != "\n", outside <= allowed {
            position -= 1
            if scalars[position].properties.isAlphabetic { outside += 1 }
        }
        position = range.upperBound
        while position < scalars.count, scalars[position] != "\n", outside <= allowed {
            if scalars[position].properties.isAlphabetic { outside += 1 }
            position += 1
        }
        return outside <= allowed
    }

    /// Ordinary sentences are made of frequent characters (the Chinese lists are ordered by frequency); a
    /// random phrase is not. Log-likelihood ratio of a Zipf model (p ∝ 1/rank) against the uniform one:
    /// Σ ln(250 / (index + 1)). Above −n/4 reads as a sentence; a random 12-character phrase scores that
    /// high with p ≈ 0.006 (simulated), the 312 windows of `ordinary_zh.txt` score at least −1.6.
    static func isMostlyCommon(_ indices: some Collection<UInt16>) -> Bool {
        let score = indices.reduce(0.0) { $0 + log(250.0 / (Double($1) + 1)) }
        return score > -Double(indices.count) / 4
    }
}

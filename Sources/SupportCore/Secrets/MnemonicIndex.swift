import Foundation

/// Lookup tables over the BIP-39 wordlists: English words (exact and by their unique 4-letter prefix) and
/// one Han-character map shared by the simplified and traditional lists (they agree on every shared index).
struct MnemonicIndex: Sendable {
    /// The English words in list order (for typo distance checks).
    let englishWords: [[UInt8]]
    private let englishExact: [[UInt8]: UInt16]
    private let englishByPrefix: [[UInt8]: UInt16]
    private let han: [UInt32: UInt16]

    init(_ lists: MnemonicWordlists) {
        func clean(_ words: [String]) -> [String] {
            words.map { $0.trimmedSpacesAndLines }.filter { !$0.isEmpty }
        }
        let english = clean(lists.english).map { Array($0.lowercased().utf8) }
        var exact: [[UInt8]: UInt16] = [:]
        var prefixes: [[UInt8]: UInt16] = [:]
        var ambiguousPrefixes: Set<[UInt8]> = []
        for (index, word) in english.enumerated() {
            exact[word] = UInt16(truncatingIfNeeded: index)
            guard word.count >= 4 else { continue }
            let prefix = Array(word.prefix(4))
            if prefixes.updateValue(UInt16(truncatingIfNeeded: index), forKey: prefix) != nil {
                ambiguousPrefixes.insert(prefix)
            }
        }
        for prefix in ambiguousPrefixes { prefixes[prefix] = nil }
        var hanMap: [UInt32: UInt16] = [:]
        for list in [lists.chineseSimplified, lists.chineseTraditional] {
            for (index, word) in clean(list).enumerated() {
                guard let scalar = word.unicodeScalars.first, word.unicodeScalars.count == 1 else { continue }
                hanMap[scalar.value] = UInt16(truncatingIfNeeded: index)
            }
        }
        englishWords = english
        englishExact = exact
        englishByPrefix = prefixes
        han = hanMap
    }

    /// True when the lists hold something to match (an empty index finds no mnemonics).
    var isEmpty: Bool { englishExact.isEmpty && han.isEmpty }

    /// The index of a lower-case ASCII word: an exact word, or a truncation of at least 4 letters of a word
    /// whose 4-letter prefix is unique ("aban", "abando" → "abandon").
    func englishIndex(of word: [UInt8]) -> UInt16? {
        if let index = englishExact[word] { return index }
        guard word.count >= 4, let index = englishByPrefix[Array(word.prefix(4))] else { return nil }
        let full = englishWords[Int(index)]
        return full.count > word.count && full.starts(with: word) ? index : nil
    }

    /// The list index of one Han character (compatibility ideographs are folded with NFKD first).
    func hanIndex(of scalar: Unicode.Scalar) -> UInt16? {
        if let index = han[scalar.value] { return index }
        switch scalar.value {
        case 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            let folded = String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars
            guard folded.count == 1, let first = folded.first else { return nil }
            return han[first.value]
        default:
            return nil
        }
    }

    /// True if `word` (lower-case ASCII, 4–9 letters: shorter words are too often ordinary) is one edit
    /// (substitution, insertion, deletion or swap of neighbours) away from a list word: a typo inside an
    /// otherwise complete phrase.
    func isOneEditFromWord(_ word: [UInt8]) -> Bool {
        guard (4...9).contains(word.count) else { return false }
        return englishWords.contains { Self.isOneEdit(word, $0) }
    }

    private static func isOneEdit(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a.count == b.count {
            var mismatches: [Int] = []
            for i in a.indices where a[i] != b[i] {
                mismatches.append(i)
                if mismatches.count > 2 { return false }
            }
            if mismatches.count == 1 { return true }
            if mismatches.count == 2 {
                let (i, j) = (mismatches[0], mismatches[1])
                return j == i + 1 && a[i] == b[j] && a[j] == b[i]
            }
            return false
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var i = 0
        var j = 0
        var skipped = false
        while i < short.count, j < long.count {
            if short[i] == long[j] {
                i += 1
                j += 1
            } else if skipped {
                return false
            } else {
                skipped = true
                j += 1
            }
        }
        return true
    }

    /// The BIP-39 checksum: the last `count / 3` bits of the 11-bit indices are the first bits of
    /// SHA-256 of the rest. Only 12, 15, 18, 21 and 24 words can pass.
    static func hasValidChecksum(_ indices: some Collection<UInt16>) -> Bool {
        let count = indices.count
        guard count >= 12, count <= 24, count % 3 == 0 else { return false }
        let checksumBits = count / 3
        let entropyBits = count * 11 - checksumBits
        var bytes = [UInt8](repeating: 0, count: (count * 11 + 7) / 8)
        var bit = 0
        for index in indices {
            for shift in stride(from: 10, through: 0, by: -1) {
                if (index >> UInt16(shift)) & 1 == 1 { bytes[bit / 8] |= 0x80 >> UInt8(bit % 8) }
                bit += 1
            }
        }
        let digest = SHA256.hash(bytes.prefix(entropyBits / 8))
        for offset in 0..<checksumBits {
            let position = entropyBits + offset
            let actual = (bytes[position / 8] >> UInt8(7 - position % 8)) & 1
            let expected = (digest[0] >> UInt8(7 - offset)) & 1
            if actual != expected { return false }
        }
        return true
    }
}

/// Turns normalised text into hashed n-gram features without building substrings.
///
/// Latin text yields word n-grams and character n-grams inside word boundaries (the word padded
/// with one space each side, as scikit-learn's `char_wb`); Han text, which has no spaces, yields
/// character n-grams of each run of Han characters, and each Han character also acts as a word.
struct FeatureExtractor: Sendable {
    var wordOrders: ClosedRange<Int>
    var characterOrders: ClosedRange<Int>
    var hanOrders: ClosedRange<Int>
    /// Also pair each word with the words 2…`pairWindow` positions before it (0: no pairs).
    var pairWindow: Int = 0
    /// Also emit the word unigram of each Latin word's light English stem when it differs from the word.
    var stemsWords: Bool = false

    /// An upper bound on the number of features `forEachFeature` reports for `scalarCount` scalars.
    func capacity(forScalarCount scalarCount: Int) -> Int {
        let perWordPosition = wordOrders.count + max(pairWindow - 1, 0) + (stemsWords ? 1 : 0)
        let perCharacter = characterOrders.count * 3 + hanOrders.count
        return (scalarCount + 2) * (perWordPosition + perCharacter) + 8
    }

    // MARK: - Hashing

    private static let prime: UInt64 = 0x0000_0100_0000_01B3
    private static let wordSeed: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let characterSeed: UInt64 = 0x84222325_CBF29CE4
    private static let hanSeed: UInt64 = 0x2545_F491_4F6C_DD1D
    private static let pairSeed: UInt64 = 0x6A09_E667_F3BC_C908
    private static let boundary: UInt64 = 0x20

    @inline(__always)
    private static func step(_ hash: UInt64, _ scalar: UInt64) -> UInt64 { (hash ^ scalar) &* prime }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The hash of the Latin word `scalars[start..<end]` (a stem hashes like the word spelled so).
    @inline(__always)
    private static func wordHash(_ scalars: UnsafeBufferPointer<UInt32>, from start: Int, to end: Int) -> UInt64 {
        var hash = wordSeed
        for index in start..<end { hash = step(hash, UInt64(scalars[index])) }
        return hash
    }

    /// 0 separator, 1 Latin/digit word scalar, 2 Han.
    @inline(__always)
    static func scalarClass(_ value: UInt32) -> UInt8 {
        if value < 0x80 {
            // a-z, 0-9, _ (input is lower-cased already; A-Z kept for safety)
            if (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) || value == 0x5F
                || (value >= 0x41 && value <= 0x5A)
            {
                return 1
            }
            return 0
        }
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        if TextNormalizer.isHan(scalar) { return 2 }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil ? 1 : 0
    }

    // MARK: - Extraction

    /// Calls `body` with the hash and origin of every feature of `scalars` (normalised text).
    @inline(__always)
    func forEachFeature(in scalars: UnsafeBufferPointer<UInt32>, _ body: (UInt64, FeatureSpan) -> Void) {
        let count = scalars.count
        let maxWordOrder = max(wordOrders.upperBound, pairWindow + 1)
        // Hashes and spans of the last `maxWordOrder` tokens, for word n-grams and pairs.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(maxWordOrder, 1)) { recentHashes in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: max(maxWordOrder, 1)) { recentStarts in
                var recentCount = 0
                var position = 0
                func pushToken(hash: UInt64, start: Int, end: Int) {
                    // shift the window
                    if recentCount == maxWordOrder, maxWordOrder > 0 {
                        for slot in 1..<maxWordOrder {
                            recentHashes[slot - 1] = recentHashes[slot]
                            recentStarts[slot - 1] = recentStarts[slot]
                        }
                        recentCount -= 1
                    }
                    if maxWordOrder > 0 {
                        recentHashes[recentCount] = hash
                        recentStarts[recentCount] = start
                        recentCount += 1
                    }
                    // n-grams ending at this token
                    var combined = Self.wordSeed
                    var order = 0
                    var slot = recentCount - 1
                    while slot >= 0 && order < wordOrders.upperBound {
                        combined = Self.mix(combined ^ recentHashes[slot])
                        order += 1
                        if wordOrders.contains(order) {
                            body(combined, FeatureSpan(view: .words, range: recentStarts[slot]..<end))
                        }
                        slot -= 1
                    }
                    if pairWindow >= 2 {
                        let last = recentCount - 1
                        var distance = 2
                        while distance <= pairWindow && last - distance >= 0 {
                            let pair = Self.mix(Self.pairSeed ^ Self.mix(recentHashes[last - distance]) ^ recentHashes[last])
                            body(pair, FeatureSpan(view: .words, range: recentStarts[last - distance]..<end))
                            distance += 1
                        }
                    }
                }
                while position < count {
                    let kind = Self.scalarClass(scalars[position])
                    if kind == 0 {
                        position += 1
                        continue
                    }
                    var end = position + 1
                    while end < count, Self.scalarClass(scalars[end]) == kind { end += 1 }
                    if kind == 1 {
                        pushToken(hash: Self.wordHash(scalars, from: position, to: end), start: position, end: end)
                        if stemsWords, let stemEnd = Self.stemEnd(scalars, from: position, to: end) {
                            // The stem's unigram is the unigram of the word spelled like the stem.
                            var stem = Self.wordHash(scalars, from: position, to: stemEnd.end)
                            if stemEnd.addsY { stem = Self.step(stem, 0x79) }
                            let span = FeatureSpan(view: .words, range: position..<stemEnd.end)
                            body(Self.mix(Self.wordSeed ^ stem), span)
                        }
                        emitCharacterGrams(scalars, from: position, to: end, body)
                    } else {
                        for index in position..<end {
                            pushToken(hash: Self.step(Self.hanSeed, UInt64(scalars[index])), start: index, end: index + 1)
                        }
                        emitHanGrams(scalars, from: position, to: end, body)
                    }
                    position = end
                }
            }
        }
    }

    /// Where a light English stem of `scalars[start..<end]` ends, and whether a `y` follows it:
    /// plural -s/-es/-ies, -ing, -ed/-ied stripped, then a final -e (so "charge", "charges",
    /// "charged" and "charging" share "charg"); `nil` when the stem is the word itself.
    static func stemEnd(
        _ scalars: UnsafeBufferPointer<UInt32>, from start: Int, to end: Int
    ) -> (end: Int, addsY: Bool)? {
        let length = end - start
        guard length >= 4 else { return nil }
        func at(_ back: Int) -> UInt32 { scalars[end - back] }
        let (s, e, i, n, g, d): (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0x73, 0x65, 0x69, 0x6E, 0x67, 0x64)
        var stem = end
        if at(1) == s {
            if length >= 5 && at(2) == e && at(3) == i { return (end - 3, true) }  // -ies -> y
            if at(2) == s || at(2) == 0x75 || at(2) == i { return nil }  // -ss, -us, -is
            stem = end - 1
            if length >= 5 && at(2) == e {
                let before = at(3)
                let isSibilant = before == s || before == 0x78 || before == 0x7A
                if isSibilant || (before == 0x68 && (at(4) == 0x63 || at(4) == s)) {
                    stem = end - 2  // -ses, -xes, -zes, -ches, -shes
                }
            }
        } else if length >= 6 && at(1) == g && at(2) == n && at(3) == i {
            stem = end - 3  // -ing
        } else if length >= 5 && at(1) == d && at(2) == e {
            if at(3) == i { return (end - 3, true) }  // -ied -> y
            stem = end - 2  // -ed
        }
        if stem - start >= 4 && scalars[stem - 1] == e { stem -= 1 }
        return stem == end ? nil : (stem, false)
    }

    /// `char_wb` n-grams of the word `scalars[start..<end]`, padded with a boundary each side.
    @inline(__always)
    private func emitCharacterGrams(
        _ scalars: UnsafeBufferPointer<UInt32>, from start: Int, to end: Int, _ body: (UInt64, FeatureSpan) -> Void
    ) {
        let paddedLength = end - start + 2
        let lowest = characterOrders.lowerBound
        let highest = characterOrders.upperBound
        for offset in 0..<paddedLength {
            var hash = Self.characterSeed
            var length = 0
            while length < highest, offset + length < paddedLength {
                let padded = offset + length
                let value: UInt64 =
                    (padded == 0 || padded == paddedLength - 1) ? Self.boundary : UInt64(scalars[start + padded - 1])
                hash = Self.step(hash, value)
                length += 1
                if length >= lowest {
                    let first = start + offset - 1
                    let last = start + offset + length - 1
                    body(
                        hash,
                        FeatureSpan(
                            view: .characters, range: max(first, start)..<min(last, end),
                            hasLeadingBoundary: offset == 0, hasTrailingBoundary: offset + length == paddedLength))
                }
            }
            if offset + lowest >= paddedLength { break }
        }
    }

    /// Character n-grams of the Han run `scalars[start..<end]`.
    @inline(__always)
    private func emitHanGrams(
        _ scalars: UnsafeBufferPointer<UInt32>, from start: Int, to end: Int, _ body: (UInt64, FeatureSpan) -> Void
    ) {
        let lowest = hanOrders.lowerBound
        let highest = hanOrders.upperBound
        for offset in start..<end {
            var hash = Self.hanSeed ^ Self.characterSeed
            var length = 0
            while length < highest, offset + length < end {
                hash = Self.step(hash, UInt64(scalars[offset + length]))
                length += 1
                if length >= lowest {
                    body(hash, FeatureSpan(view: .characters, range: offset..<(offset + length)))
                }
            }
        }
    }
}

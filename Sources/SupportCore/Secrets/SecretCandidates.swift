/// One cheap pass over a message deciding which detectors can possibly match, so that an ordinary
/// message costs one scalar walk and no allocation.
struct SecretCandidates {
    /// An ASCII letter/digit run long enough for a key (the shortest, WIF, has 51 characters).
    private(set) var hasLongToken = false
    /// The word `ciphertext` occurs (keystore JSON).
    private(set) var mayHoldKeystore = false
    /// A `[` and at least 63 commas (a JSON array of 64 bytes).
    private(set) var mayHoldByteArray = false
    /// At least 11 consecutive word-like runs of 3–9 letters, or at least 12 Han characters.
    private(set) var mayHoldMnemonic = false

    var any: Bool { hasLongToken || mayHoldKeystore || mayHoldByteArray || mayHoldMnemonic }

    static let minimumKeyLength = 50
    static let minimumWordRun = 11

    init(_ text: String) {
        var alnumRun = 0
        var letterRun = 0
        var letterRunIsASCII = true
        var wordRun = 0
        var hanCount = 0
        var commas = 0
        var hasBracket = false
        var letters: [UInt8] = []  // only kept for a possible `ciphertext`
        let ciphertext = Array("ciphertext".utf8)

        func endWord() {
            if letterRun > 0 {
                if (3...9).contains(letterRun) {
                    wordRun += 1
                    if wordRun >= Self.minimumWordRun { mayHoldMnemonic = true }
                } else {
                    wordRun = 0
                }
                if letterRunIsASCII, letters == ciphertext { mayHoldKeystore = true }
            }
            letterRun = 0
            letterRunIsASCII = true
            letters.removeAll(keepingCapacity: true)
        }

        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    letterRun += 1
                    if letterRun <= 10 { letters.append(byte | 0x20) }
                    alnumRun += 1
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    endWord()
                    alnumRun += 1
                default:
                    endWord()
                    alnumRun = 0
                    if byte == UInt8(ascii: ",") { commas += 1 }
                    if byte == UInt8(ascii: "[") { hasBracket = true }
                }
                if alnumRun >= Self.minimumKeyLength { hasLongToken = true }
            } else {
                alnumRun = 0
                if TextNormalizer.isHan(scalar) {
                    endWord()
                    hanCount += 1
                    wordRun = 0
                } else if scalar.properties.isAlphabetic {
                    letterRun += 1
                    letterRunIsASCII = false
                } else if scalar.properties.generalCategory == .nonspacingMark {
                    continue
                } else {
                    endWord()
                }
            }
        }
        endWord()
        if hanCount >= 12 { mayHoldMnemonic = true }
        if hasBracket, commas >= 63 { mayHoldByteArray = true }
    }
}

import Testing

@testable import SupportCore

@Suite struct FeatureExtractorTests {
    /// The light stem of `word` (lower-case ASCII), or `nil` when the word is its own stem.
    private static func stem(_ word: String) -> String? {
        let scalars = word.unicodeScalars.map(\.value)
        return scalars.withUnsafeBufferPointer { buffer -> String? in
            guard let stem = FeatureExtractor.stemEnd(buffer, from: 0, to: buffer.count) else { return nil }
            return String(word.prefix(stem.end)) + (stem.addsY ? "y" : "")
        }
    }

    @Test(
        "inflections of a word share one stem",
        arguments: [
            ("charges", "charg"), ("charged", "charg"), ("charging", "charg"), ("charge", "charg"),
            ("cards", "card"), ("fees", "fee"), ("boxes", "box"), ("watches", "watch"), ("countries", "country"),
            ("verified", "verify"), ("transferred", "transferr"),
        ])
    func stems(word: String, expected: String) {
        #expect(Self.stem(word) == expected)
    }

    @Test(
        "short words, -ss, -us and -is words, and words without an ending keep no stem",
        arguments: [
            "card", "pin", "address", "status", "this", "bonus", "account", "used", "tiny",
        ])
    func noStem(word: String) {
        #expect(Self.stem(word) == nil)
    }
}

/// A catalog keyword: when its normalised text occurs in a message (as whole words for Latin
/// script, anywhere for Han), its intent's score rises by `boost`.
struct KeywordRule: Sendable {
    var text: String
    var scalars: [UInt32]
    var label: Int
    var boost: Float

    init?(keyword: String, label: Int, boost: Float) {
        let normalized = TextNormalizer.normalize(keyword)
        guard !normalized.isEmpty else { return nil }
        text = normalized
        scalars = normalized.unicodeScalars.map(\.value)
        self.label = label
        self.boost = boost
    }

    /// True when the keyword occurs in `message` with word boundaries around Latin ends.
    func occurs(in message: UnsafeBufferPointer<UInt32>) -> Bool {
        let length = scalars.count
        guard length <= message.count else { return false }
        let first = scalars[0]
        let needsLeadingBoundary = FeatureExtractor.scalarClass(first) == 1
        let needsTrailingBoundary = FeatureExtractor.scalarClass(scalars[length - 1]) == 1
        var start = 0
        while start + length <= message.count {
            if message[start] == first {
                var matches = true
                for offset in 1..<max(length, 1) where message[start + offset] != scalars[offset] {
                    matches = false
                    break
                }
                if matches {
                    let leadingOK =
                        !needsLeadingBoundary || start == 0 || FeatureExtractor.scalarClass(message[start - 1]) != 1
                    let end = start + length
                    let trailingOK =
                        !needsTrailingBoundary || end == message.count
                        || FeatureExtractor.scalarClass(message[end]) != 1
                    if leadingOK && trailingOK { return true }
                }
            }
            start += 1
        }
        return false
    }
}

/// A catalog keyword: when its normalised text occurs in a message (as whole words for Latin
/// script, anywhere for Han), its intent's score rises by `boost`.
struct KeywordRule: Sendable {
    var text: String
    var label: Int
    var boost: Float

    init?(keyword: String, label: Int, boost: Float) {
        let normalized = TextNormalizer.normalize(keyword)
        guard !normalized.isEmpty else { return nil }
        text = normalized
        self.label = label
        self.boost = boost
    }
}

/// One n-gram or keyword and how much it added to the winning label's score.
public struct FeatureContribution: Hashable, Sendable {
    /// The n-gram as it appears in the normalised text (`_` marks a word boundary), or `keyword:…`.
    public var feature: String
    public var weight: Double
    public init(feature: String, weight: Double) {
        self.feature = feature
        self.weight = weight
    }
}

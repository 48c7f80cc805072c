/// The two halves of a message's feature vector; each is L2-normalised on its own.
enum FeatureView: Int, Sendable {
    /// Word uni/bigrams; a Han character counts as a word of its own.
    case words = 0
    /// Character n-grams inside Latin words (padded with a space) and inside runs of Han characters.
    case characters = 1
}

/// Where a feature came from in the normalised text; used only to show features to people.
struct FeatureSpan: Sendable {
    var view: FeatureView
    /// Scalar offsets into the normalised text.
    var range: Range<Int>
    /// The n-gram starts (ends) at a word boundary, shown as `_`.
    var hasLeadingBoundary = false
    var hasTrailingBoundary = false
}

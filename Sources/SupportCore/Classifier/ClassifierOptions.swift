/// Training settings; the defaults are what the bot ships with.
public struct ClassifierOptions: Hashable, Sendable {
    /// Word n-gram orders (a Han character counts as a word).
    public var wordOrders: ClosedRange<Int> = 1...2
    /// Pair each word with each of the words 2…`pairWindow` before it (skip-bigrams; 0 = off).
    public var pairWindow: Int = 3
    /// Character n-gram orders inside Latin words (padded with a boundary each side).
    public var characterOrders: ClosedRange<Int> = 2...5
    /// Character n-gram orders inside runs of Han characters.
    public var hanOrders: ClosedRange<Int> = 1...3
    /// Also count each Latin word's light English stem (plural -s/-es/-ies, -ing, -ed, final -e
    /// stripped) as a word unigram when it differs from the word, so inflections share evidence.
    public var stemsWords: Bool = true
    /// Exponent of the inverse document frequency in the character view (1: plain TF-IDF). Below 1
    /// it damps rare character n-grams (typos, names) against common word pieces; chosen on
    /// development data (`supportbot eval --dev`): 0.5 lifted CLINC150 validation, BANKING77 unchanged.
    public var characterIDFExponent: Double = 0.5
    /// Weight of the character view relative to the word view (each is L2-normalised first).
    public var characterViewWeight: Double = 1
    /// Features seen in fewer training messages are dropped (saves memory on large sets).
    public var minimumDocumentFrequency: Int = 1
    /// SVM cost `C`: higher fits the training data harder.
    public var cost: Double = 1
    /// Weigh messages so every intent counts the same, however many examples it has.
    public var balancesClasses: Bool = true
    /// Upper bound on coordinate-descent passes per intent.
    public var maximumPasses: Int = 40
    /// Seed of the training order; training is deterministic for a given seed.
    public var seed: UInt64 = 0x5EED
    /// Scale applied to the linear scores before the softmax that gives confidences.
    public var confidenceScale: Double = 5
    /// Score added per unit of catalog keyword weight when the keyword occurs in a message.
    public var keywordScale: Double = 0.25

    public init() {}
}

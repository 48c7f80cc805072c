import Foundation

/// Keyword + n-gram intent classifier, trained from labelled examples. Deterministic.
/// (API contract; implementation in progress, issues #3 and #6.)
public struct IntentClassifier: Sendable {
    public let labels: [IntentID]

    /// Trains on `examples`; `keywords` add weighted evidence per label.
    public init(
        examples: [TrainingExample], keywords: [IntentID: [String: Double]] = [:],
        options: ClassifierOptions = ClassifierOptions()
    ) {
        labels = Array(Set(examples.map(\.label))).sorted()
    }

    /// The most likely label for `text` with a confidence in [0, 1], and the runner-up.
    public func classify(_ text: String) -> IntentPrediction {
        IntentPrediction(intent: labels.first ?? .outOfScope, confidence: 0, runnerUp: nil, runnerUpConfidence: 0)
    }

    /// The features of `text` that contributed most to the top label, strongest first.
    public func explain(_ text: String, limit: Int = 8) -> [FeatureContribution] { [] }
}

/// One labelled training message.
public struct TrainingExample: Hashable, Sendable {
    public var text: String
    public var label: IntentID
    public init(text: String, label: IntentID) {
        self.text = text
        self.label = label
    }
}

/// Training settings; the defaults are what the bot ships with.
public struct ClassifierOptions: Hashable, Sendable {
    public init() {}
}

/// The classifier's answer for one message.
public struct IntentPrediction: Hashable, Sendable {
    public var intent: IntentID
    /// In [0, 1].
    public var confidence: Double
    public var runnerUp: IntentID?
    public var runnerUpConfidence: Double
    public var margin: Double { confidence - runnerUpConfidence }

    public init(intent: IntentID, confidence: Double, runnerUp: IntentID?, runnerUpConfidence: Double) {
        self.intent = intent
        self.confidence = confidence
        self.runnerUp = runnerUp
        self.runnerUpConfidence = runnerUpConfidence
    }
}

/// One n-gram or keyword and how much it added to the winning label's score.
public struct FeatureContribution: Hashable, Sendable {
    public var feature: String
    public var weight: Double
    public init(feature: String, weight: Double) {
        self.feature = feature
        self.weight = weight
    }
}

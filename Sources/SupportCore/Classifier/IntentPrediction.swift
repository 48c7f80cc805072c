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

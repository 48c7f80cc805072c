/// One labelled training message.
public struct TrainingExample: Hashable, Sendable {
    public var text: String
    public var label: IntentID
    public init(text: String, label: IntentID) {
        self.text = text
        self.label = label
    }
}

import SupportCore

/// Where each piece of content was read from, so `lint` can point at the exact line.
public struct CatalogSourceMap: Sendable, Hashable {
    /// A piece of content that has a location.
    public enum Item: Hashable, Sendable {
        case configuration(key: String)
        case message(MessageKey)
        case intent(IntentID)
        case example(IntentID, Language, index: Int)
        case keyword(IntentID, Language, String)
        case reply(IntentID)
        case replyInFlow(IntentID)
        case replyAgain(IntentID)
        case flowDone(IntentID)
        case followUp(IntentID)
        case turnsInto(IntentID)
        case fieldPrompt(IntentID, field: String)
        case fieldLabel(IntentID, field: String)
        case fieldUnsure(IntentID, field: String)
        case optionLabel(IntentID, field: String, option: String)
        case optionImplies(IntentID, field: String, option: String)
    }

    private var locations: [Item: SourceLocation] = [:]

    public init() {}

    /// The recorded location of `item`, if any.
    public subscript(item: Item) -> SourceLocation? {
        get { locations[item] }
        set { locations[item] = newValue }
    }

    /// The location of `item`, falling back to `fallback` (e.g. the intent's file).
    public func location(of item: Item, or fallback: SourceLocation?) -> SourceLocation? { locations[item] ?? fallback }

    mutating func merge(_ other: CatalogSourceMap) { locations.merge(other.locations) { _, new in new } }
}

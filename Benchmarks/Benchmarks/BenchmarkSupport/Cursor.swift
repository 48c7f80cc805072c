/// The next item of a list, remembered across samples. A benchmark's closure runs once per
/// sample, so a position kept inside it starts over every time and times the first item only.
/// Samples run one after another, which is what makes the unchecked `Sendable` sound.
public final class Cursor<Element>: @unchecked Sendable {
    private let items: [Element]
    private var position = 0

    public init(_ items: [Element]) {
        precondition(!items.isEmpty, "a cursor needs at least one item")
        self.items = items
    }

    public func next() -> Element {
        let item = items[position]
        position = position + 1 == items.count ? 0 : position + 1
        return item
    }
}

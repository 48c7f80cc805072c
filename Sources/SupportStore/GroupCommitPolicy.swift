/// When the conversation log commits what it has buffered: after `maxDelay` since the first
/// buffered item, or as soon as `maxItems` are waiting, whichever comes first.
public struct GroupCommitPolicy: Hashable, Sendable {
    public var maxDelay: Duration
    public var maxItems: Int

    public init(maxDelay: Duration, maxItems: Int) {
        precondition(maxItems >= 1, "a group commit needs room for at least one item")
        self.maxDelay = maxDelay
        self.maxItems = maxItems
    }

    /// 10 ms or 512 items: a hundred commits a second at most under load, each one fsync at most.
    /// Shorter groups keep each transaction short, and so the wait of a filing behind it
    /// (`Benchmarks/README.md`: p99 at 5,000 msg/s against 20 ms).
    public static let `default` = GroupCommitPolicy(maxDelay: .milliseconds(10), maxItems: 512)

    /// Commits every item at once: for tools that want each line on disk before they go on.
    public static let immediate = GroupCommitPolicy(maxDelay: .zero, maxItems: 1)
}

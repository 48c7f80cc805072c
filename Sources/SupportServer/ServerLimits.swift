/// The limits the server enforces, each with a `serve` flag (see `docs/PROTOCOL.md`).
public struct ServerLimits: Hashable, Sendable {
    /// Longest line in bytes, terminator excluded (`--max-line-bytes`).
    public var maxLineBytes: Int
    /// Connections held at once; one more is sent `rate_limited` and closed (`--max-connections`).
    public var maxConnections: Int
    /// Distinct session ids one connection may use (`--max-sessions`).
    public var maxSessionsPerConnection: Int
    /// Requests per second per connection, bursts up to one second's worth; 0 means unlimited
    /// (`--max-rate`).
    public var maxRequestsPerSecond: Int
    /// A connection with no traffic either way for this long is closed; nil never closes
    /// (`--idle-timeout`).
    public var idleTimeout: Duration?
    /// Malformed lines in a row after which the peer gets a final error and is disconnected
    /// (`--max-bad-lines`).
    public var maxConsecutiveBadLines: Int

    public init(
        maxLineBytes: Int = 16_384, maxConnections: Int = 20_000, maxSessionsPerConnection: Int = 1_000,
        maxRequestsPerSecond: Int = 2_000, idleTimeout: Duration? = .seconds(300), maxConsecutiveBadLines: Int = 10
    ) {
        self.maxLineBytes = maxLineBytes
        self.maxConnections = maxConnections
        self.maxSessionsPerConnection = maxSessionsPerConnection
        self.maxRequestsPerSecond = maxRequestsPerSecond
        self.idleTimeout = idleTimeout
        self.maxConsecutiveBadLines = maxConsecutiveBadLines
    }

    /// The defaults: 16 KiB lines, 20,000 connections, 1,000 sessions and 2,000 requests/s per
    /// connection, 300 s idle timeout, 10 bad lines in a row.
    public static let standard = ServerLimits()
}

import SupportCore

/// A token bucket: `rate` requests per second on average, bursts of up to `rate` at once.
struct RateLimiter: Sendable {
    let rate: Double
    private var tokens: Double
    private var last: ContinuousClock.Instant?

    /// `perSecond` of 0 admits everything.
    init(perSecond: Int) {
        rate = Double(perSecond)
        tokens = Double(perSecond)
    }

    /// Takes a token if one is left at `now`.
    mutating func admit(at now: ContinuousClock.Instant) -> Bool {
        guard rate > 0 else { return true }
        if let last {
            tokens = min(rate, tokens + max(0, last.duration(to: now).seconds) * rate)
        }
        last = now
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}

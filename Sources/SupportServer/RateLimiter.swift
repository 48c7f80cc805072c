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
            let elapsed = last.duration(to: now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            tokens = min(rate, tokens + max(0, seconds) * rate)
        }
        last = now
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}

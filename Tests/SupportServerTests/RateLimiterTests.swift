@testable import SupportServer
import Testing

@Suite("RateLimiter")
struct RateLimiterTests {
    @Test("admits a burst of one second's worth, then refills at the rate")
    func bucket() {
        var limiter = RateLimiter(perSecond: 3)
        let start = ContinuousClock.now
        #expect((0..<5).map { _ in limiter.admit(at: start) } == [true, true, true, false, false])
        #expect(limiter.admit(at: start + .milliseconds(100)) == false)
        #expect(limiter.admit(at: start + .milliseconds(400)) == true)
        #expect(limiter.admit(at: start + .milliseconds(400)) == false)
        // A long pause refills to the burst size, not beyond.
        let later = start + .seconds(60)
        #expect((0..<4).map { _ in limiter.admit(at: later) } == [true, true, true, false])
    }

    @Test("a rate of 0 admits everything")
    func unlimited() {
        var limiter = RateLimiter(perSecond: 0)
        #expect((0..<1000).allSatisfy { _ in limiter.admit(at: .now) })
    }
}

import SupportCore

/// Classification speed measured the way the peer baselines measure it: 2,000 sequential
/// single-message calls after 200 warm-up calls, in a fixed shuffled order; batch throughput is
/// the best of three passes over all messages.
struct SpeedProbe {
    var medianMicroseconds: Double
    var p99Microseconds: Double
    var messagesPerSecond: Double

    static func measure(_ classifier: IntentClassifier, texts: [String], calls: Int = 2000, warmUp: Int = 200)
        -> SpeedProbe
    {
        guard !texts.isEmpty else { return SpeedProbe(medianMicroseconds: 0, p99Microseconds: 0, messagesPerSecond: 0) }
        var order = texts
        var state: UInt64 = 1
        for index in stride(from: order.count - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            order.swapAt(index, Int((state >> 33) % UInt64(index + 1)))
        }
        let clock = ContinuousClock()
        var sink = 0
        for call in 0..<warmUp { sink &+= classifier.classify(order[call % order.count]).intent.rawValue.count }
        var samples: [Double] = []
        samples.reserveCapacity(calls)
        for call in 0..<calls {
            let text = order[call % order.count]
            let start = clock.now
            let prediction = classifier.classify(text)
            samples.append(microseconds(clock.now - start))
            sink &+= prediction.intent.rawValue.count
        }
        samples.sort()
        var best = Double.infinity
        for _ in 0..<3 {
            let start = clock.now
            for text in texts { sink &+= classifier.classify(text).intent.rawValue.count }
            best = min(best, microseconds(clock.now - start) / 1e6)
        }
        precondition(sink != Int.min)  // keeps the calls observable
        return SpeedProbe(
            medianMicroseconds: samples[samples.count / 2], p99Microseconds: samples[Int(0.99 * Double(calls - 1))],
            messagesPerSecond: Double(texts.count) / best)
    }

    private static func microseconds(_ duration: Duration) -> Double {
        duration.seconds * 1e6
    }
}

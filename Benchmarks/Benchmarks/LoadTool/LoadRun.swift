import Foundation
import NIOCore
import NIOPosix

/// One load run: `connections` clients each send `messages` protocol v1 messages, keeping up to
/// `window` in flight, and time every reply.
struct LoadRun {
    var port: Int
    var connections: Int
    var messages: Int
    var window: Int
    var utterances: [String]

    struct Result {
        var seconds: Double
        var latencies: [Double]
        var errors: Int
        var rate: Double { Double(latencies.count) / seconds }
        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return .nan }
            let sorted = latencies.sorted()
            return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
        }
        var summary: String {
            String(
                format: "%8.0f msg/s  p50 %6.3f ms  p99 %6.3f ms  p999 %6.3f ms  (%d replies, %d errors, %.2f s)",
                rate, percentile(0.5) * 1000, percentile(0.99) * 1000, percentile(0.999) * 1000, latencies.count, errors,
                seconds)
        }
    }

    /// The request lines of one connection.
    func lines(for connection: Int) -> [String] {
        (0..<messages).map { index in
            let text = utterances[(connection * 7 + index) % utterances.count]
            let object: [String: String] = [
                "type": "message", "session": "load-\(connection)-\(index % 4)", "text": text, "id": "\(index)",
            ]
            let data = try! JSONSerialization.data(withJSONObject: object)
            return String(decoding: data, as: UTF8.self)
        }
    }

    func run() async throws -> Result {
        let prepared = (0..<connections).map(lines(for:))
        let start = ContinuousClock.now
        let perConnection = try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
            for connection in 0..<connections {
                let lines = prepared[connection]
                let window = self.window
                let port = self.port
                group.addTask { try await Self.drive(port: port, lines: lines, window: window) }
            }
            var all: [([Double], Int)] = []
            for try await result in group { all.append(result) }
            return all
        }
        let elapsed = start.duration(to: .now)
        return Result(
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
            latencies: perConnection.flatMap(\.0), errors: perConnection.map(\.1).reduce(0, +))
    }

    /// One connection: pipelined sends, replies matched in order (the server answers in order).
    static func drive(port: Int, lines: [String], window: Int) async throws -> ([Double], Int) {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineSplitter()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var replies = inbound.makeAsyncIterator()
            var sentAt: [ContinuousClock.Instant] = []
            sentAt.reserveCapacity(lines.count)
            var latencies: [Double] = []
            var errors = 0
            var next = 0
            while latencies.count + errors < lines.count {
                var batch: [ByteBuffer] = []
                while next < lines.count, next - (latencies.count + errors) < window {
                    batch.append(ByteBuffer(string: lines[next] + "\n"))
                    sentAt.append(.now)
                    next += 1
                }
                if !batch.isEmpty { try await outbound.write(contentsOf: batch) }
                guard let reply = try await replies.next() else { break }
                let index = latencies.count + errors
                if reply.contains(#""type":"error""#) {
                    errors += 1
                } else {
                    let duration = sentAt[index].duration(to: .now)
                    latencies.append(
                        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18)
                }
            }
            return (latencies, errors)
        }
    }
}

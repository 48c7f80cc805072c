import Foundation
import NIOCore
import NIOPosix

/// One load against one server: connect every client, start them together, wait for every answer.
struct LoadRun {
    /// The open connections of a run and what each will report.
    struct Clients {
        var channels: [any Channel]
        var results: [EventLoopFuture<ConnectionResult>]
    }

    var port: Int
    var group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    /// Connections opened at once; more would overflow the server's accept backlog.
    var connectBatch = 256

    /// Connects one client per entry of `requests` (its lines, ids `"0"`…), paced by `pacing(i)`.
    func connect(_ requests: [[ByteBuffer]], pacing: (Int) -> Pacing) async throws -> Clients {
        var clients = Clients(channels: [], results: [])
        for batch in stride(from: 0, to: requests.count, by: connectBatch) {
            var pending: [EventLoopFuture<any Channel>] = []
            for index in batch..<min(batch + connectBatch, requests.count) {
                let done = group.next().makePromise(of: ConnectionResult.self)
                let (lines, pace) = (requests[index], pacing(index))
                clients.results.append(done.futureResult)
                pending.append(
                    ClientBootstrap(group: group)
                        .channelOption(.socketOption(.tcp_nodelay), value: 1)
                        .channelInitializer { channel in
                            channel.eventLoop.makeCompletedFuture {
                                let pipeline = channel.pipeline.syncOperations
                                try pipeline.addHandler(ByteToMessageHandler(LineSplitter()))
                                try pipeline.addHandler(LoadClient(requests: lines, pacing: pace, done: done))
                            }
                        }
                        .connect(host: "127.0.0.1", port: port))
            }
            for future in pending { clients.channels.append(try await future.get()) }
        }
        return clients
    }

    /// Starts every client at the same instant and waits until each has all its answers.
    func measure(_ clients: Clients) async throws -> LoadResult {
        // Far enough ahead that every client has its start event before the origin.
        let origin = NIODeadline.now() + .milliseconds(Int64(20 + clients.channels.count / 100))
        for channel in clients.channels { channel.pipeline.fireUserInboundEventTriggered(StartLoad(origin: origin)) }
        var results: [ConnectionResult] = []
        for future in clients.results { results.append(try await future.get()) }
        return LoadResult(origin: origin, connections: results)
    }

    /// Closes every client.
    func close(_ clients: Clients) async {
        for channel in clients.channels { try? await channel.close() }
    }

    /// Connect, measure, close.
    func run(_ requests: [[ByteBuffer]], pacing: (Int) -> Pacing) async throws -> LoadResult {
        let clients = try await connect(requests, pacing: pacing)
        let result = try await measure(clients)
        await close(clients)
        return result
    }
}

/// The merged figures of one run.
struct LoadResult {
    /// Latencies of successful answers, in nanoseconds, sorted.
    var latencies: [Int64]
    /// Latencies of the answers that carry a ticket, in nanoseconds, sorted.
    var ticketLatencies: [Int64]
    var seconds: Double
    var errors: [String: Int] = [:]
    var unmatched = 0
    var unanswered = 0

    init(origin: NIODeadline, connections: [ConnectionResult]) {
        latencies = connections.flatMap(\.latencies).sorted()
        ticketLatencies = connections.flatMap(\.ticketLatencies).sorted()
        let finished = connections.map(\.finished).max() ?? origin
        seconds = Double(max(1, (finished - origin).nanoseconds)) / 1e9
        for connection in connections {
            errors.merge(connection.errors, uniquingKeysWith: +)
            unmatched += connection.unmatched
            unanswered += connection.unanswered
        }
    }

    /// Successful answers per second.
    var rate: Double { Double(latencies.count) / seconds }

    /// The latency below which a fraction `p` of the answers arrived, in milliseconds.
    func percentile(_ p: Double) -> Double { Self.percentile(p, of: latencies) }

    /// The latency below which a fraction `p` of the sorted `latencies` lie, in milliseconds.
    static func percentile(_ p: Double, of latencies: [Int64]) -> Double {
        guard !latencies.isEmpty else { return .nan }
        let rank = Int((Double(latencies.count) * p).rounded(.up)) - 1
        return Double(latencies[min(latencies.count - 1, max(0, rank))]) / 1e6
    }

    var summary: String {
        var text =
            "\(format(rate, 0, width: 7)) msg/s  p50 \(format(percentile(0.5), 3)) ms  "
            + "p99 \(format(percentile(0.99), 3)) ms  p999 \(format(percentile(0.999), 3)) ms  "
            + "(\(latencies.count) answers in \(format(seconds, 2)) s"
        if !errors.isEmpty {
            text +=
                "; errors " + errors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        if !ticketLatencies.isEmpty {
            text +=
                "; \(ticketLatencies.count) with a ticket: p50 \(format(Self.percentile(0.5, of: ticketLatencies), 3)) ms, "
                + "p99 \(format(Self.percentile(0.99, of: ticketLatencies), 3)) ms"
        }
        if unmatched > 0 { text += "; \(unmatched) unmatched" }
        if unanswered > 0 { text += "; \(unanswered) unanswered" }
        return text + ")"
    }
}

/// `value` with `decimals` decimals, right-aligned to `width`.
func format(_ value: Double, _ decimals: Int, width: Int = 0) -> String {
    let text = value.isFinite ? String(format: "%.\(decimals)f", value) : "-"
    return String(repeating: " ", count: max(0, width - text.count)) + text
}

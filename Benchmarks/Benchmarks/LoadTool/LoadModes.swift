import Foundation
import NIOCore

/// The closed-loop and fixed-rate measurements, each against the echo ceiling and supportbot.
struct LoadModes {
    var options: LoadOptions
    var mix: RequestMix
    var echo: ServerProcess
    var bot: ServerProcess

    /// Closed loop, `options.runs` times per server; prints each run and the medians.
    func throughput() async throws {
        let (connections, window) = (options.connections, options.window)
        report(
            "closed loop: \(connections) connections × \(options.messages) messages (echo: \(options.echoMessages)), "
                + "window \(window)")
        try await warmUp()
        var echoRates: [Double] = []
        var botRates: [Double] = []
        for run in 1...options.runs {
            let echoRequests = requests(tag: "run\(run)") { _ in options.echoMessages }
            let ceiling = try await LoadRun(port: echo.port).run(echoRequests) { _ in .window(window) }
            report("run \(run)  echo        \(ceiling.summary)")
            let requests = requests(tag: "run\(run)") { _ in options.messages }
            let (ours, usage) = try await measuringCPU {
                try await LoadRun(port: bot.port).run(requests) { _ in .window(window) }
            }
            report("run \(run)  supportbot  \(ours.summary)  \(usage)")
            report("run \(run)  ratio to echo \(format(ours.rate / ceiling.rate * 100, 1))%")
            echoRates.append(ceiling.rate)
            botRates.append(ours.rate)
        }
        let (echoMedian, botMedian) = (median(echoRates), median(botRates))
        report(
            "median of \(options.runs): echo \(format(echoMedian, 0)) msg/s, supportbot \(format(botMedian, 0)) msg/s, "
                + "ratio \(format(botMedian / echoMedian * 100, 1))%; load average \(ProcessFigures.loadAverage)")
    }

    /// Open loop at `rate` messages/s for `options.duration` seconds, echo then supportbot.
    func fixedRate(_ rate: Int) async throws {
        let (connections, total) = (options.connections, rate * options.duration)
        report("fixed rate: \(rate) msg/s offered over \(connections) connections for \(options.duration) s")
        try await warmUp()
        // Connection `i` sends the load's messages i, i + connections, …
        let requests = requests(tag: "rate") { (total - $0 + connections - 1) / connections }
        for server in [echo, bot] {
            let (result, usage) = try await measuringCPU {
                try await LoadRun(port: server.port).run(requests) { .fixedRate(rate, slot: $0, of: connections) }
            }
            let name = server.name.padding(toLength: 11, withPad: " ", startingAt: 0)
            report("\(name) \(result.summary)  \(usage)")
        }
        report("load average \(ProcessFigures.loadAverage)")
    }

    /// Idle connections: each sends one ping and keeps the connection open; prints the server's memory.
    static func idle(_ count: Int, server: ServerProcess) async throws {
        let before = try ProcessFigures.memory(of: server.pid)
        report("idle: \(count) connections; supportbot before: VmRSS \(before.rss / 1024) MB")
        let run = LoadRun(port: server.port)
        let clients = try await run.connect(Array(repeating: [RequestMix.ping], count: count)) { _ in .window(1) }
        let pongs = try await run.measure(clients)
        try await Task.sleep(for: .seconds(1))
        let held = try ProcessFigures.memory(of: server.pid)
        report("pongs: \(pongs.summary)")
        report(
            "supportbot holding \(count) connections: VmRSS \(held.rss / 1024) MB, VmHWM \(held.peak / 1024) MB "
                + "(\(format(Double(held.rss - before.rss) / Double(count), 1)) kB per connection)")
        await run.close(clients)
    }

    // MARK: - Helpers

    private func requests(tag: String, count: (Int) -> Int) -> [[ByteBuffer]] {
        (0..<options.connections).map { mix.messages(count: count($0), connection: $0, tag: tag) }
    }

    /// A short closed-loop run against each server, so that none is timed cold.
    private func warmUp() async throws {
        let requests = requests(tag: "warm") { _ in 100 }
        for server in [echo, bot] {
            _ = try await LoadRun(port: server.port).run(requests) { _ in .window(options.window) }
        }
    }

    /// Runs `body` and says how many cores the server under test and this tool kept busy meanwhile.
    private func measuringCPU(_ body: () async throws -> LoadResult) async throws -> (LoadResult, String) {
        let (echoBefore, botBefore, toolBefore) = (cpu(echo.pid), cpu(bot.pid), cpu(nil))
        let result = try await body()
        let cores = { (before: Double, pid: Int32?) in format((cpu(pid) - before) / result.seconds, 2) }
        let server = cpu(echo.pid) - echoBefore > cpu(bot.pid) - botBefore ? "echo" : "supportbot"
        let serverCores = server == "echo" ? cores(echoBefore, echo.pid) : cores(botBefore, bot.pid)
        return (result, "[CPU: \(server) \(serverCores), tool \(cores(toolBefore, nil)) cores]")
    }

    private func cpu(_ pid: Int32?) -> Double { ProcessFigures.cpuSeconds(of: pid) }
}

/// The middle value (the mean of the two middle ones for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

import ArgumentParser
import Logging
import ServiceLifecycle
import SupportServer
import SupportStore
import UnixSignals

/// `supportbot serve`: the TCP line protocol (JSON Lines, or plain text for `nc`).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the TCP line protocol.",
        discussion: """
            Protocol v1 is documented in docs/PROTOCOL.md: one JSON object per line, many sessions per \
            connection; a connection whose first line does not start with '{' is a plain-text chat (try nc). \
            Logs 'listening on HOST:PORT' to stderr once bound. SIGTERM or SIGINT stops accepting, answers \
            the lines already received, flushes and closes the database.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("Address to listen on.", valueName: "host"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("TCP port; 0 picks a free one (see the log line).", valueName: "port"))
    var port = 7878

    @Option(help: ArgumentHelp("Longest accepted line in bytes; longer lines get line_too_long.", valueName: "bytes"))
    var maxLineBytes = ServerLimits.standard.maxLineBytes

    @Option(help: ArgumentHelp("Connections held at once; more are refused with rate_limited.", valueName: "n"))
    var maxConnections = ServerLimits.standard.maxConnections

    @Option(help: ArgumentHelp("Distinct sessions per connection; more get too_many_sessions.", valueName: "n"))
    var maxSessions = ServerLimits.standard.maxSessionsPerConnection

    @Option(help: ArgumentHelp("Requests per second per connection (0: unlimited); more get rate_limited.", valueName: "n"))
    var maxRate = ServerLimits.standard.maxRequestsPerSecond

    @Option(help: ArgumentHelp("Seconds without traffic after which a connection is closed (0: never).", valueName: "seconds"))
    var idleTimeout = 300

    @Option(help: ArgumentHelp("Malformed lines in a row after which the connection is closed.", valueName: "n"))
    var maxBadLines = ServerLimits.standard.maxConsecutiveBadLines

    @Option(
        help: ArgumentHelp("Event-loop threads for the sockets (default: half the cores, at least 1).", valueName: "n"))
    var eventLoops = LineServer.defaultEventLoopThreads

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        for (flag, value) in [
            ("--max-line-bytes", maxLineBytes), ("--max-connections", maxConnections), ("--max-sessions", maxSessions),
            ("--max-bad-lines", maxBadLines), ("--event-loops", eventLoops),
        ] where value < 1 {
            throw ValidationError("\(flag) must be at least 1.")
        }
        guard maxRate >= 0 else { throw ValidationError("--max-rate must be 0 (unlimited) or more.") }
        guard idleTimeout >= 0 else { throw ValidationError("--idle-timeout must be 0 (never) or more seconds.") }
    }

    /// The limits the flags describe.
    var limits: ServerLimits {
        ServerLimits(
            maxLineBytes: maxLineBytes, maxConnections: maxConnections, maxSessionsPerConnection: maxSessions,
            maxRequestsPerSecond: maxRate, idleTimeout: idleTimeout == 0 ? nil : .seconds(idleTimeout),
            maxConsecutiveBadLines: maxBadLines)
    }

    func run() async throws {
        let logger = Logger(label: "supportbot.serve") { StreamLogHandler.standardError(label: $0) }
        let desk = try makeDesk(common: common)
        let server = LineServer(
            host: host, port: port, desk: desk, limits: limits, logger: logger, eventLoopThreads: eventLoops)
        let services = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await services.run()
        try await desk.database.close()
    }
}

import Foundation
import NIOCore

/// `LoadTool`: load figures for `supportbot serve` (issue 4), measured against a minimal NIO
/// line-echo server as the ceiling. `LoadTool --help` lists the modes and options.
@main
enum LoadToolMain {
    static func main() async {
        let options: LoadOptions
        do {
            guard let parsed = try LoadOptions.parse(Array(CommandLine.arguments.dropFirst())) else {
                return print(LoadOptions.help)
            }
            options = parsed
        } catch {
            FileHandle.standardError.write(Data("LoadTool: \(error)\nSee LoadTool --help.\n".utf8))
            exit(64)
        }
        do {
            if options.mode == .serveEcho { return try await EchoServer.run() }
            try await run(options)
        } catch {
            FileHandle.standardError.write(Data("LoadTool: \(error)\n".utf8))
            exit(1)
        }
    }

    /// Starts the servers the mode needs on a fresh temporary directory, loads them, stops them.
    static func run(_ options: LoadOptions) async throws {
        let mix = try RequestMix.load(from: options.utterances)
        let connections: Int
        if case .idle(let count) = options.mode { connections = count } else { connections = options.connections }
        try raiseOpenFileLimit(toFit: connections + 100)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("supportbot-load-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        report(
            "load average \(ProcessFigures.loadAverage); \(ProcessInfo.processInfo.activeProcessorCount) cores; "
                + "\(mix.conversations.count) conversations (\(mix.utteranceCount) utterances); work files in \(directory)"
        )
        let bot = try await ServerProcess(
            name: "supportbot", executable: options.supportbot,
            arguments: [
                "serve", "--host", "127.0.0.1", "--port", "0", "--db", directory + "/load.sqlite",
                "--intents", options.intents, "--max-rate", "0", "--max-connections",
                "\(max(20_000, connections + 100))",
            ],
            logPath: directory + "/supportbot.log")
        report("supportbot pid \(bot.pid) on port \(bot.port)")
        var echo: ServerProcess?
        do {
            if case .idle(let count) = options.mode {
                try await LoadModes.idle(count, server: bot)
            } else {
                let server = try await ServerProcess(
                    name: "echo",
                    executable: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
                    arguments: ["--serve-echo"], logPath: directory + "/echo.log")
                echo = server
                let modes = LoadModes(options: options, mix: mix, echo: server, bot: bot)
                if case .fixedRate(let rate) = options.mode {
                    try await modes.fixedRate(rate)
                } else {
                    try await modes.throughput()
                }
            }
        } catch {
            echo?.stop()
            bot.stop()
            throw error
        }
        echo?.stop()
        bot.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Lifts this process's soft open-file limit to its hard limit (children inherit it).
    /// - Throws: `LoadToolError` when even the hard limit is below `needed`.
    static func raiseOpenFileLimit(toFit needed: Int) throws {
        var limit = rlimit()
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        guard getrlimit(resource, &limit) == 0 else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(resource, &limit)
        guard limit.rlim_max >= needed else {
            throw LoadToolError(
                "\(needed) open files needed but the hard limit is \(limit.rlim_max); raise it (ulimit -Hn) or lower the count"
            )
        }
    }
}

/// Prints `line` at once, even when stdout is a pipe (`| tee`), so long runs show progress.
func report(_ line: String) {
    print(line)
    fflush(nil)
}

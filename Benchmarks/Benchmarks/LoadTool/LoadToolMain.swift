import Foundation

/// `LoadTool`: measures `supportbot serve` against a minimal NIO line-echo server (the ceiling).
///
///     swift run -c release LoadTool --supportbot ../.build/release/supportbot --intents ../Intents \
///         [--connections 64] [--messages 500] [--window 16] [--port P] [--utterances FILE]
///
/// With `--supportbot` it starts `supportbot serve --port 0` on a fresh database (conversation log
/// on) and stops it with SIGTERM afterwards; with `--port` it loads a server that is already running.
@main
enum LoadToolMain {
    static let defaultUtterances = [
        "my wallet got drained last night", "我的USDT被盗了", "hello", "你好", "what are your support hours",
        "客服几点上班", "someone called me claiming to be support", "有人冒充客服要我的助记词",
        "I sent USDT to the wrong address", "转错地址了怎么办", "my transfer has not arrived after two hours",
        "转账一直没到账", "is tokenpocket-support.com your official website", "这个网站是官方的吗",
        "how do I revoke an approval", "怎么取消授权", "I forgot my wallet password", "忘记密码了",
        "which wallet should I choose", "will bitcoin go up tomorrow", "what's the status of T-000001",
        "I want to talk to a real person", "我要投诉", "thanks, bye",
    ]

    static func main() async throws {
        var options: [String: String] = [:]
        var arguments = CommandLine.arguments.dropFirst()
        while let flag = arguments.popFirst() {
            guard flag.hasPrefix("--"), let value = arguments.popFirst() else {
                FileHandle.standardError.write(Data("usage: LoadTool --supportbot PATH | --port P [options]\n".utf8))
                exit(64)
            }
            options[String(flag.dropFirst(2))] = value
        }
        let connections = Int(options["connections"] ?? "") ?? 64
        let messages = Int(options["messages"] ?? "") ?? 500
        let window = Int(options["window"] ?? "") ?? 16
        var utterances = defaultUtterances
        if let file = options["utterances"] {
            utterances = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
        }

        print("load: \(connections) connections × \(messages) messages, window \(window), \(utterances.count) utterances")
        let echo = try await startEchoServer()
        let echoRun = LoadRun(
            port: echo.localAddress!.port!, connections: connections, messages: messages, window: window,
            utterances: utterances)
        let ceiling = try await echoRun.run()
        print("echo ceiling: \(ceiling.summary)")
        try await echo.close()

        var server: Process?
        let port: Int
        if let explicit = options["port"].flatMap(Int.init) {
            port = explicit
        } else if let binary = options["supportbot"] {
            let database = FileManager.default.temporaryDirectory.appendingPathComponent("load-\(UUID()).sqlite").path
            let started = try startServer(binary: binary, intents: options["intents"] ?? "Intents", database: database)
            server = started.0
            port = started.1
        } else {
            print("no --supportbot or --port given: echo ceiling only")
            return
        }
        let run = LoadRun(port: port, connections: connections, messages: messages, window: window, utterances: utterances)
        _ = try await LoadRun(port: port, connections: 4, messages: 50, window: 4, utterances: utterances).run()  // warm-up
        let result = try await run.run()
        print("supportbot:   \(result.summary)")
        print(String(format: "ratio to echo ceiling: %.1f%%", result.rate / ceiling.rate * 100))
        if let server {
            server.terminate()
            server.waitUntilExit()
        }
    }

    /// Starts `supportbot serve --port 0` and returns it with the port from its log line.
    static func startServer(binary: String, intents: String, database: String) throws -> (Process, Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--port", "0", "--db", database, "--intents", intents, "--max-rate", "0"]
        let stderr = Pipe()
        process.standardError = stderr
        try process.run()
        var log = ""
        while true {
            let chunk = stderr.fileHandleForReading.availableData
            if chunk.isEmpty { throw LoadToolError("supportbot exited: \(log)") }
            log += String(decoding: chunk, as: UTF8.self)
            if let line = log.split(separator: "\n").first(where: { $0.contains("listening on") }),
                let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) })
            {
                return (process, port)
            }
        }
    }
}

struct LoadToolError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

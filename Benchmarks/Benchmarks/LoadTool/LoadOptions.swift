/// The load tool's command line.
struct LoadOptions {
    enum Mode: Equatable {
        /// Closed loop: throughput against the echo ceiling.
        case throughput
        /// Open loop at this many messages per second.
        case fixedRate(Int)
        /// This many idle connections, then the server's memory.
        case idle(Int)
        /// Internal: be the echo server (the tool starts itself with this).
        case serveEcho
    }

    var mode = Mode.throughput
    var supportbot = "../.build/release/supportbot"
    var intents = "../Intents"
    var utterances = "../Transcripts"
    var connections = 64
    var messages = 1_000
    var echoMessages = 10_000
    var window = 16
    var runs = 3
    var duration = 10

    static let help = """
        USAGE: LoadTool [--rate N | --idle N] [options]

        Loads `supportbot serve` over protocol v1 (JSON Lines). The tool starts the server itself with
        --port 0 on a fresh temporary database (conversation log on, --max-rate 0), reads the port from
        its 'listening on HOST:PORT' log line, and stops it with SIGTERM at the end. In the same run it
        loads a minimal NIO line-echo server (its own process) the same way, as the ceiling.

        Answers are matched to requests by their echoed id; error answers are counted by code and left
        out of msg/s and the latencies. Answers that carry a ticket (hand-offs, which wait for their
        commit) are also reported apart: their count and p50/p99.

        MODES
          (default)          Closed loop: each of --connections clients keeps --window requests in
                             flight until it has sent --messages (--echo-messages to echo). Per
                             run, prints msg/s and p50/p99/p999 latency for echo and supportbot and
                             our ratio to echo; then the medians of the runs.
          --rate N           Open loop: offers N messages/s in total, spread evenly over the
                             connections, for --duration seconds. Latency counts from each message's
                             scheduled send time, so a stalled server is charged for the wait
                             (no coordinated omission). Prints the achieved rate and p50/p99/p999.
          --idle N           Opens N connections to supportbot, each sends one ping and waits for its
                             pong, then prints the server's VmRSS and VmHWM (from /proc/PID/status).

        OPTIONS
          --supportbot PATH  supportbot binary, a release build (default: \(LoadOptions().supportbot))
          --intents DIR      intents directory for the server (default: \(LoadOptions().intents))
          --utterances PATH  the conversations to replay: a transcript directory (each file's 'user:'
                             lines, in order) or a file with one utterance per line, conversations
                             separated by blank lines (default: \(LoadOptions().utterances))
          --connections N    client connections (default: \(LoadOptions().connections))
          --messages N       messages per connection, closed loop (default: \(LoadOptions().messages))
          --echo-messages N  messages per connection against echo, closed loop; more than --messages
                             so the far faster ceiling is timed over seconds too (default: \(LoadOptions().echoMessages))
          --window N         requests in flight per connection, closed loop (default: \(LoadOptions().window))
          --runs N           measured runs per server, closed loop (default: \(LoadOptions().runs))
          --duration S       seconds of offered load, --rate mode (default: \(LoadOptions().duration))
          -h, --help         show this help

        Each connection carries \(RequestMix.sessionsPerConnection) conversations at a time, taking turns; each session replays
        one conversation, then the next one starts in a new session. For --idle N, the open-file
        limit (ulimit -n) must allow N + 100; the tool lifts its soft limit to the hard one itself.
        """

    /// Parses `arguments` (without the program name); `nil` means `--help` was asked for.
    /// - Throws: `LoadToolError` naming the bad flag or value.
    static func parse(_ arguments: [String]) throws -> LoadOptions? {
        var options = LoadOptions()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "-h" || argument == "--help" { return nil }
            if argument == "--serve-echo" {
                options.mode = .serveEcho
                continue
            }
            guard argument.hasPrefix("--") else { throw LoadToolError("unexpected argument '\(argument)'") }
            var flag = argument
            var value: String?
            if let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            guard let value = value ?? remaining.popFirst() else { throw LoadToolError("\(flag) needs a value") }
            func count(minimum: Int = 1) throws -> Int {
                guard let number = Int(value), number >= minimum else {
                    throw LoadToolError("\(flag) expects a whole number of at least \(minimum), got '\(value)'")
                }
                return number
            }
            switch flag {
            case "--rate": try options.setMode(.fixedRate(try count()), flag: flag)
            case "--idle": try options.setMode(.idle(try count()), flag: flag)
            case "--supportbot": options.supportbot = value
            case "--intents": options.intents = value
            case "--utterances": options.utterances = value
            case "--connections": options.connections = try count()
            case "--messages": options.messages = try count()
            case "--echo-messages": options.echoMessages = try count()
            case "--window": options.window = try count()
            case "--runs": options.runs = try count()
            case "--duration": options.duration = try count()
            default: throw LoadToolError("unknown option '\(flag)'")
            }
        }
        return options
    }

    private mutating func setMode(_ mode: Mode, flag: String) throws {
        guard self.mode == .throughput else { throw LoadToolError("\(flag): choose one of --rate and --idle") }
        self.mode = mode
    }
}

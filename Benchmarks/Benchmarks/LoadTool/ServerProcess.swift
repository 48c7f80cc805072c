import Foundation

/// A server the load tool started as a child process: its stderr goes to a log file, its port
/// comes from the `listening on HOST:PORT` line, and `stop()` sends SIGTERM.
final class ServerProcess {
    let name: String
    let process: Process
    let port: Int
    let logPath: String

    var pid: Int32 { process.processIdentifier }

    /// Starts `executable` and waits (up to `timeout`) for its `listening on` log line.
    /// - Throws: `LoadToolError` with the log's end when it exits or stays silent.
    init(name: String, executable: String, arguments: [String], logPath: String, timeout: Duration = .seconds(120))
        async throws
    {
        self.name = name
        self.logPath = logPath
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw LoadToolError("\(name): no executable at '\(executable)'; build it with swift build -c release")
        }
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: logPath)
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while true {
            let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            if let port = Self.listeningPort(in: log) {
                self.port = port
                return
            }
            guard process.isRunning, ContinuousClock.now < deadline else {
                if process.isRunning { process.terminate() }
                throw LoadToolError("\(name) did not report 'listening on' (log \(logPath)):\n\(log.suffix(2_000))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The port of the first `listening on HOST:PORT` line.
    static func listeningPort(in log: String) -> Int? {
        guard let line = log.split(separator: "\n").first(where: { $0.contains("listening on ") }),
            let address = line.components(separatedBy: "listening on ").last,
            let colon = address.lastIndex(of: ":")
        else { return nil }
        return Int(address[address.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }

    /// Sends SIGTERM and waits for the exit; says so when the exit was not clean.
    func stop() {
        process.terminate()
        process.waitUntilExit()
        let isClean =
            process.terminationReason == .exit ? process.terminationStatus == 0 : process.terminationStatus == SIGTERM
        if !isClean {
            report("note: \(name) exited with status \(process.terminationStatus) (log \(logPath))")
        }
    }
}

/// Figures the kernel keeps about a process (Linux `/proc`).
enum ProcessFigures {
    /// `VmRSS` and `VmHWM` (peak RSS) of `pid`, in kB.
    static func memory(of pid: Int32) throws -> (rss: Int, peak: Int) {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        func field(_ name: String) -> Int {
            let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") } ?? ""
            return Int(line.split(whereSeparator: \.isWhitespace).dropFirst().first ?? "") ?? 0
        }
        return (field("VmRSS"), field("VmHWM"))
    }

    /// CPU seconds (user + system) `pid` has used so far; `nil` for this process.
    static func cpuSeconds(of pid: Int32?) -> Double {
        let path = pid.map { "/proc/\($0)/stat" } ?? "/proc/self/stat"
        guard let stat = try? String(contentsOfFile: path, encoding: .utf8),
            let afterName = stat.range(of: ") ", options: .backwards)
        else { return 0 }
        // Fields after the command name start at field 3 (state); utime and stime are fields 14 and 15.
        let fields = stat[afterName.upperBound...].split(separator: " ")
        let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The 1, 5 and 15-minute load averages, from `/proc/loadavg`.
    static var loadAverage: String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3)
            .joined(separator: " ")
    }
}

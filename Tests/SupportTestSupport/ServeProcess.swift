import Foundation

/// A running `supportbot serve` child process (the executable `swift test` built, see
/// `BuiltExecutable`), bound to a free port on 127.0.0.1.
///
/// `start` waits for the `listening on HOST:PORT` log line, polling stderr with a deadline; the
/// process is SIGKILLed when the value is deinitialised, so a failing test never leaves a server behind.
public final class ServeProcess: @unchecked Sendable {
    /// Why a server could not be started.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The port from the `listening on` line.
    public let port: UInt16
    private let process: Process
    private let log: LogBuffer

    private init(process: Process, port: UInt16, log: LogBuffer) {
        self.process = process
        self.port = port
        self.log = log
    }

    deinit { kill() }

    /// The child's process id.
    public var processIdentifier: Int32 { process.processIdentifier }

    /// Everything the server wrote to stderr so far.
    public var stderr: String { log.text }

    /// Starts `supportbot serve --host 127.0.0.1 --port 0 --db database --intents intents extra…`
    /// and waits (up to `timeout` seconds) for its `listening on` line.
    /// - Throws: `StartError` when the server exits or stays silent; the child is killed first.
    public static func start(
        database: String, intents: URL = RepositoryPaths.intents, extraArguments: [String] = [],
        timeout: TimeInterval = 60
    ) throws -> ServeProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltExecutable.path)
        process.arguments =
            ["serve", "--host", "127.0.0.1", "--port", "0", "--db", database, "--intents", intents.path]
            + extraArguments
        process.currentDirectoryURL = RepositoryPaths.root
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let log = LogBuffer()
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                log.close()
            } else {
                log.append(data)
            }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let port = log.listeningPort {
                return ServeProcess(process: process, port: port, log: log)
            }
            if log.isClosed || !process.isRunning || Date() > deadline {
                Foundation.kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                throw StartError(description: "supportbot serve did not report `listening on` (log: \(log.text))")
            }
            log.waitForChange(until: min(deadline, Date().addingTimeInterval(0.5)))
        }
    }

    /// SIGKILLs the server (no flush, no graceful shutdown) and reaps it. Safe to call twice.
    public func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// SIGTERMs the server and waits for it to exit; returns its exit status.
    @discardableResult
    public func terminate() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// The server's stderr as it arrives, guarded by a condition so `start` can wait for the
/// `listening on` line without sleeping.
private final class LogBuffer: @unchecked Sendable {
    private let condition = NSCondition()
    private var data = Data()
    private var closed = false

    func append(_ chunk: Data) {
        condition.withLock {
            data.append(chunk)
            condition.broadcast()
        }
    }

    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    var text: String { condition.withLock { String(decoding: data, as: UTF8.self) } }
    var isClosed: Bool { condition.withLock { closed } }

    /// Blocks until new output arrives or `deadline` passes.
    func waitForChange(until deadline: Date) {
        condition.withLock {
            let count = data.count
            while data.count == count, !closed, condition.wait(until: deadline) {}
        }
    }

    /// The port of the first complete `listening on HOST:PORT` line, if logged yet.
    var listeningPort: UInt16? {
        let text = self.text
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            guard let range = line.range(of: "listening on ") else { continue }
            let address = line[range.upperBound...].prefix { !$0.isWhitespace }
            guard let colon = address.lastIndex(of: ":") else { continue }
            if let port = UInt16(address[address.index(after: colon)...]) { return port }
        }
        return nil
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A blocking TCP client on plain POSIX sockets that sends and receives `\n`-terminated lines.
/// Meant for tests that talk to a `supportbot serve` child process from their own threads.
/// Not thread-safe: use one socket from one thread.
public final class LineSocket {
    /// A socket call failed, or the peer closed the connection.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    private let descriptor: Int32
    private var pending: [UInt8] = []

    /// Connects to `127.0.0.1:port`; reads give up after `receiveTimeout` seconds without data.
    public init(port: UInt16, receiveTimeout: Int = 30) throws {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
        var timeout = timeval(tv_sec: receiveTimeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else {
            let code = errno
            close(descriptor)
            throw Failure(description: "connect to 127.0.0.1:\(port) failed: errno \(code)")
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Sends `line` followed by `\n`.
    public func send(_ line: String) throws {
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                #if canImport(Glibc)
                    Glibc.send(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
                #else
                    Darwin.send(descriptor, buffer.baseAddress, buffer.count, 0)
                #endif
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            offset += written
        }
    }

    /// The next line without its `\n`.
    /// - Throws: `Failure` when the peer closed the connection, reset it, or stayed silent too long.
    public func readLine() throws -> String {
        var searched = 0
        while true {
            if let newline = pending[searched...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            searched = pending.count
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                throw Failure(description: count == 0 ? "connection closed by peer" : "recv failed: errno \(errno)")
            }
            pending.append(contentsOf: chunk[..<count])
        }
    }
}

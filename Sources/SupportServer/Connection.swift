import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import SupportCore
import SupportStore

/// One client connection, served by one task: frame → decode → desk → encode → write.
///
/// Lines of a connection are handled one at a time, in the order they arrive, so every reply
/// (of every session on the connection) is written in the order of its request. The engine and
/// the database are reached through async calls on `SupportDesk`, never on an event loop. While
/// further lines are already waiting (`LineBacklog`), replies are held and then written together,
/// one write and one flush for the run.
struct Connection {
    /// How the peer talks, decided by its first non-blank line.
    enum Mode: Sendable {
        case undecided
        /// JSON Lines (the first line starts with `{`).
        case json
        /// Plain text: one session per connection, a reply block per line (for `nc`).
        case plainText(SessionID)
    }

    let channel: NIOAsyncChannel<LineFrame, ByteBuffer>
    let backlog: LineBacklog
    let desk: SupportDesk
    let limits: ServerLimits
    let logger: Logger

    /// Replies held back for one write are written once they reach this size.
    static let maxHeldBytes = 64 * 1024

    /// Connection-local state; touched only by the connection's task.
    private struct State {
        var mode = Mode.undecided
        var sessions: Set<SessionID> = []
        var limiter: RateLimiter
        var badLines = 0
        var isClosing = false
    }

    /// Serves the connection until the peer leaves, it is closed for abuse or idleness, or the
    /// server shuts down gracefully (the lines already received are still answered). Never throws.
    func run() async {
        let channel = self.channel.channel
        do {
            try await self.channel.executeThenClose { inbound, outbound in
                try await withGracefulShutdownHandler {
                    var state = State(limiter: RateLimiter(perSecond: limits.maxRequestsPerSecond))
                    let decoder = JSONDecoder()
                    var held = ""
                    for try await frame in inbound {
                        backlog.take()
                        held += await respond(to: frame, state: &state, decoder: decoder)
                        if state.isClosing { break }
                        // Hold the reply while the next line is already here, up to a bound.
                        if !held.isEmpty, backlog.isEmpty || held.utf8.count >= Self.maxHeldBytes {
                            try await outbound.write(ByteBuffer(string: held))
                            held = ""
                        }
                    }
                    if !held.isEmpty { try await outbound.write(ByteBuffer(string: held)) }
                } onGracefulShutdown: {
                    // Stop reading; what was already read is still answered, then the loop ends.
                    channel.close(mode: .input, promise: nil)
                }
            }
        } catch {
            logger.debug("connection ended: \(error)")
        }
    }

    /// Sends one error line and closes; used when the server is at its connection limit.
    func refuse(with error: ProtocolError) async {
        let line = WireResponse.error(error).line
        try? await channel.executeThenClose { _, outbound in
            try await outbound.write(ByteBuffer(string: line))
        }
    }

    // MARK: - Lines

    /// The text to write back for one frame (possibly empty).
    private func respond(to frame: LineFrame, state: inout State, decoder: JSONDecoder) async
        -> String
    {
        let text: String
        switch frame {
        case .tooLong: return reject(.lineTooLong(limit: limits.maxLineBytes), state: &state)
        case .invalidUTF8: return reject(.invalidUTF8, state: &state)
        case .line(let line): text = line.trimmedSpaces
        }
        if text.isEmpty { return "" }
        if case .undecided = state.mode {
            state.mode = text.hasPrefix("{") ? .json : .plainText(SessionID("tcp-" + UUID().uuidString.lowercased()))
        }
        switch state.mode {
        case .plainText(let session):
            return await respondPlainText(text, session: session, state: &state)
        case .json, .undecided:
            let request: WireRequest
            do {
                request = try WireRequest.parse(text, using: decoder)
            } catch {
                return reject(error, state: &state)
            }
            state.badLines = 0
            return await serve(request, state: &state).line
        }
    }

    /// Answers a malformed line, and after too many in a row adds a final error and closes.
    private func reject(_ error: ProtocolError, state: inout State) -> String {
        state.badLines += 1
        var output = render(error, state: state)
        if state.badLines >= limits.maxConsecutiveBadLines {
            output += render(.closing(after: state.badLines, last: error), state: state)
            state.isClosing = true
            logger.info("closing connection after \(state.badLines) bad lines")
        }
        return output
    }

    private func render(_ error: ProtocolError, state: State) -> String {
        if case .plainText = state.mode { return "error: \(error.code.rawValue): \(error.message)\n\n" }
        return WireResponse.error(error).line
    }

    /// Serves one valid JSON request.
    private func serve(_ request: WireRequest, state: inout State) async -> WireResponse {
        if case .ping(let id) = request { return .pong(id: id) }
        guard state.limiter.admit(at: .now) else {
            return .error(.rateLimited(perSecond: limits.maxRequestsPerSecond, requestID: request.id))
        }
        switch request {
        case .message(let session, let text, let id):
            if let refusal = admit(session, requestID: id, state: &state) { return .error(refusal) }
            do {
                let exchange = try await desk.handle(text, session: session, channel: "tcp")
                return .reply(exchange.reply, session: session, id: id)
            } catch {
                logger.error("message of session \(session) failed: \(error)")
                return .error(.internal(requestID: id))
            }
        case .reset(let session, let id):
            do {
                try await desk.reset(session)
                state.sessions.remove(session)
                return .reset(session: session, id: id)
            } catch {
                logger.error("reset of session \(session) failed: \(error)")
                return .error(.internal(requestID: id))
            }
        case .ping(let id):
            return .pong(id: id)
        }
    }

    /// Nil when `session` may be used on this connection; else the `too_many_sessions` error.
    private func admit(_ session: SessionID, requestID: String?, state: inout State) -> ProtocolError? {
        if state.sessions.contains(session) { return nil }
        guard state.sessions.count < limits.maxSessionsPerConnection else {
            return .tooManySessions(limit: limits.maxSessionsPerConnection, requestID: requestID)
        }
        state.sessions.insert(session)
        return nil
    }

    // MARK: - Plain text

    /// Plain-text mode: `/reset` starts over, `/quit` closes, anything else is a message; the
    /// answer is the reply text followed by a blank line.
    private func respondPlainText(_ text: String, session: SessionID, state: inout State) async
        -> String
    {
        state.badLines = 0
        switch text.lowercased() {
        case "/quit", "/exit":
            state.isClosing = true
            return ""
        case "/reset":
            do {
                try await desk.reset(session)
                return "(conversation reset)\n\n"
            } catch {
                logger.error("reset of session \(session) failed: \(error)")
                return render(.internal(requestID: nil), state: state)
            }
        default:
            break
        }
        guard state.limiter.admit(at: .now) else {
            return render(.rateLimited(perSecond: limits.maxRequestsPerSecond, requestID: nil), state: state)
        }
        do {
            let exchange = try await desk.handle(text, session: session, channel: "tcp")
            return Self.plainTextBlock(exchange.reply.text)
        } catch {
            logger.error("message of session \(session) failed: \(error)")
            return render(.internal(requestID: nil), state: state)
        }
    }

    /// A reply as a plain-text block: its lines, then one empty line. An empty line inside the
    /// reply is sent as a single space, so the first empty line always ends the block.
    static func plainTextBlock(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? " " : $0 }
        return lines.joined(separator: "\n") + "\n\n"
    }
}

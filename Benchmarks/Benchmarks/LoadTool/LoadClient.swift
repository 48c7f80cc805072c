import NIOCore

/// How one connection paces its requests.
enum Pacing: Sendable {
    /// Closed loop: keep up to this many requests in flight; latency counts from the actual send.
    case window(Int)
    /// Open loop at a fixed rate shared by `of` connections: this connection's request `k` is the
    /// load's request `k * of + slot`, due at `origin + that / rate` seconds. Latency counts from
    /// the due time, so a server that falls behind is charged for the wait it causes (no
    /// coordinated omission).
    case fixedRate(Int, slot: Int, of: Int)
}

/// Sent through a connection's pipeline to start its load at `origin`.
struct StartLoad: Sendable {
    var origin: NIODeadline
}

/// What one connection measured.
struct ConnectionResult: Sendable {
    /// Nanoseconds from send (or due time) to answer, for each answer that was not an error.
    var latencies: [Int64] = []
    /// The same for the answers that carry a ticket (hand-offs, which wait for their commit).
    var ticketLatencies: [Int64] = []
    /// Error answers by `code`.
    var errors: [String: Int] = [:]
    /// Answers whose `id` named no request in flight.
    var unmatched = 0
    /// Requests without an answer when the connection closed.
    var unanswered = 0
    /// When the last answer arrived.
    var finished = NIODeadline.now()
}

/// One load connection: sends its requests as paced and matches each answer to its request by the
/// echoed `id` (the server keeps order per session, not across the sessions of a connection).
/// Runs entirely on its channel's event loop.
final class LoadClient: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let requests: [ByteBuffer]
    private let pacing: Pacing
    private let done: EventLoopPromise<ConnectionResult>
    /// Send (or due) time of each request in flight, by id.
    private var sentAt: [NIODeadline?]
    private var result = ConnectionResult()
    private var next = 0
    private var answered = 0
    private var origin = NIODeadline.now()
    private var wakeUp: Scheduled<Void>?
    private var isDone = false

    /// - Parameter requests: request `i` carries the id `"i"`.
    init(requests: [ByteBuffer], pacing: Pacing, done: EventLoopPromise<ConnectionResult>) {
        self.requests = requests
        self.pacing = pacing
        self.done = done
        self.sentAt = Array(repeating: nil, count: requests.count)
        result.latencies.reserveCapacity(requests.count)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let start = event as? StartLoad else { return context.fireUserInboundEventTriggered(event) }
        origin = start.origin
        wakeUp = context.eventLoop.assumeIsolated().scheduleTask(deadline: origin) {
            self.sendDue(context: context)
            context.flush()
            self.finishIfDone()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let now = NIODeadline.now()
        let answer = AnswerLine(Self.unwrapInboundIn(data))
        if let code = answer.errorCode { result.errors[code, default: 0] += 1 }
        if let id = answer.id, sentAt.indices.contains(id), let sent = sentAt[id] {
            sentAt[id] = nil
            if answer.errorCode == nil {
                let latency = (now - sent).nanoseconds
                result.latencies.append(latency)
                if answer.carriesTicket { result.ticketLatencies.append(latency) }
            }
        } else {
            result.unmatched += 1
        }
        answered += 1
        result.finished = now
        if case .window = pacing { sendDue(context: context) }
        finishIfDone()
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
    }

    func channelInactive(context: ChannelHandlerContext) {
        wakeUp?.cancel()
        result.unanswered = sentAt.lazy.filter { $0 != nil }.count + (requests.count - next)
        finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    // MARK: - Sending

    /// Writes every request that is due now (not flushed).
    private func sendDue(context: ChannelHandlerContext) {
        switch pacing {
        case .window(let window):
            let now = NIODeadline.now()
            while next < requests.count, next - answered < window { send(context: context, sentAt: now) }
        case .fixedRate:
            let now = NIODeadline.now()
            while next < requests.count, due(next) <= now { send(context: context, sentAt: due(next)) }
            guard next < requests.count else { return }
            wakeUp = context.eventLoop.assumeIsolated().scheduleTask(deadline: due(next)) {
                self.sendDue(context: context)
                context.flush()
            }
        }
    }

    private func send(context: ChannelHandlerContext, sentAt time: NIODeadline) {
        sentAt[next] = time
        context.write(Self.wrapOutboundOut(requests[next]), promise: nil)
        next += 1
    }

    /// When this connection's request `k` is due (fixed-rate pacing only).
    private func due(_ k: Int) -> NIODeadline {
        guard case .fixedRate(let rate, let slot, let connections) = pacing else { return origin }
        return origin + .nanoseconds(Int64(k * connections + slot) * 1_000_000_000 / Int64(rate))
    }

    private func finishIfDone() {
        if answered >= requests.count { finish() }
    }

    private func finish() {
        guard !isDone else { return }
        isDone = true
        done.succeed(result)
    }
}

/// What the load tool reads from an answer line: its `id`, for an error its `code`, and whether
/// it carries a ticket.
struct AnswerLine {
    var id: Int?
    var errorCode: String?
    var carriesTicket = false

    init(_ line: ByteBuffer) {
        (id, errorCode, carriesTicket) = line.withUnsafeReadableBytes { bytes in
            let id = Self.stringValue(after: #""id":""#, in: bytes).flatMap(Self.integer)
            guard Self.range(of: #""type":"error""#, in: bytes) != nil else {
                return (id, nil, Self.range(of: #""ticket":{"#, in: bytes) != nil)
            }
            let code = Self.stringValue(after: #""code":""#, in: bytes).map { String(decoding: $0, as: UTF8.self) }
            return (id, code ?? "?", false)
        }
    }

    /// The bytes of the JSON string that starts right after `key` (`"name":"`), up to its closing
    /// quote. Escaped quotes inside earlier values (`\"id\":\"`) cannot match `key`.
    private static func stringValue(after key: StaticString, in bytes: UnsafeRawBufferPointer)
        -> UnsafeRawBufferPointer.SubSequence?
    {
        guard let start = range(of: key, in: bytes)?.upperBound,
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\""))
        else { return nil }
        return bytes[start..<end]
    }

    private static func range(of key: StaticString, in bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        let pattern = UnsafeRawBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        guard bytes.count >= pattern.count else { return nil }
        var index = 0
        while index <= bytes.count - pattern.count {
            if bytes[index] == pattern[0], bytes[index..<index + pattern.count].elementsEqual(pattern) {
                return index..<index + pattern.count
            }
            index += 1
        }
        return nil
    }

    private static func integer(_ digits: UnsafeRawBufferPointer.SubSequence) -> Int? {
        guard !digits.isEmpty, digits.count < 10 else { return nil }
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }
}

import NIOConcurrencyHelpers
import NIOCore

/// How many decoded lines of a connection are on their way to its task and not yet taken, so the
/// task can tell whether another line is already waiting. While one is, the task holds its reply
/// back and writes the replies of the whole run of lines in one write and one flush: a client
/// that pipelines requests costs one socket write per burst instead of one per line.
final class LineBacklog: Sendable {
    private let count = NIOLockedValueBox(0)

    /// A line left the decoder (on the event loop).
    func arrive() { count.withLockedValue { $0 += 1 } }

    /// The connection's task took a line.
    func take() { count.withLockedValue { $0 -= 1 } }

    /// No line is waiting: the task should write what it holds now.
    var isEmpty: Bool { count.withLockedValue { $0 <= 0 } }
}

/// Counts every frame that passes on to the connection's task into its `LineBacklog`.
final class LineBacklogCounter: ChannelInboundHandler, Sendable {
    typealias InboundIn = LineFrame
    typealias InboundOut = LineFrame

    let backlog: LineBacklog

    init(backlog: LineBacklog) { self.backlog = backlog }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        backlog.arrive()
        context.fireChannelRead(data)
    }
}

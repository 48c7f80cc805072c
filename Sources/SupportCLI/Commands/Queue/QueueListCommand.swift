import ArgumentParser
import SupportCore
import SupportStore

/// `supportbot queue list`: the tickets in queue order.
struct QueueListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List tickets, most urgent first, then oldest first.")

    @OptionGroup var common: CommonOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only tickets with this status (open, claimed, resolved, escalated); repeat for several. Default: all but resolved.",
            valueName: "status"))
    var status: [TicketStatus] = []

    @Flag(name: .long, help: "Include resolved tickets (all statuses).")
    var all = false

    @Option(
        name: .long,
        help: ArgumentHelp("Only tickets of this priority (low, normal, high, urgent).", valueName: "priority"))
    var priority: Priority?

    @Option(name: .long, help: ArgumentHelp("Show at most this many tickets.", valueName: "n"))
    var limit: Int?

    @Flag(name: .long, help: "Print a JSON array instead of a table.")
    var json = false

    func validate() throws {
        if all && !status.isEmpty { throw ValidationError("--all and --status cannot be combined.") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    /// The statuses listed.
    var statuses: [TicketStatus]? {
        if all { return nil }
        return status.isEmpty ? [.open, .claimed, .escalated] : status
    }

    func run() async throws {
        try await QueueAccess(common: common).run { queue in
            let tickets = try await queue.list(status: statuses, priority: priority, limit: limit)
            if json {
                print(try OutputJSON.encode(tickets))
            } else if tickets.isEmpty, QueueAccess.isTerminal {
                print("No tickets.")
            } else {
                let terminal = QueueAccess.isTerminal
                print(QueueText.table(tickets, forTerminal: terminal).rendered(aligned: terminal), terminator: "")
            }
        }
    }
}

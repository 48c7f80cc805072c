import ArgumentParser
import SupportStore

/// `supportbot queue show`: one ticket with every field, its events and the redacted transcript.
struct QueueShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a ticket: every field, missing fields, status, events and the redacted conversation.")

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("The ticket id, e.g. T-000123.", valueName: "id"))
    var id: String

    @Flag(name: .long, help: "Print the ticket as JSON.")
    var json = false

    func run() async throws {
        let access = QueueAccess(common: common)
        try await access.run { queue in
            let detail = try await queue.ticket(id)
            if json {
                print(try OutputJSON.encode(detail))
            } else {
                print(QueueText.detail(detail, labels: access.labels(for: detail.ticket.intent)), terminator: "")
            }
        }
    }
}

import ArgumentParser
import Foundation
import SupportCore
import SupportStore

/// `supportbot queue escalate`: hand a ticket to the next tier.
struct QueueEscalateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate",
        abstract: "Escalate an open ticket or one you hold; it becomes unassigned for the next tier to claim.")

    @OptionGroup var common: CommonOptions

    @OptionGroup var ticket: TicketActionOptions

    @Option(name: .long, help: ArgumentHelp("Why it is escalated; recorded in the ticket's events.", valueName: "text"))
    var note: String?

    func run() async throws {
        let note = note
        try await ticket.perform("escalated", common: common) { queue, id, agent in
            try await queue.escalate(id, by: agent, note: note, at: Date())
        }
    }
}

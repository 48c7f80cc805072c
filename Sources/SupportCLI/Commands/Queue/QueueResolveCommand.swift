import ArgumentParser
import Foundation
import SupportCore
import SupportStore

/// `supportbot queue resolve`: close a ticket you hold.
struct QueueResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve a ticket you have claimed, with a note for its history.")

    @OptionGroup var common: CommonOptions

    @OptionGroup var ticket: TicketActionOptions

    @Option(name: .long, help: ArgumentHelp("What was done; recorded in the ticket's events.", valueName: "text"))
    var note: String?

    func run() async throws {
        let note = note
        try await ticket.perform("resolved", common: common) { queue, id, agent in
            try await queue.resolve(id, by: agent, note: note, at: Date())
        }
    }
}

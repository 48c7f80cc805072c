import ArgumentParser
import Foundation
import SupportCore
import SupportStore

/// `supportbot queue claim`: take an open ticket.
struct QueueClaimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim",
        abstract: "Claim an open or escalated ticket; fails, naming the holder, if someone else has it.")

    @OptionGroup var common: CommonOptions

    @OptionGroup var ticket: TicketActionOptions

    func run() async throws {
        try await ticket.perform("claimed", common: common) { queue, id, agent in
            try await queue.claim(id, by: agent, at: Date())
        }
    }
}

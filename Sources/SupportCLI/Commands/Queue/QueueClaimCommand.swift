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

    @Argument(help: ArgumentHelp("The ticket id, e.g. T-000123.", valueName: "id"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("Your name as recorded on the ticket (default: $USER).", valueName: "name"))
    var agent: String?

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    func run() async throws {
        let agent = try QueueAccess.agent(agent)
        try await QueueAccess(common: common).run { queue in
            let reference = try await queue.claim(id, by: agent, at: Date())
            print(json ? try OutputJSON.encode(reference) : "\(reference.id) claimed by \(agent)")
        }
    }
}

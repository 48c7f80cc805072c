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

    @Argument(help: ArgumentHelp("The ticket id, e.g. T-000123.", valueName: "id"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("What was done; recorded in the ticket's events.", valueName: "text"))
    var note: String?

    @Option(
        name: .long, help: ArgumentHelp("Your name, as used to claim the ticket (default: $USER).", valueName: "name"))
    var agent: String?

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    func run() async throws {
        let agent = try QueueAccess.agent(agent)
        try await QueueAccess(common: common).run { queue in
            let reference = try await queue.resolve(id, by: agent, note: note, at: Date())
            print(json ? try OutputJSON.encode(reference) : "\(reference.id) resolved by \(agent)")
        }
    }
}

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

    @Argument(help: ArgumentHelp("The ticket id, e.g. T-000123.", valueName: "id"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("Why it is escalated; recorded in the ticket's events.", valueName: "text"))
    var note: String?

    @Option(name: .long, help: ArgumentHelp("Your name (default: $USER).", valueName: "name"))
    var agent: String?

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    func run() async throws {
        let agent = try QueueAccess.agent(agent)
        try await QueueAccess(common: common).run { queue in
            let reference = try await queue.escalate(id, by: agent, note: note, at: Date())
            print(json ? try OutputJSON.encode(reference) : "\(reference.id) escalated by \(agent)")
        }
    }
}

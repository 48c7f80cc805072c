import ArgumentParser
import Foundation
import SupportCore
import SupportStore

/// What `queue claim`, `resolve` and `escalate` share: the ticket, the agent acting on it, and how to print.
struct TicketActionOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The ticket id, e.g. T-000123.", valueName: "id"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("Your name as recorded on the ticket (default: $USER).", valueName: "name"))
    var agent: String?

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    /// Applies `change` to the ticket as the agent and prints "T-000123 <verb> by <agent>" (or JSON).
    func perform(
        _ verb: String, common: CommonOptions,
        _ change: @escaping @Sendable (TicketQueue, _ id: String, _ agent: String) async throws -> TicketReference
    ) async throws {
        let agent = try QueueAccess.agent(agent)
        let (id, json) = (id, json)
        try await QueueAccess(common: common).run { queue in
            let reference = try await change(queue, id, agent)
            print(json ? try OutputJSON.encode(reference) : "\(reference.id) \(verb) by \(agent)")
        }
    }
}

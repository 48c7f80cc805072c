import ArgumentParser

/// `supportbot queue`: the human agents' side of the queue.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Work the human queue: list, show, claim, resolve, escalate and export tickets.",
        discussion: """
            Every change is recorded in the ticket's events. Claiming is atomic: when two agents claim \
            the same ticket, one gets it and the other is told who holds it.
            """,
        subcommands: [
            QueueListCommand.self, QueueShowCommand.self, QueueClaimCommand.self, QueueResolveCommand.self,
            QueueEscalateCommand.self, QueueExportCommand.self,
        ],
        defaultSubcommand: QueueListCommand.self
    )
}

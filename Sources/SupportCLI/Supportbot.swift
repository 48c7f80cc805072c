import ArgumentParser

/// The `supportbot` command: the help desk's bot, its server, and the agents' tools.
public struct Supportbot: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "supportbot",
        abstract: "First-line support for crypto-wallet help desks, in Chinese and English.",
        discussion: """
            The bot never asks for a recovery phrase or private key; when one is pasted it warns the \
            user and removes it before anything is stored.
            """,
        subcommands: [
            ChatCommand.self, ServeCommand.self, TestCommand.self, ClassifyCommand.self, EvalCommand.self,
            LintCommand.self, QueueCommand.self,
        ]
    )

    public init() {}
}

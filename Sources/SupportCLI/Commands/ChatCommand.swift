import ArgumentParser

/// `supportbot chat`: Talk to the bot in the terminal.
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chat", abstract: "Talk to the bot in the terminal.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        throw ValidationError("'chat' is not available yet.")
    }
}

import ArgumentParser

/// `supportbot queue`: Work the human queue.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queue", abstract: "Work the human queue.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        throw ValidationError("'queue' is not available yet.")
    }
}

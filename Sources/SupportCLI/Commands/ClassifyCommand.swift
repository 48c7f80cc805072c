import ArgumentParser

/// `supportbot classify`: Print the intent of each message.
struct ClassifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "classify", abstract: "Print the intent of each message.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        throw ValidationError("'classify' is not available yet.")
    }
}

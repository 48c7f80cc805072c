import ArgumentParser

/// `supportbot test`: Replay recorded transcripts.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "Replay recorded transcripts.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        throw ValidationError("'test' is not available yet.")
    }
}

import ArgumentParser

/// `supportbot serve`: Serve the TCP line protocol.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the TCP line protocol.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        throw ValidationError("'serve' is not available yet.")
    }
}

import ArgumentParser

/// `supportbot lint`: Check the content in Intents/.
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "Check the content in Intents/.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        throw ValidationError("'lint' is not available yet.")
    }
}

import ArgumentParser

/// `supportbot eval`: Train and score the classifier on a labelled set.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Train and score the classifier on a labelled set.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        throw ValidationError("'eval' is not available yet.")
    }
}

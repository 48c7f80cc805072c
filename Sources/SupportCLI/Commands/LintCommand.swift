import ArgumentParser
import Foundation
import SupportCatalog

/// `supportbot lint`: checks the content in `Intents/` and prints what to fix.
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the content in Intents/.",
        discussion: """
            Reports schema errors, missing intents, messages and languages, duplicate or conflicting \
            examples, replies that ask for a recovery phrase, key or password, and phone numbers, as \
            `file:line: error|warning: message`; then the classifier's cross-validated accuracy per \
            intent and language. Exits with status 1 when there is any error.
            """
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("Directory to check (default: --intents, or Intents).", valueName: "dir"))
    var directory: String?

    @Flag(help: "Print the report as one JSON object.")
    var json = false

    @Option(help: "Cross-validation folds (0 skips cross-validation).")
    var folds = 5

    @Option(help: "Examples each intent needs per language.")
    var minimumExamples = 20

    @Flag(
        help: ArgumentHelp(
            "Cross-validate on the examples alone, without the keywords.",
            discussion: "The stricter figure: a keyword may have been written from the very example held out."))
    var withoutKeywords = false

    func validate() throws {
        guard folds == 0 || folds >= 2 else { throw ValidationError("--folds must be 0 (skip) or at least 2.") }
        guard minimumExamples >= 0 else { throw ValidationError("--minimum-examples cannot be negative.") }
    }

    func run() async throws {
        let target = directory.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? common.intentsDirectory
        let linter = CatalogLinter(
            minimumExamples: minimumExamples, folds: folds, crossValidatesKeywords: !withoutKeywords)
        let report = linter.lint(directory: target)
        print(json ? report.renderedJSON() : report.renderedText())
        if report.hasErrors { throw ExitCode(1) }
    }
}

import ArgumentParser
import Foundation
import TranscriptTesting

/// `supportbot test`: replays recorded transcripts against the current bot.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Replay recorded transcripts and report what changed.",
        discussion: """
            Each file runs through the same engine as chat and serve, with the file's fixed clock and a \
            fresh in-memory store. A mismatch prints a unified diff with file and line; the run ends with \
            'N passed, M failed' and exits 0 only when every file passes. Format: docs/TRANSCRIPTS.md.
            """
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("Transcript files or directories (default: Transcripts).", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Also write a JUnit XML report to this file.", valueName: "file"))
    var junit: String?

    @Flag(help: "Rewrite the bot: blocks from the current bot, keeping assertions and comments, so a content change is reviewed as a diff.")
    var update = false

    @Option(help: ArgumentHelp("Only run files whose path contains this text.", valueName: "text"))
    var filter: String?

    func run() async throws {
        let files = try TranscriptSuite.files(in: paths.isEmpty ? ["Transcripts"] : paths, filter: filter)
        guard !files.isEmpty else { throw ValidationError("no transcript files (*.\(TranscriptSuite.fileExtension)) found") }
        let suite = TranscriptSuite(replayer: TranscriptReplayer(engine: try makeEngine(common: common)))
        var entries: [SuiteEntry] = []
        for file in files {
            let entry = await suite.run(file: file, update: update)
            entries.append(entry)
            for failure in entry.failures { print("FAIL \(failure)\n") }
        }
        if let junit {
            try JUnitReport.xml(entries).write(toFile: junit, atomically: true, encoding: .utf8)
        }
        let failed = entries.filter { !$0.passed }.count
        print("\(entries.count - failed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode.failure }
    }
}

import ArgumentParser
import Foundation
import SupportCore
import SupportStore
import TranscriptTesting

/// `supportbot chat`: the REPL on stdin/stdout.
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk to the bot in the terminal.",
        discussion: """
            On a terminal: a prompt, colours (off with NO_COLOR), /help, /reset, /quit, Ctrl-D to leave.
            Piped: one reply block per input line, no decoration; exits 0 at end of input.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("Conversation to continue (its state is stored, so a half-finished report resumes).", valueName: "id"))
    var session: String?

    @Flag(help: "Print each reply as a protocol v1 JSON line.")
    var json = false

    @Option(
        help: ArgumentHelp(
            "Record the conversation as a transcript (secrets already removed), ready to replay with 'supportbot test'. The clock is frozen at the start so the replay is exact.",
            valueName: "file"))
    var record: String?

    func run() async throws {
        let startedAt = Date()
        let isRecording = record != nil
        let clock: @Sendable () -> Date = { isRecording ? startedAt : Date() }
        let desk = try makeDesk(common: common, clock: clock)
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let environment = ProcessInfo.processInfo.environment
        let style = ChatLoop.Style(
            isInteractive: interactive && !json,
            usesColor: interactive && !json && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb",
            printsJSON: json)
        let id = SessionID(session ?? "cli-\(UUID().uuidString.prefix(8).lowercased())")
        let loop = ChatLoop(desk: desk, session: id, style: style)
        var recorded: [Exchange] = []
        try await loop.run(
            readLine: { Swift.readLine(strippingNewline: true) },
            write: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            record: { exchange in
                guard let path = self.record else { return }
                recorded.append(exchange)
                // Rewritten after every exchange, so an interrupted session still leaves its transcript.
                let transcript = TranscriptWriter.record(
                    title: "Recorded conversation", now: startedAt, session: session.map { SessionID($0) }, exchanges: recorded)
                try? transcript.write(toFile: path, atomically: true, encoding: .utf8)
            })
        try await desk.flush()
    }
}

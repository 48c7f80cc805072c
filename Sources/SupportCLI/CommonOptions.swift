import ArgumentParser
import Foundation

/// Options every command that loads content or opens the database shares.
public struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Directory holding the intents, replies and desk settings.", valueName: "dir"))
    public var intents: String = "Intents"

    @Option(
        name: .long,
        help: ArgumentHelp("SQLite file for the queue, sessions and conversation log (default: $SUPPORTBOT_DB or supportbot.sqlite).", valueName: "path"))
    public var db: String?

    public init() {}

    /// The database path after the environment default is applied.
    public var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["SUPPORTBOT_DB"] ?? "supportbot.sqlite"
    }

    public var intentsDirectory: URL { URL(fileURLWithPath: intents, isDirectory: true) }
}

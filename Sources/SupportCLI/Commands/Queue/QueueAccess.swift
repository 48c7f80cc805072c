import ArgumentParser
import Foundation
import SupportCatalog
import SupportCore
import SupportStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What every `queue` subcommand shares: opening the database named by `--db`, turning a
/// `StoreError` into a message and exit code 1, and knowing whether a person is reading.
struct QueueAccess {
    let common: CommonOptions

    /// Runs `body` with the queue of the existing database; a `StoreError` is printed and exits 1.
    func run(_ body: (TicketQueue) async throws -> Void) async throws {
        do {
            let path = common.databasePath
            guard FileManager.default.fileExists(atPath: path) else {
                throw StoreError(
                    .cannotOpen,
                    "No database at \(path); pass --db PATH (or set $SUPPORTBOT_DB) to the file the bot writes.")
            }
            let database = try SupportDatabase.open(at: path)
            try await body(database.tickets)
        } catch let error as StoreError {
            Self.printError(error.message)
            throw ExitCode.failure
        }
    }

    /// True when standard output is a terminal (aligned tables); false when piped.
    static var isTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    /// `--agent`, else `$USER`.
    static func agent(_ option: String?) throws -> String {
        if let option, !option.trimmingCharacters(in: .whitespaces).isEmpty { return option }
        if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { return user }
        throw ValidationError("No agent name: pass --agent NAME (or set $USER).")
    }

    /// Field labels of `intent` from `--intents`, in English; empty when the catalog cannot be read
    /// (the field names are shown instead).
    func labels(for intent: IntentID) -> [String: String] {
        guard let catalog = try? CatalogLoader.load(from: common.intentsDirectory),
            let fields = catalog.intent(intent)?.flow?.fields
        else { return [:] }
        return Dictionary(fields.map { ($0.name, $0.label(.en)) }) { first, _ in first }
    }
}

extension TicketStatus: ExpressibleByArgument {}
extension Priority: ExpressibleByArgument {}

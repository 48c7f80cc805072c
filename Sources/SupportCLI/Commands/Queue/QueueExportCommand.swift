import ArgumentParser
import SupportCore
import SupportStore

/// `supportbot queue export`: every ticket as CSV or JSON, for reports and other tools.
struct QueueExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export tickets as CSV (RFC 4180) or JSON (with events and transcripts) to standard output.")

    /// The export formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("Output format: csv or json.", valueName: "format"))
    var format: Format = .csv

    @Option(
        name: .long,
        help: ArgumentHelp("Only tickets with this status; repeat for several. Default: all.", valueName: "status"))
    var status: [TicketStatus] = []

    func run() async throws {
        try await QueueAccess(common: common).run { queue in
            let details = try await queue.export(status: status.isEmpty ? nil : status)
            switch format {
            case .csv: print(try QueueText.csv(details), terminator: "")
            case .json: print(try OutputJSON.encode(details))
            }
        }
    }
}

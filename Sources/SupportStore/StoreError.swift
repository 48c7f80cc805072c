import Foundation
import GRDB
import SupportCore

/// A failure of the queue or the database, with a message that says what to do next. The CLI
/// prints `message` and exits 1; the server maps it to `internal` and logs `description`.
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, as a stable code for scripts and tests.
    public enum Code: String, Sendable {
        case invalidTicketID = "invalid_ticket_id"
        case ticketNotFound = "ticket_not_found"
        case alreadyClaimed = "already_claimed"
        case notClaimed = "not_claimed"
        case notClaimedByYou = "not_claimed_by_you"
        case invalidTransition = "invalid_transition"
        case invalidAgent = "invalid_agent"
        case databaseLocked = "database_locked"
        case databaseCorrupt = "database_corrupt"
        case cannotOpen = "cannot_open"
        case storageFailed = "storage_failed"
        case incompleteTurn = "incomplete_turn"
    }

    public var code: Code
    /// Shown to the person at the terminal: what happened and what to do.
    public var message: String
    /// The ticket concerned, if any (`T-000123`).
    public var ticketID: String?
    /// The agent holding the ticket, for `alreadyClaimed` and `notClaimedByYou`.
    public var holder: String?

    public init(_ code: Code, _ message: String, ticketID: String? = nil, holder: String? = nil) {
        self.code = code
        self.message = message
        self.ticketID = ticketID
        self.holder = holder
    }

    public var description: String { "\(code.rawValue): \(message)" }

    // MARK: - Queue errors

    static func invalidTicketID(_ text: String) -> StoreError {
        StoreError(.invalidTicketID, "'\(text)' is not a ticket id; ticket ids look like T-000123.")
    }

    static func ticketNotFound(_ id: String) -> StoreError {
        StoreError(
            .ticketNotFound, "No ticket \(id) in this database; `supportbot queue list` shows the tickets.",
            ticketID: id)
    }

    static func alreadyClaimed(_ id: String, by holder: String) -> StoreError {
        StoreError(
            .alreadyClaimed, "\(id) is already claimed by \(holder); pick another ticket from `supportbot queue list`.",
            ticketID: id, holder: holder)
    }

    static func notClaimed(_ id: String, status: TicketStatus, action: String) -> StoreError {
        StoreError(
            .notClaimed,
            "\(id) is \(status.rawValue), not claimed: claim it first (`supportbot queue claim \(id)`), then \(action) it.",
            ticketID: id)
    }

    static func notClaimedByYou(_ id: String, holder: String, agent: String, action: String) -> StoreError {
        StoreError(
            .notClaimedByYou, "\(id) is claimed by \(holder), not by \(agent); only \(holder) can \(action) it.",
            ticketID: id, holder: holder)
    }

    static func invalidTransition(_ id: String, from status: TicketStatus, action: String) -> StoreError {
        StoreError(
            .invalidTransition,
            "\(id) is \(status.rawValue) and cannot be \(action); `supportbot queue show \(id)` shows its history.",
            ticketID: id)
    }

    static let invalidAgent = StoreError(
        .invalidAgent, "The agent name is empty; pass --agent NAME (or set $USER).")

    // MARK: - Database errors

    /// Translates a SQLite error on the database at `path` into an actionable message.
    init(_ error: DatabaseError, path: String) {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self.init(
                .databaseLocked,
                "The database \(path) is locked by another process (waited 5 s); retry, or stop the process holding it."
            )
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            self.init(
                .databaseCorrupt,
                "The database \(path) is damaged or not a supportbot database (\(error.message ?? "corrupt")); restore it from a backup or pass another --db."
            )
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
            self.init(
                .cannotOpen,
                "Cannot open or write the database \(path) (\(error.message ?? "\(error.resultCode)")); check that its directory exists and is writable, or pass another --db."
            )
        default:
            self.init(
                .storageFailed,
                "The database \(path) reported an error: \(error.message ?? "\(error.resultCode)") (SQLite code \(error.resultCode.rawValue))."
            )
        }
    }

    /// `error` as a `StoreError`: itself, a translated `DatabaseError`, or a generic storage failure.
    static func wrapping(_ error: any Error, path: String) -> any Error {
        switch error {
        case let error as StoreError: error
        case let error as DatabaseError: StoreError(error, path: path)
        case is CancellationError: error
        default: StoreError(.storageFailed, "The database \(path) could not be used: \(error)")
        }
    }
}

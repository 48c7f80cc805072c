import Foundation

/// How the agents' tools print a moment: ISO 8601 in UTC, to the second.
enum Timestamp {
    /// `2026-11-23T09:46:42Z`.
    static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(secondsFromGMT: 0)!))
    }

    /// `2026-11-23 09:46`, for table columns.
    static func short(_ date: Date) -> String {
        let iso = iso(date)
        return String(iso.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}

import Foundation
import SupportCore
import SupportStore

/// What the `queue` commands print: the list table, a ticket's full detail and the CSV export.
enum QueueText {
    // MARK: - list

    /// The queue as a table, in the order given.
    static func table(_ tickets: [Ticket], forTerminal: Bool) -> TextTable {
        TextTable(
            header: ["ID", "PRIORITY", "STATUS", "ASSIGNEE", "INTENT", "LANG", "CREATED", "SUMMARY"],
            rows: tickets.map { ticket in
                [
                    ticket.id, ticket.priority.rawValue, ticket.status.rawValue, ticket.assignee ?? "-",
                    ticket.intent.rawValue, ticket.language.rawValue, Timestamp.short(ticket.createdAt),
                    forTerminal
                        ? TextTable.truncated(TextTable.singleLine(ticket.summary), toWidth: 60) : ticket.summary,
                ]
            })
    }

    // MARK: - show

    /// Every part of a ticket as `label: value` lines, then its missing fields, events and transcript.
    /// - Parameter labels: field name → label for the ticket's intent (the name is shown when absent).
    static func detail(_ detail: TicketDetail, labels: [String: String] = [:]) -> String {
        let ticket = detail.ticket
        var lines: [String] = []
        lines.append("Ticket \(ticket.id)")
        let facts: [(String, String)] = [
            ("Status", ticket.status.rawValue),
            ("Priority", ticket.priority.rawValue),
            ("Assignee", ticket.assignee ?? "-"),
            ("Intent", ticket.intent.rawValue),
            ("Language", ticket.language.rawValue),
            ("Channel", ticket.channel),
            ("Session", ticket.session.rawValue),
            ("Created", Timestamp.iso(ticket.createdAt)),
            ("Updated", Timestamp.iso(ticket.updatedAt)),
            (
                "Secret exposed",
                ticket.secretExposed ? "yes (removed before storage; the wallet must be abandoned)" : "no"
            ),
        ]
        lines += aligned(facts, indent: "  ")
        lines.append("")
        lines.append("Summary")
        lines += ticket.summary.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        lines.append("")
        lines.append("Fields")
        if ticket.fields.isEmpty {
            lines.append("  (none)")
        } else {
            lines += aligned(
                ticket.fields.map { field in
                    (label(field.name, labels), field.value + (field.isApproximate ? " (approximate)" : ""))
                }, indent: "  ")
        }
        lines.append("")
        lines.append("Missing fields")
        if ticket.missingFields.isEmpty {
            lines.append("  (none)")
        } else {
            lines += ticket.missingFields.map { "  " + label($0, labels) }
        }
        lines.append("")
        lines.append("Events")
        lines += detail.events.map { event in
            "  \(Timestamp.iso(event.at))  \(event.kind.rawValue) by \(event.actor)"
                + (event.note.map { ": \($0)" } ?? "")
        }
        lines.append("")
        lines.append("Transcript (redacted)")
        if detail.transcript.isEmpty { lines.append("  (no messages logged)") }
        for message in detail.transcript {
            let text = message.text.replacingOccurrences(of: "\n", with: "\n        ")
            lines.append("  \(message.role == .user ? "user" : "bot "): \(text)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Label (name)` when the catalog has a label, else the name.
    private static func label(_ name: String, _ labels: [String: String]) -> String {
        guard let label = labels[name], !label.isEmpty, label != name else { return name }
        return "\(label) (\(name))"
    }

    private static func aligned(_ pairs: [(String, String)], indent: String) -> [String] {
        let width = pairs.map { TextTable.displayWidth($0.0) }.max() ?? 0
        return pairs.map { label, value in
            indent + label + ":" + String(repeating: " ", count: width - TextTable.displayWidth(label) + 1)
                + value.replacingOccurrences(of: "\n", with: "\n" + indent + String(repeating: " ", count: width + 2))
        }
    }

    // MARK: - export

    /// The columns of `export --format csv`.
    static let csvHeader = [
        "id", "status", "priority", "intent", "lang", "channel", "session", "assignee", "created_at", "updated_at",
        "secret_exposed", "summary", "missing_fields", "approximate_fields", "fields",
    ]

    /// The tickets as RFC 4180 CSV; `fields` is a JSON object in flow order, lists are `;`-separated.
    static func csv(_ details: [TicketDetail]) throws -> String {
        let rows = try details.map { detail -> [String] in
            let ticket = detail.ticket
            return [
                ticket.id, ticket.status.rawValue, ticket.priority.rawValue, ticket.intent.rawValue,
                ticket.language.rawValue, ticket.channel, ticket.session.rawValue, ticket.assignee ?? "",
                Timestamp.iso(ticket.createdAt), Timestamp.iso(ticket.updatedAt),
                ticket.secretExposed ? "true" : "false",
                ticket.summary, ticket.missingFields.joined(separator: ";"),
                ticket.fields.filter(\.isApproximate).map(\.name).joined(separator: ";"),
                try fieldsObject(ticket.fields),
            ]
        }
        return CSVWriter.document(header: csvHeader, rows: rows)
    }

    /// `{"name":"value",…}` in flow order.
    private static func fieldsObject(_ fields: [TicketField]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let pairs = try fields.map { field in
            String(decoding: try encoder.encode(field.name), as: UTF8.self) + ":"
                + String(decoding: try encoder.encode(field.value), as: UTF8.self)
        }
        return "{" + pairs.joined(separator: ",") + "}"
    }
}

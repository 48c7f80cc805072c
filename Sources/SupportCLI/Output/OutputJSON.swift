import Foundation

/// JSON for scripts (`--json`, `export --format json`): pretty, sorted keys, ISO 8601 dates in UTC.
enum OutputJSON {
    /// `value` as a JSON document (no trailing newline); `compact` puts it on one line (JSON Lines).
    static func encode(_ value: some Encodable, compact: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = compact ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.iso(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

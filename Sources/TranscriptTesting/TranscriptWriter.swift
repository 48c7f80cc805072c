import Foundation
import SupportCore
import SupportStore

/// Writes transcripts: new ones from a recorded conversation, and `--update` rewrites of the
/// `bot:` blocks of existing ones.
public enum TranscriptWriter {
    /// A complete transcript of `exchanges` (already redacted), with assertions on every reply.
    public static func record(title: String, now: Date, session: SessionID?, exchanges: [Exchange]) -> String {
        var lines = ["# \(title)", "# now: \(format(now))"]
        if let session { lines.append("# session: \(session.rawValue)") }
        for exchange in exchanges {
            lines.append("")
            lines += block("user", exchange.redactedText)
            lines += block("bot", exchange.reply.text)
            lines += assertions(for: exchange.reply)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `source` with each turn's `bot:` block replaced by `replies` (one per turn, in order); a turn
    /// without a bot block gets one after its user block. Comments, assertions and `bot~:` blocks stay.
    public static func update(_ source: String, replies: [Reply]) -> String {
        let lines = source.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        var output: [String] = []
        var turn = -1
        var turnHasBot = false
        var index = 0

        func closeTurn() {
            if turn >= 0, !turnHasBot, turn < replies.count { output += block("bot", replies[turn].text) }
        }

        while index < lines.count {
            let line = lines[index]
            let blockEnd = endOfBlock(lines, from: index)
            if line.hasPrefix("user:") {
                closeTurn()
                turn += 1
                turnHasBot = false
                output += lines[index..<blockEnd]
                index = blockEnd
                // A new bot block goes right after the user block, before its assertions.
                if index >= lines.count || !(lines[index].hasPrefix("bot:") || lines[index].hasPrefix("bot~:")) {
                    if turn < replies.count { output += block("bot", replies[turn].text) }
                    turnHasBot = true
                }
                continue
            }
            if line.hasPrefix("bot:"), turn >= 0, turn < replies.count {
                output += block("bot", replies[turn].text)
                turnHasBot = true
                index = blockEnd
                continue
            }
            if line.hasPrefix("bot~:") { turnHasBot = true }
            output.append(line)
            index += 1
        }
        closeTurn()
        return output.joined(separator: "\n")
    }

    /// The index after the block starting at `start` (its continuation lines included).
    private static func endOfBlock(_ lines: [String], from start: Int) -> Int {
        guard lines[start].hasPrefix("user:") || lines[start].hasPrefix("bot:") || lines[start].hasPrefix("bot~:") else {
            return start + 1
        }
        var index = start + 1
        while index < lines.count {
            if lines[index].hasPrefix("  ") {
                index += 1
            } else if lines[index].isEmpty, let next = lines[index...].dropFirst().first(where: { !$0.isEmpty }),
                next.hasPrefix("  ")
            {
                index += 1
            } else {
                break
            }
        }
        return index
    }

    /// `tag: first line` and two-space-indented continuation lines. Empty lines stay empty, except a
    /// trailing one, which is written as two spaces so it survives a read.
    static func block(_ tag: String, _ text: String) -> [String] {
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lines = ["\(tag): \(parts[0])".trimmingTrailingSpaces()]
        for (offset, part) in parts.dropFirst().enumerated() {
            let isLast = offset == parts.count - 2
            lines.append(part.isEmpty ? (isLast ? "  " : "") : "  " + part)
        }
        return lines
    }

    static func assertions(for reply: Reply) -> [String] {
        var lines = ["@intent \(reply.intent.rawValue)", "@lang \(reply.language.rawValue)"]
        lines.append("@awaiting \(reply.awaiting ?? "none")")
        if let ticket = reply.ticket { lines.append("@ticket id=\(ticket.id) status=\(ticket.status.rawValue)") }
        lines += reply.warnings.map { "@warning \($0.rawValue)" }
        return lines
    }

    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        return formatter.string(from: date)
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var result = self
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}

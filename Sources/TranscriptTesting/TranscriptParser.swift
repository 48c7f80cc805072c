import Foundation

/// Reads the transcript format of `docs/TRANSCRIPTS.md`.
public enum TranscriptParser {
    /// Parses `text` read from `file`.
    /// - Throws: `TranscriptError` naming the file and line of the first problem.
    public static func parse(_ text: String, file: String) throws -> Transcript {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        var title: String?
        var now: Date?
        var session: String?
        var turns: [TranscriptTurn] = []
        var index = 0

        func fail(_ message: String, at line: Int) -> TranscriptError {
            TranscriptError(file: file, line: line, message: message)
        }

        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            index += 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if line.hasPrefix("#") {
                let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
                if let value = headerValue(body, "now") {
                    guard turns.isEmpty else { throw fail("`# now:` belongs in the header, before the first user line", at: number) }
                    guard let date = parseDate(value) else {
                        throw fail("`# now:` needs an ISO 8601 date-time with offset, e.g. 2026-01-10T15:45:00+08:00", at: number)
                    }
                    now = date
                } else if let value = headerValue(body, "session") {
                    guard turns.isEmpty else { throw fail("`# session:` belongs in the header, before the first user line", at: number) }
                    guard !value.isEmpty else { throw fail("`# session:` needs a name", at: number) }
                    session = value
                } else if title == nil && turns.isEmpty {
                    title = body
                }
                continue
            }
            if line.hasPrefix(" ") {
                throw fail("an indented line continues a user:/bot: block, but none is open here", at: number)
            }
            if line.hasPrefix("@") {
                guard !turns.isEmpty else { throw fail("an assertion needs a user: line before it", at: number) }
                turns[turns.count - 1].expectations.append(try parseAssertion(line, line: number, fail: fail))
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                throw fail("expected `user:`, `bot:`, `bot~:`, `@assertion` or `# comment`", at: number)
            }
            let tag = String(line[..<colon])
            var block = [String(line[line.index(after: colon)...]).drop { $0 == " " }].map(String.init)
            while index < lines.count {
                if lines[index].hasPrefix("  ") {
                    block.append(String(lines[index].dropFirst(2)))
                    index += 1
                } else if lines[index].isEmpty, let next = lines[index...].dropFirst().first(where: { !$0.isEmpty }),
                    next.hasPrefix("  ")
                {
                    block.append("")
                    index += 1
                } else {
                    break
                }
            }
            let content = block.joined(separator: "\n")
            switch tag {
            case "user":
                guard !content.isEmpty else { throw fail("`user:` needs a message", at: number) }
                turns.append(TranscriptTurn(user: content, line: number, expectations: []))
            case "bot", "bot~":
                guard !turns.isEmpty else { throw fail("`\(tag):` needs a user: line before it", at: number) }
                if turns[turns.count - 1].expectations.contains(where: \.isBotBlock) {
                    throw fail("one user message gets one reply: a second bot block here", at: number)
                }
                if tag == "bot~" {
                    guard (try? NSRegularExpression(pattern: content)) != nil else {
                        throw fail("`bot~:` is not a valid regular expression", at: number)
                    }
                    turns[turns.count - 1].expectations.append(Expectation(.pattern(content), line: number))
                } else {
                    turns[turns.count - 1].expectations.append(Expectation(.text(content), line: number))
                }
            default:
                throw fail("unknown block `\(tag):`; expected `user:`, `bot:` or `bot~:`", at: number)
            }
        }
        guard let now else { throw fail("missing `# now: <ISO 8601 date-time>` header", at: 1) }
        guard !turns.isEmpty else { throw fail("no `user:` lines", at: max(1, lines.count - (lines.last == "" ? 1 : 0))) }
        return Transcript(file: file, title: title ?? "", now: now, session: session, turns: turns)
    }

    private static func headerValue(_ body: String, _ name: String) -> String? {
        guard body.lowercased().hasPrefix(name + ":") else { return nil }
        return body.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
    }

    static func parseDate(_ value: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: value)
    }

    private static func parseAssertion(
        _ line: String, line number: Int, fail: (String, Int) -> TranscriptError
    ) throws -> Expectation {
        let parts = line.dropFirst().split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let name = parts.first else { throw fail("empty assertion", number) }
        let arguments = Array(parts.dropFirst())
        func single() throws -> String {
            guard arguments.count == 1 else { throw fail("`@\(name)` takes exactly one value", number) }
            return arguments[0]
        }
        switch name {
        case "intent": return Expectation(.intent(try single()), line: number)
        case "lang":
            let value = try single()
            guard value == "en" || value == "zh" else { throw fail("`@lang` is `en` or `zh`", number) }
            return Expectation(.language(value), line: number)
        case "awaiting":
            let value = try single()
            return Expectation(.awaiting(value == "none" ? nil : value), line: number)
        case "warning": return Expectation(.warning(try single()), line: number)
        case "warnings":
            guard try single() == "none" else { throw fail("`@warnings` only takes `none`; use `@warning NAME`", number) }
            return Expectation(.noWarnings, line: number)
        case "ticket":
            var assertions: [TicketAssertion] = []
            for argument in arguments {
                guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                    throw fail("`@ticket` takes key=value pairs, e.g. status=open fields.chain=ethereum", number)
                }
                assertions.append(
                    TicketAssertion(
                        key: String(argument[..<equals]),
                        value: String(argument[argument.index(after: equals)...])))
            }
            return Expectation(.ticket(assertions), line: number)
        default:
            throw fail("unknown assertion `@\(name)`; known: @intent @lang @awaiting @ticket @warning @warnings", number)
        }
    }
}

extension Expectation {
    var isBotBlock: Bool {
        switch kind {
        case .text, .pattern: true
        default: false
        }
    }
}

/// A transcript that cannot be read, with the place to fix it.
public struct TranscriptError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
    public var description: String { "\(file):\(line): \(message)" }
}

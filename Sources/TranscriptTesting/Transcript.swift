import Foundation

/// One recorded conversation: the user's messages, what the bot must answer, and assertions.
/// The text format is documented in `docs/TRANSCRIPTS.md`.
public struct Transcript: Hashable, Sendable {
    /// The file it was read from, for messages (`Transcripts/theft_en.txt`).
    public var file: String
    /// The first header line, `# <title>`.
    public var title: String
    /// The fixed clock (`# now:`); relative dates resolve against it.
    public var now: Date
    /// `# session:`; replay uses a name derived from the file when absent.
    public var session: String?
    public var turns: [TranscriptTurn]

    public init(file: String, title: String, now: Date, session: String?, turns: [TranscriptTurn]) {
        self.file = file
        self.title = title
        self.now = now
        self.session = session
        self.turns = turns
    }
}

/// One user message and what is expected of the bot's answer to it.
public struct TranscriptTurn: Hashable, Sendable {
    public var user: String
    /// 1-based line of the `user:` block.
    public var line: Int
    public var expectations: [Expectation]

    public init(user: String, line: Int, expectations: [Expectation]) {
        self.user = user
        self.line = line
        self.expectations = expectations
    }
}

/// Something a reply must satisfy, with the line it was written on.
public struct Expectation: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `bot:` — the exact reply text.
        case text(String)
        /// `bot~:` — a regular expression the whole reply must match.
        case pattern(String)
        /// `@intent ID`
        case intent(String)
        /// `@lang en|zh`
        case language(String)
        /// `@awaiting FIELD`, or `@awaiting none`.
        case awaiting(String?)
        /// `@ticket key=value …` on the ticket handed off by this reply (`id`, `status`, `priority`,
        /// `intent`, `fields.<name>`).
        case ticket([TicketAssertion])
        /// `@warning NAME`
        case warning(String)
        /// `@warnings none`: the reply carries no warning.
        case noWarnings
    }

    public var kind: Kind
    public var line: Int

    public init(_ kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }
}

/// `key=value` of a `@ticket` line.
public struct TicketAssertion: Hashable, Sendable {
    public var key: String
    public var value: String
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

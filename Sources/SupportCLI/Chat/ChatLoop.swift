import Foundation
import SupportCore
import SupportServer
import SupportStore

/// The terminal conversation behind `supportbot chat`: reads lines, sends each through the desk,
/// prints the reply. On a terminal it shows a prompt and colours; piped, it prints one reply block
/// per input line and nothing else, so scripts and tests can read it.
public struct ChatLoop: Sendable {
    /// How replies are decorated.
    public struct Style: Sendable, Hashable {
        /// A person is typing: show the greeting, prompts and hints.
        public var isInteractive: Bool
        /// ANSI colours (off with `NO_COLOR` or when not on a terminal).
        public var usesColor: Bool
        /// Print each reply as a protocol v1 JSON line instead of text.
        public var printsJSON: Bool

        public init(isInteractive: Bool, usesColor: Bool, printsJSON: Bool = false) {
            self.isInteractive = isInteractive
            self.usesColor = usesColor
            self.printsJSON = printsJSON
        }
    }

    public let desk: SupportDesk
    public let session: SessionID
    public let style: Style

    public init(desk: SupportDesk, session: SessionID, style: Style) {
        self.desk = desk
        self.session = session
        self.style = style
    }

    /// Runs until `readLine` returns nil (end of input, Ctrl-D) or the user types `/quit`.
    /// - Parameters:
    ///   - readLine: the next input line, or nil at end of input.
    ///   - write: prints text exactly as given (callers add no newline).
    ///   - record: receives every exchange, e.g. to write a transcript.
    public func run(
        readLine: () -> String?, write: (String) -> Void, record: (Exchange) -> Void = { _ in }
    ) async throws {
        if style.isInteractive { write(paint(Self.banner(session: session), .dim) + "\n") }
        while true {
            if style.isInteractive { write(paint("you> ", .bold)) }
            guard let line = readLine() else {
                if style.isInteractive { write("\n") }
                break
            }
            let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
            switch ChatCommandWord(text) {
            case .quit:
                return
            case .help:
                write(Self.help + "\n")
                continue
            case .reset:
                try await desk.reset(session)
                if style.isInteractive { write(paint("(conversation reset)", .dim) + "\n") }
                continue
            case .unknown(let word):
                write("unknown command \(word); type /help\n")
                continue
            case nil:
                break
            }
            if text.isEmpty { continue }
            let exchange = try await desk.handle(text, session: session, channel: "cli")
            record(exchange)
            write(render(exchange.reply))
        }
    }

    /// The reply as the user sees it.
    func render(_ reply: Reply) -> String {
        if style.printsJSON { return WireResponse.reply(reply, session: session, id: nil).line }
        guard style.isInteractive else { return reply.text + "\n\n" }
        var block = paint("bot> ", .cyan) + reply.text.replacingOccurrences(of: "\n", with: "\n     ") + "\n"
        if let ticket = reply.ticket {
            block += paint("     [ticket \(ticket.id): \(ticket.status.rawValue)]", .green) + "\n"
        }
        return block + "\n"
    }

    private enum Tone: String {
        case bold = "1", dim = "2", cyan = "36", green = "32"
    }

    private func paint(_ text: String, _ tone: Tone) -> String {
        style.usesColor ? "\u{1B}[\(tone.rawValue)m\(text)\u{1B}[0m" : text
    }

    static func banner(session: SessionID) -> String {
        "supportbot — session \(session). Type your question in English or Chinese; /help for commands, Ctrl-D to leave."
    }

    static let help = """
        /help   show this help
        /reset  forget this conversation and start over
        /quit   leave (Ctrl-D works too)
        Never type your recovery phrase, private key or password here: nobody needs them to help you.
        """
}

/// The REPL's own commands, typed with a leading slash.
enum ChatCommandWord: Equatable {
    case help, reset, quit
    case unknown(String)

    /// Nil when `text` is an ordinary message.
    init?(_ text: String) {
        guard text.hasPrefix("/"), !text.contains(" ") else { return nil }
        switch text.lowercased() {
        case "/help", "/?": self = .help
        case "/reset": self = .reset
        case "/quit", "/exit", "/q": self = .quit
        default: self = .unknown(text)
        }
    }
}

import BenchmarkSupport
import Foundation
import NIOCore

/// The request lines the load sends: protocol v1 `message`s replaying real conversations, their
/// user lines in order, each conversation in a session of its own.
struct RequestMix: Sendable {
    /// Conversations each connection carries at once (the server orders answers per connection,
    /// but a gateway multiplexes chats, so the load does too).
    static let sessionsPerConnection = 4

    /// The conversations, each a list of utterances quoted as JSON string literals up front.
    let conversations: [[String]]

    var utteranceCount: Int { conversations.reduce(0) { $0 + $1.count } }

    /// Loads the conversations at `path`: a directory of transcripts (one conversation per `.txt`
    /// file: its `user: …` lines) or a text file with one utterance per line, conversations
    /// separated by blank lines.
    /// - Throws: `LoadToolError` when the path cannot be read or holds no utterance.
    static func load(from path: String) throws -> RequestMix {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LoadToolError("no utterances at '\(path)'; pass --utterances FILE_OR_TRANSCRIPT_DIR")
        }
        var conversations: [[String]] = []
        if isDirectory.boolValue {
            conversations = try TranscriptConversations.userLines(inDirectory: path)
        } else {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            conversations = text.components(separatedBy: "\n\n").map { $0.split(separator: "\n").map(String.init) }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        conversations = try conversations.map { lines in
            try lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        }.filter { !$0.isEmpty }
        guard !conversations.isEmpty else { throw LoadToolError("'\(path)' holds no utterance") }
        return RequestMix(conversations: conversations)
    }

    /// The `count` message lines of one connection, ids `"0"`…: its sessions take turns, each
    /// replaying conversation after conversation, a new session for each. `tag` keeps the sessions
    /// of different runs apart, so every run starts afresh.
    func messages(count: Int, connection: Int, tag: String) -> [ByteBuffer] {
        let slots = Self.sessionsPerConnection
        var streams = (0..<slots).map { slot in
            Replay(
                conversations: conversations, first: (connection * slots + slot) * 7,
                prefix: "\(tag)-c\(connection)-s\(slot)")
        }
        return (0..<count).map { index in
            let (session, text) = streams[index % slots].next()
            return ByteBuffer(
                string: #"{"type":"message","session":"\#(session)","id":"\#(index)","text":\#(text)}"# + "\n")
        }
    }

    /// A `ping` with id `"0"`: what an idle connection sends once.
    static let ping = ByteBuffer(string: #"{"type":"ping","id":"0"}"# + "\n")

    /// One session slot's stream: conversations from `first` on, each under a new session id.
    private struct Replay {
        let conversations: [[String]]
        var conversation: Int
        let prefix: String
        var line = 0
        var number = 0

        init(conversations: [[String]], first: Int, prefix: String) {
            self.conversations = conversations
            self.conversation = first % conversations.count
            self.prefix = prefix
        }

        mutating func next() -> (session: String, text: String) {
            if line == conversations[conversation].count {
                (conversation, line, number) = ((conversation + 1) % conversations.count, 0, number + 1)
            }
            line += 1
            return ("\(prefix)-\(number)", conversations[conversation][line - 1])
        }
    }
}

/// A usage or setup problem, printed as is.
struct LoadToolError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

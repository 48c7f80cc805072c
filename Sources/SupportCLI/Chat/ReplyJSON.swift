import Foundation
import SupportCore

/// Encodes a reply as the protocol v1 `reply` object, for `chat --json` and `classify`.
enum ReplyJSON {
    static func line(for reply: Reply, session: SessionID, id: String? = nil) -> String {
        let wire = WireReply(
            type: "reply", session: session.rawValue, id: id, text: reply.text, lang: reply.language.rawValue,
            intent: reply.intent.rawValue, confidence: (reply.confidence * 1000).rounded() / 1000,
            flow: reply.flow?.rawValue, awaiting: reply.awaiting, ticket: reply.ticket,
            warnings: reply.warnings.map(\.rawValue))
        return encode(wire)
    }

    /// One JSON object on one line, keys sorted so output is stable.
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private struct WireReply: Encodable {
        var type: String
        var session: String
        var id: String?
        var text: String
        var lang: String
        var intent: String
        var confidence: Double
        var flow: String?
        var awaiting: String?
        var ticket: TicketReference?
        var warnings: [String]

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(type, forKey: .type)
            try c.encode(session, forKey: .session)
            try c.encode(id, forKey: .id)
            try c.encode(text, forKey: .text)
            try c.encode(lang, forKey: .lang)
            try c.encode(intent, forKey: .intent)
            try c.encode(confidence, forKey: .confidence)
            try c.encode(flow, forKey: .flow)
            try c.encode(awaiting, forKey: .awaiting)
            try c.encode(ticket, forKey: .ticket)
            try c.encode(warnings, forKey: .warnings)
        }

        enum CodingKeys: String, CodingKey {
            case type, session, id, text, lang, intent, confidence, flow, awaiting, ticket, warnings
        }
    }
}

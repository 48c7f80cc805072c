import Foundation
import SupportCore

/// The spellings of protocol v1 (JSON Lines): every field name the server reads or writes.
enum WireKey: String, CodingKey {
    case type, session, id, text, lang, intent, confidence, flow, awaiting, ticket, warnings, code, message, status
}

/// A request line of protocol v1, validated.
public enum WireRequest: Hashable, Sendable {
    /// `{"type":"message","session":"web-42","text":"…","id":"c1"}`
    case message(session: SessionID, text: String, id: String?)
    /// `{"type":"reset","session":"web-42"}`: forget the session's dialogue state.
    case reset(session: SessionID, id: String?)
    /// `{"type":"ping"}`: answered with `{"type":"pong"}`.
    case ping(id: String?)

    /// The client's request id, echoed in the answer.
    public var id: String? {
        switch self {
        case .message(_, _, let id), .reset(_, let id), .ping(let id): id
        }
    }

    /// Parses and validates one JSON line.
    /// - Throws: `ProtocolError` with `invalid_json`, `missing_field` or `unknown_type`, carrying
    ///   the request's `id` when it could be read.
    public static func parse(_ line: String, using decoder: JSONDecoder = JSONDecoder()) throws(ProtocolError)
        -> WireRequest
    {
        let raw: RawRequest
        do {
            raw = try decoder.decode(RawRequest.self, from: Data(line.utf8))
        } catch let DecodingError.typeMismatch(_, context) where context.codingPath.isEmpty {
            throw ProtocolError(.invalidJSON, "A request must be one JSON object per line.")
        } catch {
            throw ProtocolError(.invalidJSON, "Line is not valid JSON; send one JSON object per line.")
        }
        let id = raw.fields[.id]
        if let wrong = raw.wronglyTyped.first {
            throw ProtocolError(
                .missingField, "Field '\(wrong.stringValue)' must be a string.", requestID: id ?? nil)
        }
        func required(_ key: WireKey) throws(ProtocolError) -> String {
            guard let value = raw.fields[key] ?? nil, !value.isEmpty else {
                throw ProtocolError.missingField(key.stringValue, requestID: id ?? nil)
            }
            return value
        }
        let requestID = id ?? nil
        switch try required(.type) {
        case "message":
            return .message(session: SessionID(try required(.session)), text: try required(.text), id: requestID)
        case "reset":
            return .reset(session: SessionID(try required(.session)), id: requestID)
        case "ping":
            return .ping(id: requestID)
        case let other:
            throw ProtocolError.unknownType(other, requestID: requestID)
        }
    }

    /// A request as sent, before validation: each known string field, and the fields of the
    /// wrong JSON type. Unknown fields are ignored, so clients may add their own.
    private struct RawRequest: Decodable {
        var fields: [WireKey: String?] = [:]
        var wronglyTyped: [WireKey] = []

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: WireKey.self)
            for key in [WireKey.type, .session, .text, .id] where container.contains(key) {
                if try container.decodeNil(forKey: key) {
                    fields[key] = .some(nil)
                } else if let value = try? container.decode(String.self, forKey: key) {
                    fields[key] = value
                } else {
                    wronglyTyped.append(key)
                }
            }
        }
    }
}

/// A line the server sends (protocol v1).
public enum WireResponse: Encodable, Hashable, Sendable {
    /// The bot's answer to a `message`.
    case reply(Reply, session: SessionID, id: String?)
    /// Confirms a `reset`.
    case reset(session: SessionID, id: String?)
    /// Answers a `ping`.
    case pong(id: String?)
    /// A request could not be served; `id` is null when unknown.
    case error(ProtocolError)

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: WireKey.self)
        switch self {
        case .reply(let reply, let session, let id):
            try container.encode("reply", forKey: .type)
            try container.encode(session.rawValue, forKey: .session)
            try container.encode(id, forKey: .id)
            try container.encode(reply.text, forKey: .text)
            try container.encode(reply.language.rawValue, forKey: .lang)
            try container.encode(reply.intent.rawValue, forKey: .intent)
            try container.encode((reply.confidence * 1000).rounded() / 1000, forKey: .confidence)
            try container.encode(reply.flow?.rawValue, forKey: .flow)
            try container.encode(reply.awaiting, forKey: .awaiting)
            if let ticket = reply.ticket {
                var nested = container.nestedContainer(keyedBy: WireKey.self, forKey: .ticket)
                try nested.encode(ticket.id, forKey: .id)
                try nested.encode(ticket.status.rawValue, forKey: .status)
            } else {
                try container.encodeNil(forKey: .ticket)
            }
            try container.encode(reply.warnings.map(\.rawValue), forKey: .warnings)
        case .reset(let session, let id):
            try container.encode("reset", forKey: .type)
            try container.encode(session.rawValue, forKey: .session)
            try container.encodeIfPresent(id, forKey: .id)
        case .pong(let id):
            try container.encode("pong", forKey: .type)
            try container.encodeIfPresent(id, forKey: .id)
        case .error(let error):
            try container.encode("error", forKey: .type)
            try container.encode(error.code.rawValue, forKey: .code)
            try container.encode(error.message, forKey: .message)
            try container.encode(error.requestID, forKey: .id)
        }
    }

    /// The response as one JSON line, `\n` included.
    public func line(using encoder: JSONEncoder) -> String {
        guard let data = try? encoder.encode(self) else {
            // Only strings, numbers and arrays of strings are encoded; this cannot fail.
            return #"{"type":"error","code":"internal","message":"encoding failed","id":null}"# + "\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The encoder for wire lines: compact, `/` unescaped, keys in protocol order.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }
}

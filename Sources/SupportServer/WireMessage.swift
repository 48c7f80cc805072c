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
            raw = try RawRequest(fastScanning: line) ?? decoder.decode(RawRequest.self, from: Data(line.utf8))
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

        /// The request read by `FlatJSONObject`, or nil when the line needs `JSONDecoder`.
        init?(fastScanning line: String) {
            guard let members = FlatJSONObject.members(of: line) else { return nil }
            for key in [WireKey.type, .session, .text, .id] {
                if let value = members[key.stringValue] { fields[key] = value }
            }
        }

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
public enum WireResponse: Hashable, Sendable {
    /// The bot's answer to a `message`.
    case reply(Reply, session: SessionID, id: String?)
    /// Confirms a `reset`.
    case reset(session: SessionID, id: String?)
    /// Answers a `ping`.
    case pong(id: String?)
    /// A request could not be served; `id` is null when unknown.
    case error(ProtocolError)

    /// The response as one compact JSON line, `\n` included, keys in the order of
    /// `docs/PROTOCOL.md`. Written by hand rather than with `JSONEncoder`: the order stays stable
    /// and this is the hot path of every reply.
    public var line: String {
        var json = JSONWriter(capacity: 512)
        json.beginObject()
        switch self {
        case .reply(let reply, let session, let id):
            json.member(.type, "reply")
            json.member(.session, session.rawValue)
            json.member(.id, id)
            json.member(.text, reply.text)
            json.member(.lang, reply.language.rawValue)
            json.member(.intent, reply.intent.rawValue)
            json.key(WireKey.confidence.stringValue)
            json.number(reply.confidence.isFinite ? (reply.confidence * 1000).rounded() / 1000 : 0)
            json.member(.flow, reply.flow?.rawValue)
            json.member(.awaiting, reply.awaiting)
            json.key(WireKey.ticket.stringValue)
            if let ticket = reply.ticket {
                json.beginObject()
                json.member(.id, ticket.id)
                json.member(.status, ticket.status.rawValue)
                json.endObject()
            } else {
                json.null()
            }
            json.key(WireKey.warnings.stringValue)
            json.beginArray()
            for warning in reply.warnings { json.string(warning.rawValue) }
            json.endArray()
        case .reset(let session, let id):
            json.member(.type, "reset")
            json.member(.session, session.rawValue)
            if let id { json.member(.id, id) }
        case .pong(let id):
            json.member(.type, "pong")
            if let id { json.member(.id, id) }
        case .error(let error):
            json.member(.type, "error")
            json.member(.code, error.code.rawValue)
            json.member(.message, error.message)
            json.member(.id, error.requestID)
        }
        json.endObject()
        return json.text + "\n"
    }
}

extension JSONWriter {
    /// One member of a protocol object: its key and a string (or `null`).
    fileprivate mutating func member(_ key: WireKey, _ value: String?) { member(key.stringValue, value) }
}

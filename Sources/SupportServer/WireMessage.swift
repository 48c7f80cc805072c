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
        var json = JSONObjectWriter()
        switch self {
        case .reply(let reply, let session, let id):
            json.add(.type, "reply")
            json.add(.session, session.rawValue)
            json.add(.id, id)
            json.add(.text, reply.text)
            json.add(.lang, reply.language.rawValue)
            json.add(.intent, reply.intent.rawValue)
            json.add(.confidence, reply.confidence)
            json.add(.flow, reply.flow?.rawValue)
            json.add(.awaiting, reply.awaiting)
            if let ticket = reply.ticket {
                var nested = JSONObjectWriter()
                nested.add(.id, ticket.id)
                nested.add(.status, ticket.status.rawValue)
                json.add(.ticket, raw: nested.finished)
            } else {
                json.add(.ticket, raw: "null")
            }
            json.add(.warnings, raw: "[" + reply.warnings.map { JSONObjectWriter.quoted($0.rawValue) }.joined(separator: ",") + "]")
        case .reset(let session, let id):
            json.add(.type, "reset")
            json.add(.session, session.rawValue)
            if let id { json.add(.id, id) }
        case .pong(let id):
            json.add(.type, "pong")
            if let id { json.add(.id, id) }
        case .error(let error):
            json.add(.type, "error")
            json.add(.code, error.code.rawValue)
            json.add(.message, error.message)
            json.add(.id, error.requestID)
        }
        return json.finished + "\n"
    }
}

/// Builds one JSON object, member by member, in the order added.
struct JSONObjectWriter {
    private var text = "{"

    mutating func add(_ key: WireKey, _ value: String?) {
        add(key, raw: value.map(Self.quoted) ?? "null")
    }

    /// A number rounded to three decimals (confidences); non-finite values become 0.
    mutating func add(_ key: WireKey, _ value: Double) {
        let rounded = value.isFinite ? (value * 1000).rounded() / 1000 : 0
        add(key, raw: "\(rounded)")
    }

    mutating func add(_ key: WireKey, raw json: String) {
        if text.utf8.count > 1 { text += "," }
        text += "\"" + key.stringValue + "\":" + json
    }

    var finished: String { text + "}" }

    /// `value` as a JSON string literal: quotes, backslashes and control characters escaped,
    /// everything else (including CJK and `/`) written as is.
    static func quoted(_ value: String) -> String {
        var out = "\""
        out.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

import Foundation

/// libFuzzer entry point: the input bytes, as one line of text, go through `WireRequest.parse` (the
/// server's request parser, protocol v1). Every line must become a request or a `ProtocolError` whose
/// code is one of the malformed-input codes; whatever parses must survive a round trip through the
/// response writer (`WireResponse.line` is one line of valid JSON echoing the request's id). Where the
/// fast reader of flat objects (`FlatJSONObject`) accepts a line, `JSONDecoder` must read the same
/// members from it.
@_cdecl("LLVMFuzzerTestOneInput")
public func requestFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    RequestFuzzTarget.run(text)
    return 0
}

enum RequestFuzzTarget {
    static func run(_ line: String) {
        if let members = FlatJSONObject.members(of: line) {
            let decoded = try? JSONDecoder().decode([String: String?].self, from: Data(line.utf8))
            precondition(decoded == members, "FlatJSONObject read \(members) where JSONDecoder read \(String(describing: decoded)) in \(line.debugDescription)")
        }
        let request: WireRequest
        do {
            request = try WireRequest.parse(line)
        } catch {
            precondition(error.isMalformedInput, "parse threw a non-input error \(error.code) for \(line.debugDescription)")
            check(WireResponse.error(error).line, id: error.requestID)
            return
        }
        switch request {
        case .message(let session, let text, _):
            precondition(!session.rawValue.isEmpty && !text.isEmpty, "accepted an empty session or text")
            check(WireResponse.reset(session: session, id: request.id).line, id: request.id)
        case .reset(let session, _):
            precondition(!session.rawValue.isEmpty, "accepted an empty session")
            check(WireResponse.reset(session: session, id: request.id).line, id: request.id)
        case .ping:
            check(WireResponse.pong(id: request.id).line, id: request.id)
        }
    }

    /// An answer is exactly one line of JSON whose `id` is the request's.
    static func check(_ line: String, id: String?) {
        precondition(line.hasSuffix("\n") && line.dropLast().firstIndex(of: "\n") == nil, "answer is not one line: \(line.debugDescription)")
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8))
        guard let object = object as? [String: Any] else { preconditionFailure("answer is not a JSON object: \(line.debugDescription)") }
        if let id { precondition(object["id"] as? String == id, "answer \(line.debugDescription) lost the id \(id.debugDescription)") }
    }
}

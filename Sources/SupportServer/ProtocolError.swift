/// An error the server reports to the peer as a `{"type":"error"}` line. The message is shown to
/// the peer, so it names what to fix and never carries internals or user text.
public struct ProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The machine-readable `code` of an error line (protocol v1).
    public enum Code: String, Hashable, Sendable, CaseIterable {
        case invalidJSON = "invalid_json"
        case invalidUTF8 = "invalid_utf8"
        case lineTooLong = "line_too_long"
        case missingField = "missing_field"
        case unknownType = "unknown_type"
        case rateLimited = "rate_limited"
        case tooManySessions = "too_many_sessions"
        case `internal` = "internal"
    }

    public var code: Code
    public var message: String
    /// The `id` of the request this answers, when it could be read.
    public var requestID: String?

    public init(_ code: Code, _ message: String, requestID: String? = nil) {
        self.code = code
        self.message = message
        self.requestID = requestID
    }

    public var description: String { "\(code.rawValue): \(message)" }

    /// Whether the error counts towards the consecutive-bad-lines limit (the peer sent garbage,
    /// as opposed to a well-formed request the server could not serve right now).
    public var isMalformedInput: Bool {
        switch code {
        case .invalidJSON, .invalidUTF8, .lineTooLong, .missingField, .unknownType: true
        case .rateLimited, .tooManySessions, .internal: false
        }
    }

    // MARK: - The errors the server sends

    static func lineTooLong(limit: Int) -> ProtocolError {
        ProtocolError(.lineTooLong, "Line longer than \(limit) bytes was discarded; send shorter messages.")
    }

    static let invalidUTF8 = ProtocolError(.invalidUTF8, "Line is not valid UTF-8; encode text as UTF-8.")

    static func missingField(_ name: String, requestID: String?) -> ProtocolError {
        ProtocolError(.missingField, "Field '\(name)' is required and must be a non-empty string.", requestID: requestID)
    }

    static func unknownType(_ type: String, requestID: String?) -> ProtocolError {
        ProtocolError(
            .unknownType, "Unknown request type '\(type.prefix(40))'; use message, reset or ping.",
            requestID: requestID)
    }

    static func rateLimited(perSecond: Int, requestID: String?) -> ProtocolError {
        ProtocolError(
            .rateLimited, "More than \(perSecond) requests per second on this connection; slow down and resend.",
            requestID: requestID)
    }

    static func tooManyConnections(limit: Int) -> ProtocolError {
        ProtocolError(.rateLimited, "The server holds its maximum of \(limit) connections; reconnect later.")
    }

    static func tooManySessions(limit: Int, requestID: String?) -> ProtocolError {
        ProtocolError(
            .tooManySessions,
            "This connection already carries \(limit) sessions; reset finished ones or open another connection.",
            requestID: requestID)
    }

    static func `internal`(requestID: String?) -> ProtocolError {
        ProtocolError(.internal, "The server could not handle this request; retry it later.", requestID: requestID)
    }

    static func closing(after count: Int, last: ProtocolError) -> ProtocolError {
        ProtocolError(last.code, "\(count) bad lines in a row; closing the connection.")
    }
}

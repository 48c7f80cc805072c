extension Session {
    /// The session as JSON, the same document `JSONEncoder` makes of it (members may come in
    /// another order; `nil` members are left out), written directly: the desk saves the session
    /// after every message, and `JSONEncoder` took ~35 µs of it. Read back with `JSONDecoder`.
    public var json: String {
        var writer = JSONWriter(capacity: 512)
        write(to: &writer)
        return writer.text
    }

    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key(CodingKeys.id.stringValue)
        json.string(id.rawValue)
        json.key(CodingKeys.language.stringValue)
        json.string(language.rawValue)
        if let flow {
            json.key(CodingKeys.flow.stringValue)
            flow.write(to: &json)
        }
        if let lastTicketID {
            json.key(CodingKeys.lastTicketID.stringValue)
            json.string(lastTicketID)
        }
        json.key(CodingKeys.secretExposed.stringValue)
        json.bool(secretExposed)
        json.key(CodingKeys.turnCount.stringValue)
        json.number(turnCount)
        json.endObject()
    }
}

extension FlowState {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key(CodingKeys.intent.stringValue)
        json.string(intent.rawValue)
        json.key(CodingKeys.stage.stringValue)
        json.string(stage.rawValue)
        json.key(CodingKeys.answers.stringValue)
        json.beginArray()
        for answer in answers {
            json.beginObject()
            json.key(FieldAnswer.CodingKeys.field.stringValue)
            json.string(answer.field)
            json.key(FieldAnswer.CodingKeys.value.stringValue)
            answer.value.write(to: &json)
            json.endObject()
        }
        json.endArray()
        json.key(CodingKeys.skipped.stringValue)
        json.beginArray()
        for field in skipped { json.string(field) }
        json.endArray()
        if let pendingField {
            json.key(CodingKeys.pendingField.stringValue)
            json.string(pendingField)
        }
        json.key(CodingKeys.attempts.stringValue)
        json.number(attempts)
        json.key(CodingKeys.priority.stringValue)
        json.string(priority.rawValue)
        if let openingMessage {
            json.key(CodingKeys.openingMessage.stringValue)
            json.string(openingMessage)
        }
        json.key(CodingKeys.isStillHappening.stringValue)
        json.bool(isStillHappening)
        json.endObject()
    }
}

extension EvidenceValue {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key(CodingKeys.value.stringValue)
        json.string(value)
        json.key(CodingKeys.inferred.stringValue)
        json.beginObject()
        for (field, value) in inferred.sorted(by: { $0.key < $1.key }) {
            json.key(field)
            json.string(value)
        }
        json.endObject()
        json.key(CodingKeys.isApproximate.stringValue)
        json.bool(isApproximate)
        json.endObject()
    }
}

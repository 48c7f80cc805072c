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
        json.member(CodingKeys.id.stringValue, id.rawValue)
        json.member(CodingKeys.language.stringValue, language.rawValue)
        if let flow {
            json.key(CodingKeys.flow.stringValue)
            flow.write(to: &json)
        }
        json.member(CodingKeys.lastTicketID.stringValue, lastTicketID, omittingNil: true)
        json.member(CodingKeys.lastAnswer.stringValue, lastAnswer?.rawValue, omittingNil: true)
        json.member(CodingKeys.lastCaseIntent.stringValue, lastCaseIntent?.rawValue, omittingNil: true)
        json.member(CodingKeys.secretExposed.stringValue, secretExposed)
        json.member(CodingKeys.turnCount.stringValue, turnCount)
        json.endObject()
    }
}

extension FlowState {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member(CodingKeys.intent.stringValue, intent.rawValue)
        json.member(CodingKeys.stage.stringValue, stage.rawValue)
        json.key(CodingKeys.answers.stringValue)
        json.beginArray()
        for answer in answers {
            json.beginObject()
            json.member(FieldAnswer.CodingKeys.field.stringValue, answer.field)
            json.key(FieldAnswer.CodingKeys.value.stringValue)
            answer.value.write(to: &json)
            json.endObject()
        }
        json.endArray()
        json.key(CodingKeys.skipped.stringValue)
        json.beginArray()
        for field in skipped { json.string(field) }
        json.endArray()
        json.member(CodingKeys.pendingField.stringValue, pendingField, omittingNil: true)
        json.member(CodingKeys.attempts.stringValue, attempts)
        json.member(CodingKeys.priority.stringValue, priority.rawValue)
        json.member(CodingKeys.openingMessage.stringValue, openingMessage, omittingNil: true)
        json.member(CodingKeys.isStillHappening.stringValue, isStillHappening)
        json.member(CodingKeys.followsTicket.stringValue, followsTicket, omittingNil: true)
        json.endObject()
    }
}

extension EvidenceValue {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member(CodingKeys.value.stringValue, value)
        json.key(CodingKeys.inferred.stringValue)
        json.beginObject()
        for (field, value) in inferred.sorted(by: { $0.key < $1.key }) { json.member(field, value) }
        json.endObject()
        json.member(CodingKeys.isApproximate.stringValue, isApproximate)
        json.endObject()
    }
}

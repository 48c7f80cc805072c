import Foundation
import SupportCore

/// Reads the `flow:` section of an intent file: its fields, their types, prompts and conditions.
struct FlowReader {
    static let flowKeys = ["ticket", "done", "fields", "follow_up", "turns_into"]
    static let fieldKeys = [
        "name", "type", "required", "label", "prompt", "when", "options", "min", "max", "from_opening", "opening_yes", "unsure",
        "opening_after",
    ]
    static let followUpKeys = ["when", "intent", "carry", "answers", "advise", "instead_at_opening"]
    static let followUpAnswerKeys = ["field", "value", "when"]
    static let optionKeys = ["id", "label", "aliases", "implies"]
    static let conditionKeys = ["field", "in"]
    /// Default and ceiling of a `text` field's length.
    static let textLimits = (min: 1, max: 2000)

    let intent: IntentID

    func read(_ value: YAMLValue, sources: inout CatalogSourceMap) throws(CatalogError) -> FlowDefinition {
        let flow = try value.mapping("flow", allowed: Self.flowKeys)
        let createsTicket = try flow["ticket"]?.bool("flow.ticket") ?? true
        var completion: LocalizedText?
        if let done = flow["done"] {
            completion = try done.localizedText("flow.done")
            sources[.flowDone(intent)] = done.location
        }
        let items = try flow.required("fields", in: "flow").sequence("flow.fields")
        guard !items.isEmpty else { throw value.error("flow.fields is empty; a flow needs at least one field") }
        var fields: [FieldDefinition] = []
        for item in items { fields.append(try readField(item, earlier: fields, sources: &sources)) }
        try checkImplied(fields, sources: sources)
        let followUp = try flow["follow_up"].map { value throws(CatalogError) in
            sources[.followUp(intent)] = value.location
            return try readFollowUp(value, fields: fields)
        }
        var turnsInto: [IntentID] = []
        if let value = flow["turns_into"] {
            sources[.turnsInto(intent)] = value.location
            turnsInto = try value.strings("flow.turns_into").map(IntentID.init(rawValue:))
            if turnsInto.contains(intent) { throw value.error("a flow cannot turn into its own intent '\(intent)'") }
        }
        return FlowDefinition(
            fields: fields, createsTicket: createsTicket, completion: completion, followUp: followUp, turnsInto: turnsInto)
    }

    /// `follow_up: {when: {field: funds_moved, in: [yes]}, intent: report_theft, carry: [wallet_address]}`.
    /// The target intent and its fields are checked once every intent is read (`CatalogLoader`).
    private func readFollowUp(_ value: YAMLValue, fields: [FieldDefinition]) throws(CatalogError) -> FollowUp {
        let followUp = try value.mapping("follow_up", allowed: Self.followUpKeys)
        let condition = try readCondition(try followUp.required("when", in: "follow_up"), earlier: fields)
        let intentValue = try followUp.required("intent", in: "follow_up")
        let target = IntentID(rawValue: try intentValue.nonEmptyString("follow_up.intent"))
        guard target != intent else { throw intentValue.error("a flow cannot follow up with its own intent '\(intent)'") }
        let carryValue = followUp["carry"]
        let carried = try carryValue?.strings("follow_up.carry") ?? []
        if let carryValue, let unknown = carried.first(where: { name in !fields.contains { $0.name == name } }) {
            throw carryValue.error("follow_up.carry names '\(unknown)', which is not a field of this flow")
        }
        var answers: [FollowUpAnswer] = []
        for item in try followUp["answers"]?.sequence("follow_up.answers") ?? [] {
            let answer = try item.mapping("a follow_up answer", allowed: Self.followUpAnswerKeys)
            answers.append(
                FollowUpAnswer(
                    field: try answer.required("field", in: "the follow_up answer").nonEmptyString("field"),
                    value: try answer.required("value", in: "the follow_up answer").nonEmptyString("value"),
                    condition: try answer["when"].map { value throws(CatalogError) in try readCondition(value, earlier: fields) }))
        }
        let advises = try followUp["advise"]?.bool("follow_up.advise") ?? false
        var replacesAtOpening = false
        if let flag = followUp["instead_at_opening"] {
            replacesAtOpening = try flag.bool("follow_up.instead_at_opening")
            let field = fields.first { $0.name == condition.field }
            guard !replacesAtOpening || (field?.kind == .yesNo && !(field?.openingYes.isEmpty ?? true) && condition.values == ["yes"])
            else {
                throw flag.error(
                    "follow_up.instead_at_opening needs a 'when' of one yes_no field with opening_yes phrases and "
                        + "'in: [yes]'; '\(condition.field)' is not one")
            }
        }
        return FollowUp(
            condition: condition, intent: target, carried: carried, answers: answers, advises: advises,
            replacesAtOpening: replacesAtOpening)
    }

    private func readField(
        _ value: YAMLValue, earlier: [FieldDefinition], sources: inout CatalogSourceMap
    ) throws(CatalogError) -> FieldDefinition {
        let field = try value.mapping("a flow field", allowed: Self.fieldKeys)
        let nameValue = try field.required("name", in: "the field")
        let name = try nameValue.nonEmptyString("field name")
        guard name.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil else {
            throw nameValue.error("field name '\(name)' must be snake_case (a-z, 0-9, _)")
        }
        guard !earlier.contains(where: { $0.name == name }) else {
            throw nameValue.error("field '\(name)' appears twice in this flow")
        }
        let kind = try readKind(field, fieldName: name, sources: &sources)
        let labelValue = try field.required("label", in: "field '\(name)'")
        let promptValue = try field.required("prompt", in: "field '\(name)'")
        var fromOpening = false
        if let flag = field["from_opening"] {
            fromOpening = try flag.bool("from_opening")
            guard kind.isReadableFromOpening else {
                throw flag.error(
                    "from_opening is only allowed on choice, multi_choice, chain, asset, amount, datetime, url and "
                        + "ticket_id fields, not on field '\(name)'; a yes_no field is read from the opening "
                        + "with opening_yes phrases")
            }
        }
        var openingYes: [String] = []
        if let phrases = field["opening_yes"] {
            guard kind == .yesNo else {
                throw phrases.error("opening_yes is only allowed on yes_no fields, not on field '\(name)'")
            }
            openingYes = try phrases.strings("opening_yes")
            guard !openingYes.isEmpty else { throw phrases.error("opening_yes of field '\(name)' is empty") }
        }
        var openingAfter: [String] = []
        if let words = field["opening_after"] {
            guard fromOpening, kind.isChoice else {
                throw words.error(
                    "opening_after is only allowed on choice and multi_choice fields read from the opening "
                        + "(from_opening: true), not on field '\(name)'")
            }
            openingAfter = try words.strings("opening_after")
            guard !openingAfter.isEmpty else { throw words.error("opening_after of field '\(name)' is empty") }
        }
        let unsureHint = try field["unsure"].map { value throws(CatalogError) in
            sources[.fieldUnsure(intent, field: name)] = value.location
            return try value.localizedText("unsure")
        }
        sources[.fieldLabel(intent, field: name)] = labelValue.location
        sources[.fieldPrompt(intent, field: name)] = promptValue.location
        return FieldDefinition(
            name: name, kind: kind, isRequired: try field["required"]?.bool("required") ?? true,
            prompt: try promptValue.localizedText("prompt"), label: try labelValue.localizedText("label"),
            condition: try field["when"].map { value throws(CatalogError) in try readCondition(value, earlier: earlier)
            }, fromOpening: fromOpening, openingYes: openingYes, unsureHint: unsureHint, openingAfter: openingAfter)
    }

    private func readKind(
        _ field: YAMLMapping, fieldName: String, sources: inout CatalogSourceMap
    ) throws(CatalogError) -> FieldKind {
        let typeValue = try field.required("type", in: "field '\(fieldName)'")
        let type = try typeValue.string("type")
        let simple: [String: FieldKind] = [
            "chain": .chain, "address": .address, "tx_hashes": .txHashes, "asset": .asset, "amount": .amount,
            "datetime": .dateTime, "yes_no": .yesNo, "url": .url, "contact": .contact, "ticket_id": .ticketID,
            "version": .version,
        ]
        guard FieldKind.wireNames.contains(type) else {
            throw typeValue.error(
                "unknown field type '\(type)'; use one of: \(FieldKind.wireNames.joined(separator: ", "))")
        }
        let isChoice = type == "choice" || type == "multi_choice"
        if let options = field["options"], !isChoice {
            throw options.error("options are only allowed on choice and multi_choice fields, not on '\(type)'")
        }
        if type != "text", let limit = field["min"] ?? field["max"] {
            throw limit.error("min and max are only allowed on text fields, not on '\(type)'")
        }
        if let kind = simple[type] { return kind }
        switch type {
        case "choice", "multi_choice":
            guard let optionsValue = field["options"] else {
                throw typeValue.error("a \(type) field needs options; add an options: list to field '\(fieldName)'")
            }
            let options = try readOptions(optionsValue, fieldName: fieldName, sources: &sources)
            return type == "choice" ? .choice(options) : .multiChoice(options)
        case "text":
            let minimum = try field["min"]?.int("min") ?? Self.textLimits.min
            let maximum = try field["max"]?.int("max") ?? Self.textLimits.max
            guard minimum >= 0, minimum <= maximum, maximum <= Self.textLimits.max else {
                throw (field["min"] ?? field["max"] ?? typeValue).error(
                    "text length limits must satisfy 0 <= min <= max <= \(Self.textLimits.max), "
                        + "found \(minimum)...\(maximum)"
                )
            }
            return .text(minLength: minimum, maxLength: maximum)
        default:
            throw typeValue.error(
                "unknown field type '\(type)'; use one of: \(FieldKind.wireNames.joined(separator: ", "))")
        }
    }

    private func readOptions(
        _ value: YAMLValue, fieldName: String, sources: inout CatalogSourceMap
    ) throws(CatalogError) -> [ChoiceOption] {
        let items = try value.sequence("options")
        guard !items.isEmpty else { throw value.error("field '\(fieldName)' has an empty options list") }
        var options: [ChoiceOption] = []
        for item in items {
            let option = try item.mapping("an option", allowed: Self.optionKeys)
            let idValue = try option.required("id", in: "the option")
            let id = try idValue.nonEmptyString("option id")
            guard !options.contains(where: { $0.id == id }) else { throw idValue.error("option '\(id)' appears twice") }
            let labelValue = try option.required("label", in: "option '\(id)'")
            sources[.optionLabel(intent, field: fieldName, option: id)] = labelValue.location
            var implies: [String: String] = [:]
            if let impliesValue = option["implies"] {
                sources[.optionImplies(intent, field: fieldName, option: id)] = impliesValue.location
                for entry in try impliesValue.mapping("implies") {
                    implies[entry.key] = try entry.value.nonEmptyString("implies.\(entry.key)")
                }
            }
            options.append(
                ChoiceOption(
                    id: id, label: try labelValue.localizedText("label"),
                    aliases: try option["aliases"]?.strings("aliases") ?? [], implies: implies))
        }
        return options
    }

    /// Each option's `implies` names another choice field of the flow and one of its options.
    private func checkImplied(_ fields: [FieldDefinition], sources: CatalogSourceMap) throws(CatalogError) {
        for field in fields {
            guard case .choice(let options) = field.kind else { continue }
            for option in options {
                for (name, value) in option.implies.sorted(by: { $0.key < $1.key }) {
                    let location = sources[.optionImplies(intent, field: field.name, option: option.id)]
                    func failure(_ message: String) -> CatalogError {
                        CatalogError(file: location?.file ?? "", line: location?.line ?? 1, message: message)
                    }
                    guard name != field.name, let target = fields.first(where: { $0.name == name }),
                        case .choice(let targetOptions) = target.kind
                    else {
                        throw failure(
                            "option '\(option.id)' of field '\(field.name)' implies '\(name)', which is not another "
                                + "choice field of this flow")
                    }
                    guard targetOptions.contains(where: { $0.id == value }) else {
                        throw failure(
                            "option '\(option.id)' of field '\(field.name)' implies \(name): '\(value)', which is not "
                                + "one of its options (\(targetOptions.map(\.id).joined(separator: ", ")))")
                    }
                }
            }
        }
    }

    private func readCondition(_ value: YAMLValue, earlier: [FieldDefinition]) throws(CatalogError) -> FieldCondition {
        let condition = try value.mapping("when", allowed: Self.conditionKeys)
        let fieldValue = try condition.required("field", in: "when")
        let name = try fieldValue.string("when.field")
        guard let target = earlier.first(where: { $0.name == name }) else {
            throw fieldValue.error("when refers to '\(name)', which is not an earlier field of this flow")
        }
        let inValue = try condition.required("in", in: "when")
        let values = try inValue.strings("when.in")
        if let allowed = target.kind.storedValues, let bad = values.first(where: { !allowed.contains($0) }) {
            throw inValue.error(
                "'\(bad)' is not a value of field '\(name)'; use one of: \(allowed.joined(separator: ", "))")
        }
        return FieldCondition(field: name, values: values)
    }
}

extension FieldKind {
    /// The values an answer of this kind can be stored as, where they are a fixed list (option ids,
    /// `yes`/`no`), for checking what content names in `when:` and `follow_up.answers`.
    var storedValues: [String]? {
        switch self {
        case .choice(let options), .multiChoice(let options): options.map(\.id)
        case .yesNo: ["yes", "no"]
        default: nil
        }
    }
}

import Foundation

/// The summary before hand-off and the answers to it: yes (file), no (discard), or a change to one field.
extension DialogueEngine {
    /// Handles a message while the summary waits for yes / no / a change (or for which field to change).
    func confirm(
        _ flow: FlowState, definition: FlowDefinition, message: UserMessage, session: Session,
        draft: ReplyDraft
    ) -> Turn {
        var flow = flow
        var state = session
        var draft = draft
        draft.intent = flow.intent
        draft.confidence = 1
        let language = message.language
        let text = message.normalized

        if flow.stage == .confirming, ControlPhrases.yes.matches(text) {
            let file = caseFile(for: flow, definition: definition, session: state, handOver: nil)
            state.flow = flow
            return Turn(
                session: state, reply: nil, request: .fileCase(file), redactedText: message.text,
                draft: draft)
        }
        if ControlPhrases.no.matches(text) {
            state.flow = nil
            draft.add(stopped(flow, .discarded, language: language))
            return finish(draft, session: state)
        }
        let arrived = Self.saysArrived(message, in: flow)
        if arrived || ControlPhrases.cancel.matches(text) {
            state.flow = nil
            draft.intent = .cancel
            draft.add(stopped(flow, arrived ? .flowArrived : .cancelled, language: language))
            return finish(draft, session: state)
        }
        if ControlPhrases.handOver.matches(text) {
            return handOver(flow, definition: definition, message: message, session: state, draft: draft)
        }
        if Self.complains(message) {
            return handOver(flow, definition: definition, message: message, session: state, draft: draft, complaining: true)
        }

        let fields = applicableFields(of: flow, in: definition)
        let named = fieldsNamed(in: text, among: fields, language: language)
        if named.count == 1, let field = named.first {
            if let value = newValue(of: field, in: text, typed: message.text, flow: flow, message: message) {
                return update(
                    [(field, value)], flow: flow, definition: definition, message: message, session: state, draft: draft)
            }
            // The field is known but not its new value: ask for it; answering leads back to the summary.
            flow.stage = .collecting
            flow.pendingField = field.name
            flow.attempts = 0
            state.flow = flow
            draft.add(prompt(for: field, in: flow, language: language))
            return finish(draft, session: state)
        }
        // "amount 500 and token usdc", "金额改成800，币种是USDC": one change per clause, all or none.
        if named.count > 1, let changes = clauseChanges(in: message, among: fields, named: named, flow: flow) {
            return update(changes, flow: flow, definition: definition, message: message, session: state, draft: draft)
        }
        // "actually I did give him my phrase": a yes/no answered no (or skipped) that the message now
        // says happened. Read before any value, since a leaked phrase filed as "no" is the worst error.
        if named.isEmpty {
            let admitted = Self.saidYes(among: fields.filter { flow.answer($0.name)?.value != "yes" }, in: text)
            if !admitted.isEmpty {
                // "他还让我交了保证金": money left (yes), and the fee joins what they asked for.
                let validationContext = context(for: flow, message: message)
                let added: [(field: FieldDefinition, value: EvidenceValue)] = fields.compactMap { field in
                    guard case .multiChoice = field.kind, flow.answer(field.name) != nil,
                        case .accepted(let value) = validator.validate(message.text, as: field.kind, context: validationContext)
                    else { return nil }
                    return (field, value)
                }
                return update(
                    admitted.map { ($0, EvidenceValue("yes")) } + added, flow: flow, definition: definition, message: message,
                    session: state, draft: draft)
            }
        }
        if named.isEmpty, let contact = ownContact(in: message, flow: flow) {
            // "my email is …" at the summary gives the user's contact, never another field's value
            // (the channel "email" of a scam report).
            if let field = fields.first(where: { $0.kind == .contact }) {
                return update(
                    [(field, contact)], flow: flow, definition: definition, message: message, session: state,
                    draft: draft)
            }
            draft.add(catalog.message(.contactNotNeeded, language))
            draft.add(confirmQuestion(for: flow, language: language))
            state.flow = flow
            return finish(draft, session: state)
        }
        if named.isEmpty {
            let validationContext = context(for: flow, message: message)
            // "it was 1pm not 5pm", "是1点不是5点": the new value, without the one it replaces.
            let corrected = Self.droppingReplacedValue(message.text)
            var matches: [(field: FieldDefinition, value: EvidenceValue)] = []
            for field in fields {
                if case .text = field.kind { continue }
                if case .accepted(let value) = validator.validate(
                    corrected, as: field.kind, context: validationContext)
                {
                    matches.append((field, value))
                }
            }
            // "手机号改成139…" also reads as an amount: a message that names a kind of contact means the contact.
            if matches.count > 1, let contact = matches.first(where: { $0.field.kind == .contact }),
                Self.contactWords.contains(where: { PhraseMatcher.contains(text, term: $0) })
            {
                matches = [contact]
            }
            // An address is the most specific value a message can hold (it also answers its network,
            // and "wrong address" may name a choice): the address is what was given.
            if matches.count > 1, matches.contains(where: { $0.field.kind == .address }) {
                matches.removeAll { $0.field.kind != .address }
            }
            // "其实没损失" with two yes/no questions: the one whose label shares words with the message.
            if matches.count > 1, matches.allSatisfy({ $0.field.kind == .yesNo }) {
                let scored = matches.map { ($0, Self.sharedLabelWords($0.field, text)) }
                if let best = scored.max(by: { $0.1 < $1.1 }), best.1 > 0, scored.count(where: { $0.1 == best.1 }) == 1 {
                    matches = [best.0]
                }
            }
            // A value the field already holds is no change ("it was trx, not usdt" also reads as the
            // network TRON, already given).
            matches.removeAll { flow.answer($0.field.name)?.value == $0.value.value }
            // "it was trx, not usdt": the one token named, for the token field.
            if matches.isEmpty, let field = fields.first(where: { $0.kind == .asset }) {
                let tokens = AssetSymbol.mentioned(inNormalized: TextNormalizer.normalize(corrected))
                if tokens.count == 1, let symbol = tokens.first, flow.answer(field.name)?.value != symbol {
                    matches = [(field, EvidenceValue(symbol))]
                }
            }
            if matches.count == 1, let match = matches.first {
                return update(
                    [match], flow: flow, definition: definition, message: message, session: state, draft: draft)
            }
            // "wrong address, it's T…" with a wallet and a receiving address: ask which one.
            if matches.count > 1, Set(matches.map { $0.field.kind }).count == 1 {
                flow.stage = .choosingChange
                state.flow = flow
                let labels = matches.map { $0.field.label(language) }.joined(separator: language.listSeparator)
                draft.add(catalog.message(.changeWhich, language, ["fields": labels]))
                return finish(draft, session: state)
            }
        }
        if named.count > 1 || flow.stage == .choosingChange || ControlPhrases.change.matches(text) {
            flow.stage = .choosingChange
            state.flow = flow
            let separator = language.listSeparator
            let labels =
                (named.count > 1
                ? named : fields.filter { flow.answer($0.name) != nil || flow.skipped.contains($0.name) })
                .map { $0.label(language) }.joined(separator: separator)
            draft.add(catalog.message(.changeWhich, language, ["fields": labels]))
            return finish(draft, session: state)
        }
        // "can you freeze his address?" at the summary: the honest answer, then the question again.
        if let question = SafetyQuestion.asked(in: text) {
            draft.add(fill(catalog.message(.aside(question), language), language))
            draft.add(confirmQuestion(for: flow, language: language))
            state.flow = flow
            return finish(draft, session: state)
        }
        let (prediction, decided) = classification(of: message)
        // "oh wait, I sent it to the wrong address" at the summary: the report it turns into.
        if let turned = turnedByCorrection(flow, message: message, session: state, draft: draft)
            ?? turned(flow, into: decided, confidence: prediction.confidence, message: message, session: state, draft: draft)
        {
            return turned
        }
        if decided != flow.intent, decided != .outOfScope, decided != .cancel, let other = catalog.intent(decided),
            other.answersMidFlow
        {
            // A question at the summary ("what are your hours?"): answer it, then ask again.
            return answerAside(
                other, confidence: prediction.confidence, thenAsk: confirmQuestion(for: flow, language: language),
                flow: flow, session: state, draft: draft)
        }
        draft.add(catalog.message(.confirmUnclear, language))
        draft.add(confirmQuestion(for: flow, language: language))
        state.flow = flow
        return finish(draft, session: state)
    }

    /// Words naming a kind of contact (normalised).
    static let contactWords = [
        "email", "e-mail", "mail", "phone", "mobile", "telegram", "tg", "contact", "邮箱", "邮件", "手机", "电话", "联系方式",
        "联系",
    ]

    /// How many words of `field`'s labels `text` (normalised) holds: English words of four letters or
    /// more, and pairs of Han characters ("损失" of "是否已有资产损失").
    static func sharedLabelWords(_ field: FieldDefinition, _ text: String) -> Int {
        var words: Set<String> = []
        for label in field.label.values.values.map(TextNormalizer.normalize) {
            for word in label.split(whereSeparator: { !$0.isLetter }) {
                if word.allSatisfy(\.isASCII) {
                    if word.count >= 4 { words.insert(String(word)) }
                } else {
                    let characters = Array(word)
                    for index in characters.indices.dropLast() { words.insert(String(characters[index...index + 1])) }
                }
            }
        }
        return words.count { PhraseMatcher.contains(text, term: $0) }
    }

    /// `text` up to a "not …" that names the value being replaced ("it was 1pm not 5pm" → "it was
    /// 1pm"); unchanged when nothing comes before it.
    static func droppingReplacedValue(_ text: String) -> String {
        for marker in [" not ", ", not ", "，不是", "而不是", "不是"] {
            guard let range = text.range(of: marker, options: .caseInsensitive) else { continue }
            let before = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            if before.contains(where: { $0.isNumber || $0.isLetter }) { return String(before) }
        }
        // "不是USDT，是TRX", "not usdt, trx": the replaced value comes first, the new one after the comma.
        if let negation = ["不是", "not "].lazy.compactMap({ text.range(of: $0, options: .caseInsensitive) }).first,
            let comma = text[negation.upperBound...].firstIndex(where: { "，,;；".contains($0) })
        {
            let after = text[text.index(after: comma)...]
            if after.contains(where: { $0.isNumber || $0.isLetter }) { return String(after) }
        }
        return text
    }

    /// What a value answer says once the user corrected themselves: the part after the last "不对",
    /// "说错了", "sorry", "I mean" ("50u 不对 是500u" → "是500u"), then without a "not …" value
    /// ("500 not 50" → "500"). Unchanged when nothing follows the correction.
    static func correctedAnswer(_ text: String, normalized: String) -> String {
        // Most answers hold no correction: looked for in the normalised text first (byte search),
        // before the case-insensitive searches of the text as typed.
        guard correctionSigns.contains(where: { PhraseMatcher.contains(normalized, term: $0) }) else {
            return text
        }
        var answer = text
        for marker in correctionMarkers {
            guard let range = answer.range(of: marker, options: [.caseInsensitive, .backwards]) else { continue }
            let after = answer[range.upperBound...]
            if after.contains(where: { $0.isNumber || $0.isLetter }) { answer = String(after) }
        }
        return droppingReplacedValue(answer)
    }

    /// Words after which a user gives the value they meant.
    static let correctionMarkers = ["不对", "说错了", "打错了", "写错了", "sorry", "i mean", "i meant", "no wait", "correction"]
    /// The correction markers and the words of a replaced value ("not", "不是").
    private static let correctionSigns = correctionMarkers + ["not", "不是"]

    /// Replaces one answer and shows the summary again (or asks a field the change made relevant).
    private func update(
        _ changes: [(field: FieldDefinition, value: EvidenceValue)], flow: FlowState, definition: FlowDefinition,
        message: UserMessage, session: Session, draft: ReplyDraft
    ) -> Turn {
        var flow = flow
        var draft = draft
        let answeredBefore = applicableFields(of: flow, in: definition).filter { flow.answer($0.name) != nil }
        for (field, value) in changes {
            // "Network: ethereum" with a TRON address already given: said, and that value left unchanged.
            if case .chain = field.kind, let conflict = networkConflict(value, in: flow) {
                draft.add(
                    catalog.message(.rejection(conflict.reason), message.language, readable(conflict.values, message.language)))
                continue
            }
            store(
                Self.adding(value, to: flow.answer(field.name), of: field, saying: message.normalized), as: field.name,
                in: &flow, definition: definition)
        }
        if changes.contains(where: { Self.poisoningFields.contains($0.field.name) }) {
            addPoisoningWarning(flow, language: message.language, to: &draft)
        }
        // "was the phrase shared? no" drops the exposed wallet asked only on a yes: said, never silent.
        let applicable = Set(applicableFields(of: flow, in: definition).map(\.name))
        let dropped = answeredBefore.filter { !applicable.contains($0.name) }
        if !dropped.isEmpty {
            let labels = dropped.map { $0.label(message.language) }.joined(separator: message.language.listSeparator)
            draft.add(catalog.message(.droppedByChange, message.language, ["fields": labels]))
        }
        return advance(flow, definition: definition, message: message, session: session, draft: draft)
    }

    /// A multiple-choice `value` joined to the `current` one when `text` (normalised) adds to it ("they
    /// also asked me to pay a fee", "还让我交了保证金"), in the options' order; `value` otherwise.
    static func adding(
        _ value: EvidenceValue, to current: EvidenceValue?, of field: FieldDefinition, saying text: String
    ) -> EvidenceValue {
        guard case .multiChoice(let options) = field.kind, let current,
            additionWords.contains(where: { PhraseMatcher.contains(text, term: $0) })
        else { return value }
        let chosen = Set((current.value + "," + value.value).split(separator: ",").map(String.init))
        return EvidenceValue(options.map(\.id).filter(chosen.contains).joined(separator: ","))
    }

    /// Words that add to what was said rather than replace it (normalised).
    static let additionWords = ["also", "too", "as well", "and", "plus", "another", "还", "也", "另外", "以及", "并且"]

    /// The value a change request gives `field` whose label `text` (normalised) names: the words
    /// after the label ("金额改成 800"), else an address or hash as `typed` (its case matters), else
    /// the one token the words name ("the token was usdc sorry").
    func newValue(
        of field: FieldDefinition, in text: String, typed: String, flow: FlowState, message: UserMessage
    ) -> EvidenceValue? {
        let rest = remainder(of: text, removing: field, language: message.language)
        let validationContext = context(for: flow, message: message)
        if !rest.isEmpty, case .accepted(let value) = validator.validate(rest, as: field.kind, context: validationContext) {
            return value
        }
        if field.kind == .address || field.kind == .txHashes,
            case .accepted(let value) = validator.validate(typed, as: field.kind, context: validationContext)
        {
            return value
        }
        if field.kind == .asset {
            let tokens = AssetSymbol.mentioned(inNormalized: Self.droppingReplacedValue(rest))
            if tokens.count == 1, let symbol = tokens.first { return EvidenceValue(symbol) }
        }
        return nil
    }

    /// One change per clause of `message` ("amount 500 and token usdc"), when every clause that names
    /// a field names one, each gives it a value, and together they cover the `named` fields; nil otherwise.
    private func clauseChanges(
        in message: UserMessage, among fields: [FieldDefinition], named: [FieldDefinition], flow: FlowState
    ) -> [(field: FieldDefinition, value: EvidenceValue)]? {
        var changes: [(field: FieldDefinition, value: EvidenceValue)] = []
        for clause in Self.clauses(of: message.text) {
            let text = TextNormalizer.normalize(clause)
            let clauseFields = fieldsNamed(in: text, among: fields, language: message.language)
            if clauseFields.isEmpty { continue }
            guard clauseFields.count == 1, let field = clauseFields.first,
                let value = newValue(of: field, in: text, typed: clause, flow: flow, message: message)
            else { return nil }
            changes.append((field, value))
        }
        guard Set(changes.map(\.field.name)) == Set(named.map(\.name)) else { return nil }
        return changes
    }

    /// The parts of a change request joined by commas, semicolons, "and", "还有", "另外". An ASCII
    /// comma separates only before a space: "1,000" is one amount.
    static func clauses(of text: String) -> [String] {
        var parts = [text]
        for separator in [", ", "，", "; ", "；", "、", " and ", "还有", "另外", "并且", "以及"] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map(\.trimmedSpacesAndLines).filter { !$0.isEmpty }
    }

    /// Fields whose label (either language) or name the text mentions; the longest mention wins overlaps.
    func fieldsNamed(in text: String, among fields: [FieldDefinition], language: Language)
        -> [FieldDefinition]
    {
        var remaining = text
        var found: [FieldDefinition] = []
        let terms = fields.flatMap { field in
            (Array(field.label.values.values) + [field.name.replacingOccurrences(of: "_", with: " ")] + field.kind.everydayNames)
                .map { (term: TextNormalizer.normalize($0), field: field) }
        }
        .filter { !$0.term.isEmpty }
        .sorted { ($0.term.count, $0.term) > ($1.term.count, $1.term) }
        for (term, field) in terms {
            guard let range = PhraseMatcher.firstRange(of: term, in: remaining) else { continue }
            remaining.replaceSubrange(range, with: " | ")
            if !found.contains(where: { $0.name == field.name }) { found.append(field) }
        }
        return found
    }

    /// The new value in a change request: the text without the field's label and words like "change … to".
    private func remainder(of text: String, removing field: FieldDefinition, language: Language)
        -> String
    {
        var rest = text
        let labels =
            (Array(field.label.values.values) + [field.name.replacingOccurrences(of: "_", with: " ")] + field.kind.everydayNames)
            .map(TextNormalizer.normalize).sorted { $0.count > $1.count }
        for label in labels where !label.isEmpty {
            while let range = PhraseMatcher.firstRange(of: label, in: rest) {
                rest.replaceSubrange(range, with: " ")
            }
        }
        var changed = true
        while changed {
            changed = false
            rest = rest.trimmedSpaces
            for connector in ControlPhrases.changeConnectors where rest.hasPrefix(connector) {
                let after = rest.dropFirst(connector.count)
                if let next = after.first, next.isASCII, next.isLetter, connector.last?.isLetter == true {
                    continue
                }
                rest = String(after)
                changed = true
                break
            }
        }
        return rest.trimmedSpaces
    }

    // MARK: - Summary shown to the user

    /// `flow.summary_intro`, one `label: value` line per field, `flow.confirm_question`.
    func summary(of flow: FlowState, language: Language) -> String {
        guard let definition = catalog.intent(flow.intent)?.flow else { return "" }
        let separator = language.labelSeparator
        var lines = [catalog.message(.summaryIntro, language)]
        for field in applicableFields(of: flow, in: definition) {
            if let answer = flow.answers.last(where: { $0.field == field.name }) {
                lines.append(
                    field.label(language) + separator + display(answer, in: flow, language: language))
            } else if flow.skipped.contains(field.name) {
                lines.append(field.label(language) + separator + catalog.message(.summarySkipped, language))
            }
        }
        return lines.joined(separator: "\n") + "\n\n" + confirmQuestion(for: flow, language: language)
    }

    /// `flow.confirm_question`, its example change naming a field this flow really has.
    func confirmQuestion(for flow: FlowState, language: Language) -> String {
        // A yes/no or a list is a poor example of a change ("资产损失改成……", "对方索要或要求的改成……"):
        // the first other answer, if any.
        let fields = flow.answers.compactMap { field(named: $0.field, in: flow.intent) }
        let example = (fields.first { $0.kind != .yesNo && !$0.kind.isMultiChoice } ?? fields.first)?.label(language)
        return catalog.message(.confirmQuestion, language, ["field": example ?? (language == .zh ? "某一项" : "a field")])
    }

    /// An answer as a person reads it: option labels instead of ids, yes/no in words, "about" for estimates.
    func display(_ answer: FieldAnswer, in flow: FlowState, language: Language) -> String {
        let value = answer.value
        var shown = value.value
        if let field = field(named: answer.field, in: flow.intent) {
            switch field.kind {
            case .choice(let options), .multiChoice(let options):
                let ids = value.value.split(separator: ",").map(String.init)
                shown = ids.map { id in options.first { $0.id == id }?.label(language) ?? id }
                    .joined(separator: language.listSeparator)
            case .yesNo:
                shown = catalog.message(value.value == "yes" ? .valueYes : .valueNo, language)
            case .chain:
                // A network stored as `other` is shown by its name ("XRP Ledger").
                shown = value.inferred["network_name"] ?? Chain(rawValue: value.value)?.displayName(language) ?? value.value
            case .dateTime:
                // "昨天", "yesterday": a day without a time is shown as the day, not as midnight.
                shown = Self.readableDate(value.value)
                if value.isApproximate, value.value.contains("T00:00"), let day = shown.split(separator: " ").first {
                    shown = String(day)
                }
            default: break
            }
        }
        return value.isApproximate
            ? catalog.message(.valueApproximate, language, ["value": shown]) : shown
    }

    /// `2026-01-09T22:00+08:00` as `2026-01-09 22:00 (UTC+8)`; anything else unchanged.
    static func readableDate(_ iso: String) -> String {
        guard iso.count >= 16, let t = iso.firstIndex(of: "T") else { return iso }
        let dateTime = iso[..<t] + " " + iso[iso.index(after: t)...].prefix(5)
        let rest = iso[iso.index(after: t)...].dropFirst(5).drop { $0 == ":" || $0.isNumber }
        guard let sign = rest.first, sign == "+" || sign == "-" else {
            return rest == "Z" ? dateTime + " (UTC)" : String(dateTime)
        }
        let parts = rest.dropFirst().split(separator: ":")
        guard let hours = parts.first.flatMap({ Int($0) }) else { return String(dateTime) }
        let minutes = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        return dateTime + " (UTC\(sign)\(hours)" + (minutes == 0 ? ")" : ":\(parts[1]))")
    }
}

extension FieldKind {
    /// What people call a field of this kind when they change it at the summary, besides its label
    /// ("时间是昨晚11点" for "发生时间", "token to usdc" for "Token"). Two fields of one kind both
    /// answer to these, and the bot then asks which one is meant.
    var everydayNames: [String] {
        switch self {
        case .dateTime: ["time", "date", "时间", "日期"]
        case .amount: ["amount", "数量", "金额"]
        case .asset: ["token", "coin", "币种"]
        case .chain: ["network", "chain", "链", "网络"]
        default: []
        }
    }
}

extension FieldKind {
    /// Whether answers of this kind are lists of options.
    var isMultiChoice: Bool {
        if case .multiChoice = self { return true }
        return false
    }
}

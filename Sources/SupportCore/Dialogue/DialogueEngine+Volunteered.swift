/// Answers given before they were asked: in the message that starts a flow ("about 8000 usdt on
/// TRON, last night"), or in an answer to another question ("500 USDT" asked for the token, the
/// recipient's address pasted where the network is asked).
extension DialogueEngine {
    /// An answer the awaited `field` rejected, read as the answer to another open field that also
    /// settles `field`: "500 USDT" asked for the token is the amount and names the token; a TRON
    /// address asked for the network is the address and names the network. Nil when no open field
    /// (of `earlyAnswerFields`) accepts it with a value for `field`.
    func answerSettling(
        _ field: FieldDefinition, flow: FlowState, definition: FlowDefinition, message: UserMessage
    ) -> EarlyAnswer? {
        let candidates = earlyAnswerFields(besides: field, flow: flow, definition: definition).filter {
            EvidenceValidator.fieldsSettled(by: $0.kind).contains(field.name)
        }
        guard !candidates.isEmpty else { return nil }
        let context = context(for: flow, message: message)
        for other in candidates {
            guard case .accepted(let value) = validator.validate(message.text, as: other.kind, context: context),
                value.inferred[field.name] != nil
            else { continue }
            return EarlyAnswer(field: other, value: value)
        }
        return nil
    }

    /// The answers the opening message gives to fields marked `from_opening` ("support phoned me
    /// and asked for my phrase": the channel and what was asked for), each unconditional and open.
    /// The catch-all option `other` is never read from an opening: "someone else has access" says
    /// nothing about a channel.
    ///
    /// An amount is read only when the opening holds exactly one number and it names its token
    /// ("about 8000 usdt, an hour ago"): in "I had 10000 USDT, 2000 are left" neither number is
    /// the loss. A token alone is read when the opening names exactly one ("someone stole my usdt").
    /// A time is read when the opening says one ("last night", "3 hours ago") that is not in the future.
    func openingAnswers(of definition: FlowDefinition, flow: FlowState, message: UserMessage) -> [EarlyAnswer] {
        var found = openingIdentifiers(of: definition, flow: flow, message: message)
        guard definition.fields.contains(where: \.fromOpening) else { return found }
        let context = context(for: flow, message: message)
        // The user's words, normalised once for the scans below.
        let normalizedWords = message.hasSecret ? TextNormalizer.normalize(message.words) : message.normalized
        let counts = CharacterCounts(normalizedWords)
        let numbers = counts.digits > 0 || counts.hasChineseNumeral ? DecimalText.scan(message.words) : DecimalText.Scan()
        for field in definition.fields where field.fromOpening && flow.isOpen(field.name) {
            // A conditional field counts when what the opening said so far meets its condition
            // ("the sms said tp-wallet-verify.com": the link of a message that came by sms).
            if let condition = field.condition {
                var probe = flow
                for answer in found { store(answer.value, as: answer.field.name, in: &probe, definition: definition) }
                guard conditionHolds(condition, in: probe) else { continue }
            }
            switch field.kind {
            case .choice, .multiChoice:
                let text = field.openingAfter.isEmpty ? message.words : Self.following(field.openingAfter, in: normalizedWords)
                guard !text.isEmpty, case .accepted(var value) = validator.validate(text, as: field.kind, context: context)
                else { continue }
                value.value = value.value.split(separator: ",").filter { $0 != Self.catchAllOption }
                    .joined(separator: ",")
                if !value.value.isEmpty { found.append(EarlyAnswer(field: field, value: value)) }
            case .amount:
                guard numbers.amounts == 1,
                    case .accepted(let value) = validator.validate(message.words, as: .amount, context: context),
                    value.inferred["asset"] != nil
                else { continue }
                found.append(EarlyAnswer(field: field, value: value))
            case .chain:
                if let chain = ChainName.named(inNormalizedSentence: normalizedWords) {
                    found.append(EarlyAnswer(field: field, value: EvidenceValue(chain.rawValue)))
                }
            case .dateTime:
                guard DateExpression.saysTime(message.words, numbersWithTimeUnits: numbers.times),
                    case .accepted(let value) = validator.validate(
                        numbers.amounts > 0 ? numbers.textWithoutAmounts : message.words, as: .dateTime, context: context)
                else { continue }
                found.append(EarlyAnswer(field: field, value: value))
            case .yesNo:
                if Self.says(anyOf: field.openingYes, in: normalizedWords) {
                    found.append(EarlyAnswer(field: field, value: EvidenceValue("yes")))
                }
            case .url, .ticketID:
                if case .accepted(let value) = validator.validate(message.text, as: field.kind, context: context) {
                    found.append(EarlyAnswer(field: field, value: value))
                }
            case .asset:
                // Settled already when the amount named it; "2个ETH和300U" names two tokens with amounts.
                guard !found.contains(where: { $0.value.inferred[field.name] != nil }),
                    numbers.amounts <= 1 || EvidenceValidator.tokensNamedWithAmounts(message.words).count <= 1
                else { continue }
                let tokens = AssetSymbol.mentioned(inNormalized: normalizedWords)
                if tokens.count == 1, let symbol = tokens.first {
                    found.append(EarlyAnswer(field: field, value: EvidenceValue(symbol)))
                }
            default:
                continue
            }
        }
        let order = Dictionary(uniqueKeysWithValues: definition.fields.enumerated().map { ($1.name, $0) })
        return found.sorted { order[$0.field.name, default: 0] < order[$1.field.name, default: 0] }
    }

    /// An address or transaction hash in the opening message, for the flow's one open field of that
    /// kind (always, as they cannot be there by accident): "is 0xdAC1… safe?" gives the contract
    /// address that a risk check asks after the network. A value the opening already gave the
    /// flow's first question is not given again.
    private func openingIdentifiers(
        of definition: FlowDefinition, flow: FlowState, message: UserMessage
    ) -> [EarlyAnswer] {
        let counts = CharacterCounts(message.normalized)
        guard counts.longestAlphanumericRun >= Self.shortestIdentifier else { return [] }
        var search = EarlyAnswerSearch(
            engine: self, flow: flow, message: message, open: earlyAnswerFields(besides: nil, flow: flow, definition: definition))
        let found = search.identifiers(counts: counts)
        return found + placedAddresses(flow: flow, definition: definition, message: message, besides: found)
    }

    /// Addresses in `message` for a flow with two or more open address fields, each placed by the
    /// words just before it ("本来要转到 T… 结果转到了 T…", "meant to send to 0x…, it went to
    /// 0x…"): the field whose marker there is the longest, when only one has it.
    private func placedAddresses(
        flow: FlowState, definition: FlowDefinition, message: UserMessage, besides found: [EarlyAnswer]
    ) -> [EarlyAnswer] {
        let fields = applicableFields(of: flow, in: definition).filter { field in
            field.kind == .address && flow.isOpen(field.name) && !found.contains { $0.field.name == field.name }
                && !(field.condition.map { flow.isOpen($0.field) } ?? false)
        }
        guard fields.count >= 2 else { return [] }
        let text = message.normalized
        let validationContext = context(for: flow, message: message)
        var placed: [EarlyAnswer] = []
        for address in ChainAddress.findAll(in: message.text).compactMap(\.validAddress) {
            guard case .accepted(let value) = validator.validate(address.canonical, as: .address, context: validationContext),
                !found.contains(where: { $0.value.value == value.value })
            else { continue }
            let scored = fields.map { field in (field, Self.markerLength(before: value.value, in: text, for: field.name)) }
            guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 > 0, scored.count(where: { $0.1 == best.1 }) == 1,
                !placed.contains(where: { $0.field.name == best.0.name })
            else { continue }
            placed.append(EarlyAnswer(field: best.0, value: value))
        }
        return placed
    }

    /// The length of the longest of `field`'s `addressMarkers` in the words just before `address`
    /// in `text` (normalised); 0 when there is none.
    static func markerLength(before address: String, in text: String, for field: String) -> Int {
        guard let range = PhraseMatcher.firstRange(of: address.lowercased(), in: text) else { return 0 }
        let before = String(text[..<range.lowerBound].suffix(24))
        return (addressMarkers[field] ?? []).filter { PhraseMatcher.contains(before, term: $0) }.map(\.count).max() ?? 0
    }

    /// Words just before an address that say which address field it is (normalised).
    static let addressMarkers: [String: [String]] = [
        "intended_address": [
            "meant to send to", "meant to send it to", "wanted to send to", "should have gone to", "supposed to go to",
            "intended", "本来要转到", "本来要转给", "本来想转到", "原本要转到", "应该转到", "想转到", "本来要发到", "本来是",
        ],
        "to_address": recipientMarkers + ["ended up", "went to", "结果转到", "实际转到", "却转到", "结果打到"],
        "counterparty_address": recipientMarkers,
        "wallet_address": ownAddressMarkers,
    ]

    /// The open yes/no fields besides `field` whose `openingYes` phrases `message` says, answered yes.
    private func openingYesAnswers(
        besides field: FieldDefinition, flow: FlowState, definition: FlowDefinition, message: UserMessage
    ) -> [EarlyAnswer] {
        let open = applicableFields(of: flow, in: definition).filter { $0.name != field.name && flow.isOpen($0.name) }
        return Self.saidYes(among: open, in: message.normalized).map { EarlyAnswer(field: $0, value: EvidenceValue("yes")) }
    }

    /// The yes/no fields of `fields` whose `openingYes` phrases `text` (normalised) says.
    static func saidYes(among fields: [FieldDefinition], in text: String) -> [FieldDefinition] {
        fields.filter { $0.kind == .yesNo && says(anyOf: $0.openingYes, in: text) }
    }

    /// Whether `text` (normalised) says one of `phrases` as a plain statement. Not after a negation
    /// ("我没有发给他", "I never typed it in"), not in a question ("发给他了会被盗吗？"), and not at
    /// all in a message that hedges ("如果", "差点", "I'm afraid") or denies an act ("我没发", "didn't"):
    /// such a message is asked the question, since a wrong yes would send the report the wrong way.
    static func says(anyOf phrases: [String], in text: String) -> Bool {
        guard !phrases.isEmpty else { return false }
        // A denial inside a phrase ("a transaction I didn't make") is part of what it says.
        var rest = text
        for phrase in phrases {
            while let range = PhraseMatcher.firstRange(of: phrase, in: rest) { rest.replaceSubrange(range, with: " ") }
        }
        guard !hedgesAndDenials.contains(where: { PhraseMatcher.contains(rest, term: $0) }) else { return false }
        return phrases.contains { phrase in
            var rest = text
            // Words are longer than Han characters: "I never said I gave it" needs more room than "没发给他".
            let reach = phrase.unicodeScalars.first?.isASCII == true ? 16 : 6
            while let range = PhraseMatcher.firstRange(of: phrase, in: rest) {
                let before = String(rest[..<range.lowerBound].suffix(reach))
                let clauseEnd = rest[range.upperBound...].firstIndex { Self.clauseEnds.contains($0) }
                let asks = clauseEnd.map { rest[$0] == "?" || rest[$0] == "？" || rest[..<$0].hasSuffix("吗") } ?? rest.hasSuffix("吗")
                // "他让我交了保证金": a request carried out ("了") is what happened, not only what was asked.
                let done = phrase.hasSuffix("了")
                let negated = negations.contains { negation in
                    !(done && Self.requests.contains(negation)) && PhraseMatcher.contains(before, term: negation)
                }
                if !asks, !negated { return true }
                rest = String(rest[range.upperBound...])
            }
            return false
        }
    }

    /// Words that turn a phrase that follows them into its opposite (normalised), or into what someone
    /// asked for ("让我把助记词发给他" is the scammer's request, not the user's act).
    static let negations = [
        "not", "no", "none", "nothing", "nobody", "neither", "never", "didn't", "didnt", "haven't", "havent", "asked me to", "told me to", "wants me to", "wanted me to",
        "没", "不", "未", "别", "让", "要我", "叫我",
    ]
    /// The negations that mark what someone asked for ("让我…", "要我…"), not a denial.
    static let requests: Set<String> = ["让", "要我", "叫我"]

    /// Words that make a message about what might happen or nearly happened (normalised).
    static let hedges = [
        "if", "almost", "nearly", "in case", "afraid", "worried", "如果", "要是", "假如", "万一", "差点", "差一点", "险些", "怕",
        "担心", "会不会", "能不能", "可不可以", "是不是",
    ]
    /// Words that deny an act somewhere in the message ("他说发给他就能解冻，我没发").
    static let denials = [
        "didn't", "didnt", "did not", "haven't", "havent", "have not", "never", "nothing", "nobody", "thought", "still there",
        "phone was stolen", "phone got stolen", "lost my phone", "没发", "没给", "没填", "没输", "没转", "没交", "没付",
    ]
    private static let hedgesAndDenials = hedges + denials
    /// Characters that end a clause (a question ends with "?" or "？").
    static let clauseEnds: Set<Character> = [".", ",", "!", "?", ";", "。", "，", "！", "？", "；"]

    /// The id of a choice's catch-all option.
    static let catchAllOption = "other"

    /// What `message`, which the awaited `field` rejected, answers among the flow's other open
    /// questions, kept only where it cannot be mistaken ("一万U" counts as an amount with its token):
    /// - a transaction hash or an address, when the value is not one the user already gave;
    /// - and, read without those, an amount that names its token ("250 USDC"; a bare number could be anything),
    ///   a time written with words ("3 hours ago", "昨晚十点"; a bare number is not a time), and the
    ///   user's contact when they say it is theirs ("my email is …", "联系我 …"): a bare number or
    ///   address may be the scammer's, and the team must never write to that. A phone number needs
    ///   its country ("+44 …", a Chinese mobile); a bare run of digits may be a block number.
    ///
    /// With `alongAcceptedAnswer` (the message also answered `field`), only identifiers and an
    /// amount with its token are looked for ("TRC20, 500U", or a TRON address for the network), and
    /// a time and contact too when the message held an identifier ("200 usdt on tron yesterday at
    /// 3pm to T…"). A time beside a short answer is rare, and reading it costs a date parse.
    func volunteeredAnswers(
        besides field: FieldDefinition, flow: FlowState, definition: FlowDefinition, message: UserMessage,
        alongAcceptedAnswer: Bool = false
    ) -> [EarlyAnswer] {
        let open = earlyAnswerFields(besides: field, flow: flow, definition: definition)
        // "my usdt is gone" asked for the channel: the yes to "has money left your wallet?". Each
        // yes/no field has its own phrases, so several open ones are told apart.
        let saidYes = alongAcceptedAnswer ? [] : openingYesAnswers(besides: field, flow: flow, definition: definition, message: message)
        guard !open.isEmpty else { return saidYes }
        var search = EarlyAnswerSearch(engine: self, flow: flow, message: message, open: open)
        // Each kind is validated only when the text has what it needs (this runs on many turns): an
        // identifier a long alphanumeric run, an amount a numeral, a time a letter and a time word or
        // numeral (`DateExpression.mayHold`), a contact an "@" or a phone number's digits.
        var text = CharacterCounts(message.normalized)
        var message = message
        let identifiers = search.identifiers(counts: text)
        if !identifiers.isEmpty {
            // "200 usdt on tron yesterday at 3pm to T…": the rest is read without the identifiers,
            // whose digits are no amount; a message that is only the identifier ends here.
            guard let rest = Self.withoutIdentifiers(message) else { return identifiers + saidYes }
            message = rest
            text = CharacterCounts(rest.normalized)
            let left = open.filter { field in !identifiers.contains { $0.field.name == field.name } }
            search = EarlyAnswerSearch(engine: self, flow: flow, message: rest, open: left)
        }
        var found = identifiers
        if text.digits > 0 || text.hasChineseNumeral, let amount = search.accepted(as: .amount),
            amount.value.inferred["asset"] != nil
        {
            found.append(amount)
        }
        // Beside an accepted answer a time is rare, and reading one costs a date parse on most turns:
        // only in a message that also held an identifier, so said several things.
        if alongAcceptedAnswer && identifiers.isEmpty { return found }
        if text.letters > 0, DateExpression.mayHold(message.normalized, counts: text) {
            // "200 usdt … yesterday at 3pm": the time is read without the amount.
            if found.contains(where: { $0.field.kind == .amount }) {
                var timeOnly = message
                timeOnly.text = DecimalText.scan(message.text).textWithoutAmounts
                timeOnly.normalized = TextNormalizer.normalize(timeOnly.text)
                var timeSearch = EarlyAnswerSearch(engine: self, flow: flow, message: timeOnly, open: search.open)
                if let time = timeSearch.accepted(as: .dateTime) { found.append(time) }
            } else if let time = search.accepted(as: .dateTime) {
                found.append(time)
            }
        }
        if Self.maySayOwnContact(message, counts: text), let contact = search.accepted(as: .contact),
            Self.isReachable(contact.value)
        {
            found.append(contact)
        }
        return found + saidYes
    }

    /// `message` with its addresses and hashes (alphanumeric runs of `shortestIdentifier` or more)
    /// blanked out, when something is left to read (a numeral or three letters); nil otherwise.
    static func withoutIdentifiers(_ message: UserMessage) -> UserMessage? {
        var text = ""
        var run = ""
        for character in message.text + " " {
            if character.isASCII, character.isLetter || character.isNumber {
                run.append(character)
                continue
            }
            text += run.count >= shortestIdentifier ? " " : run
            run = ""
            text.append(character)
        }
        let counts = CharacterCounts(TextNormalizer.normalize(text))
        guard counts.digits > 0 || counts.hasChineseNumeral || counts.letters >= 3 else { return nil }
        var rest = message
        rest.text = String(text.dropLast())
        rest.normalized = TextNormalizer.normalize(rest.text)
        rest.words = rest.text
        return rest
    }

    /// Whether `message` (with its `counts`) has an "@" or a phone number's digits, and words that
    /// make a contact in it the user's own ("my email is …", "联系我 …").
    static func maySayOwnContact(_ message: UserMessage, counts: CharacterCounts) -> Bool {
        (counts.hasAt || counts.digits >= shortestPhoneNumber)
            && ownContactMarkers.contains(where: { PhraseMatcher.contains(message.normalized, term: $0) })
    }

    /// Whether an accepted contact can be used to reach the user: a phone number needs its country
    /// ("+44 …", a Chinese mobile), since a bare run of digits may be a block number.
    static func isReachable(_ contact: EvidenceValue) -> Bool {
        contact.inferred["contact_kind"] != "phone" || contact.value.hasPrefix("+")
    }

    /// The user's own contact in `message` ("my email is …"), if it says one.
    func ownContact(in message: UserMessage, flow: FlowState) -> EvidenceValue? {
        guard Self.maySayOwnContact(message, counts: CharacterCounts(message.normalized)),
            case .accepted(let contact) = validator.validate(
                message.text, as: .contact, context: context(for: flow, message: message)),
            Self.isReachable(contact)
        else { return nil }
        return contact
    }

    /// Whether `message`, rejected by the awaited field, is a time written with words that the
    /// flow's time field would take (answered or not): an answer given again, not a question.
    func restatesTime(_ message: UserMessage, flow: FlowState) -> Bool {
        guard DateExpression.mayHold(message.normalized, counts: CharacterCounts(message.normalized)),
            catalog.intent(flow.intent)?.flow?.fields.contains(where: { $0.kind == .dateTime }) == true,
            case .accepted = validator.validate(message.text, as: .dateTime, context: context(for: flow, message: message))
        else { return false }
        return true
    }

    /// The shortest address or transaction id, in characters (a Bitcoin P2PKH address has 25 or more).
    static let shortestIdentifier = 25
    /// The fewest digits a phone number has.
    static let shortestPhoneNumber = 7

    /// Words that make a contact in a message the user's own (normalised, lower case).
    static let ownContactMarkers = [
        "my", "me", "i'm", "reach", "我的", "联系我", "找我", "我邮箱", "我手机", "我电话", "我tg", "我telegram",
    ]

    /// Stores answers given before they were asked, or corrections of earlier ones, and shows back
    /// every answer that is new or changed as "label: value" lines (with what they settle, such as
    /// the token of "500 USDT"), so a misreading is seen at once.
    func note(
        _ answers: [EarlyAnswer], in flow: inout FlowState, definition: FlowDefinition, language: Language,
        draft: inout ReplyDraft, intro: MessageKey = .noted
    ) {
        let previous = Set(flow.answers)
        for answer in answers { store(answer.value, as: answer.field.name, in: &flow, definition: definition) }
        var lines = [catalog.message(intro, language)]
        for answer in flow.answers where !previous.contains(answer) {
            guard let noted = definition.fields.first(where: { $0.name == answer.field }) else { continue }
            lines.append(noted.label(language) + language.labelSeparator + display(answer, in: flow, language: language))
        }
        draft.add(lines.joined(separator: "\n"))
        if answers.contains(where: { Self.poisoningFields.contains($0.field.name) }) {
            addPoisoningWarning(flow, language: language, to: &draft)
        }
    }

    /// The open fields besides `field` that an early answer may fill: those that certainly apply
    /// (a field whose condition waits on an open question may not apply at all), and of each kind
    /// only a field that is the flow's one open field of that kind, so an address is never guessed
    /// to be the sender's or the recipient's.
    private func earlyAnswerFields(
        besides field: FieldDefinition?, flow: FlowState, definition: FlowDefinition
    ) -> [FieldDefinition] {
        let open = applicableFields(of: flow, in: definition).filter { other in
            other.name != field?.name && flow.isOpen(other.name)
                && !(other.condition.map { flow.isOpen($0.field) } ?? false)
        }
        return open.filter { candidate in open.count { $0.kind == candidate.kind } == 1 }
    }
}

/// A value for a field that was not the one asked.
struct EarlyAnswer {
    var field: FieldDefinition
    var value: EvidenceValue
}

/// Validates a message as the answer to open fields of a flow, building the validation context
/// only once a field could take the answer.
private struct EarlyAnswerSearch {
    let engine: DialogueEngine
    let flow: FlowState
    let message: UserMessage
    /// The fields that may take an answer (see `earlyAnswerFields`).
    let open: [FieldDefinition]
    private var context: ValidationContext?

    init(engine: DialogueEngine, flow: FlowState, message: UserMessage, open: [FieldDefinition]) {
        self.engine = engine
        self.flow = flow
        self.message = message
        self.open = open
    }

    /// The message as the answer to the open field of `kind`, if there is one and it accepts it.
    mutating func accepted(as kind: FieldKind) -> EarlyAnswer? {
        guard let target = open.first(where: { $0.kind == kind }) else { return nil }
        let context = self.context ?? engine.context(for: flow, message: message)
        self.context = context
        guard case .accepted(let value) = engine.validator.validate(message.text, as: kind, context: context) else {
            return nil
        }
        return EarlyAnswer(field: target, value: value)
    }

    /// The transaction hash and the address the message holds, each for its open field, leaving
    /// out a value the user already gave; none when the text (`counts`) has no run long enough.
    mutating func identifiers(counts: CharacterCounts) -> [EarlyAnswer] {
        guard counts.longestAlphanumericRun >= DialogueEngine.shortestIdentifier else { return [] }
        return [FieldKind.txHashes, .address].compactMap { accepted(as: $0) }.filter { found in
            !flow.answers.contains { $0.value.value == found.value.value }
                && DialogueEngine.addressFitsOwner(found.value, of: found.field, in: message)
        }
    }
}

extension DialogueEngine {
    /// Whether the words just before an address agree with whose address `field` holds: "sent it to
    /// T…" is not the user's own wallet, "my own wallet is T…" not the thief's. True for other kinds.
    static func addressFitsOwner(_ value: EvidenceValue, of field: FieldDefinition, in message: UserMessage) -> Bool {
        guard case .address = field.kind, let owner = owner(of: value.value, in: message.normalized) else { return true }
        return owner == .other ? !ownAddressFields.contains(field.name) : !otherAddressFields.contains(field.name)
    }

    /// Whose address the words just before `address` in `text` (normalised) make it: where funds
    /// went ("to T…"), the user's own ("from my T…"), or nil when they say neither or both.
    static func owner(of address: String, in text: String) -> AddressOwner? {
        guard let range = PhraseMatcher.firstRange(of: address.lowercased(), in: text) else { return nil }
        let before = String(text[..<range.lowerBound].suffix(24))
        let saysOther = recipientMarkers.contains { PhraseMatcher.contains(before, term: $0) }
        let saysOwn = ownAddressMarkers.contains { PhraseMatcher.contains(before, term: $0) }
        return saysOther == saysOwn ? nil : saysOther ? .other : .own
    }

    enum AddressOwner { case own, other }

    /// Fields holding the user's own address, and fields holding where funds went.
    static let ownAddressFields: Set<String> = ["wallet_address", "intended_address"]
    static let otherAddressFields: Set<String> = ["counterparty_address", "to_address"]
    /// Words before an address that make it where funds went (normalised).
    static let recipientMarkers = [
        "to", "into", "hacker", "hacker's", "thief", "scammer", "his", "their", "转到", "转给", "转入", "转去", "打到", "转至",
        "收款", "对方", "黑客", "骗子",
    ]
    /// The words right after each of `markers` in `text` (normalised), up to a clause's end or
    /// `followingReach` bytes, joined by " | ": "sent it to my friend yesterday, …" after "to" gives
    /// "my friend yesterday".
    static func following(_ markers: [String], in text: String) -> String {
        var pieces: [String] = []
        for marker in markers {
            var rest = text
            while let range = PhraseMatcher.firstRange(of: marker, in: rest) {
                var piece = ""
                for character in rest[range.upperBound...] {
                    guard !clauseEnds.contains(character), piece.utf8.count + character.utf8.count <= followingReach else { break }
                    piece.append(character)
                    // "from binance to my wallet": where it came from ends where it went begins.
                    if let stop = Self.directionWords.first(where: { piece.hasSuffix($0) }) {
                        piece.removeLast(stop.count)
                        break
                    }
                }
                pieces.append(piece)
                rest = String(rest[range.upperBound...])
            }
        }
        return pieces.joined(separator: " | ")
    }

    /// Words that start the other end of a transfer, where `following` stops (normalised).
    static let directionWords = [" to ", " into ", " from ", "到", "给", "从"]

    /// How far (UTF-8 bytes) `following` reads past a marker: a few words, eight Han characters.
    static let followingReach = 24

    /// Words before an address that make it the user's own (normalised).
    static let ownAddressMarkers = ["my", "mine", "from", "我的", "我自己", "我钱包", "我地址", "从"]
}

extension FieldKind {
    /// Whether `openingAnswers` can read this kind off a sentence, so content may mark it
    /// `from_opening` (the loader refuses the key on other kinds).
    public var isReadableFromOpening: Bool {
        switch self {
        case .choice, .multiChoice, .chain, .asset, .amount, .dateTime, .url, .ticketID: true
        default: false
        }
    }

    /// Whether this kind picks among options (`choice`, `multi_choice`).
    public var isChoice: Bool {
        switch self {
        case .choice, .multiChoice: true
        default: false
        }
    }

    /// Whether answers of this kind are the user's own words (`text`).
    var isFreeText: Bool {
        if case .text = self { return true }
        return false
    }

    /// Whether an accepted answer of this kind may also answer other questions ("TRC20, 500U" to
    /// the network question). Free text, choices and yes/no are taken as a whole: an amount inside
    /// "how it happened" may be any amount of the story.
    var mayCarryOtherAnswers: Bool {
        switch self {
        case .chain, .address, .txHashes, .asset, .amount, .dateTime: true
        default: false
        }
    }
}

extension String {
    /// Whether the text has a space or a separating mark (ASCII `,;!?:`, any non-ASCII punctuation
    /// such as "，") between two other characters: one without ("TRC20", "0x…", "500U", "1.5") is a
    /// single answer.
    var holdsSeveralParts: Bool {
        var seenContent = false
        var separated = false
        for scalar in unicodeScalars {
            let separates =
                scalar.isASCII
                ? scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "," || scalar == ";" || scalar == "!"
                    || scalar == "?" || scalar == ":"
                : scalar.properties.isWhitespace || scalar.properties.generalCategory.isPunctuation
            if separates {
                separated = seenContent
            } else {
                if separated { return true }
                seenContent = true
            }
        }
        return false
    }
}

/// What a text is made of, counted in one pass over its scalars, to skip validators that could
/// not accept it. Every non-ASCII scalar counts as a letter (Han text is words; a stray "，" only
/// lets a validator run).
struct CharacterCounts {
    var letters = 0
    var digits = 0
    var hasAt = false
    var hasChineseNumeral = false
    var longestAlphanumericRun = 0

    init(_ text: String) {
        var run = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39:
                digits += 1
                run += 1
            case 0x41...0x5A, 0x61...0x7A:
                letters += 1
                run += 1
            case 0x80...:
                letters += 1
                run = 0
                if Self.chineseNumerals.contains(scalar) { hasChineseNumeral = true }
            default:
                if scalar == "@" { hasAt = true }
                run = 0
            }
            longestAlphanumericRun = max(longestAlphanumericRun, run)
        }
    }

    private static let chineseNumerals: Set<Unicode.Scalar> = Set("一二三四五六七八九十百千万两".unicodeScalars)
}

extension Unicode.GeneralCategory {
    /// One of the seven punctuation categories (`P*`).
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            true
        default: false
        }
    }
}

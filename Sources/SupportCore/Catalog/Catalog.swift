import Foundation

/// Everything the bot knows, loaded once from `Intents/`: the desk's settings, the intents with
/// their examples, keywords, replies and flows, and the engine's own messages.
public struct Catalog: Sendable {
    public var configuration: DeskConfiguration
    public var intents: [IntentDefinition]
    /// The engine's own sentences (re-prompts, summaries, warnings), keyed by `MessageKey`.
    public var messages: [MessageKey: LocalizedText]

    public init(configuration: DeskConfiguration, intents: [IntentDefinition], messages: [MessageKey: LocalizedText]) {
        self.configuration = configuration
        self.intents = intents
        self.messages = messages
    }

    /// The intent with `id`, if the catalog has it.
    public func intent(_ id: IntentID) -> IntentDefinition? { intents.first { $0.id == id } }

    /// The message for `key` in `language` with `{placeholders}` filled from `values` and the
    /// configuration (`{brand}`, `{support_email}`, `{support_hours}`, `{official_domains}`).
    public func message(_ key: MessageKey, _ language: Language, _ values: [String: String] = [:]) -> String {
        let template = messages[key]?(language) ?? key.rawValue
        return configuration.fill(template, language: language, values: values)
    }
}

/// A help desk's own settings, edited in `Intents/config.yml`.
public struct DeskConfiguration: Codable, Hashable, Sendable {
    public var brand: String
    /// Official domains, e.g. `tokenpocket.pro`; a phishing check compares against these.
    public var officialDomains: [String]
    public var supportEmail: String
    public var supportHours: LocalizedText
    /// IANA name of the desk's time zone; relative dates ("last night") resolve in it.
    public var timeZone: String
    public var thresholds: Thresholds

    public init(
        brand: String, officialDomains: [String], supportEmail: String, supportHours: LocalizedText,
        timeZone: String = "Asia/Shanghai", thresholds: Thresholds = Thresholds()
    ) {
        self.brand = brand
        self.officialDomains = officialDomains
        self.supportEmail = supportEmail
        self.supportHours = supportHours
        self.timeZone = timeZone
        self.thresholds = thresholds
    }

    /// Classifier and flow thresholds a desk may tune.
    public struct Thresholds: Codable, Hashable, Sendable {
        /// Below this confidence the message is `out_of_scope`.
        public var minimumConfidence: Double
        /// When best minus runner-up is below this, the message is `out_of_scope`.
        public var minimumMargin: Double
        /// Failed attempts at one field before the bot offers to skip it or hand over.
        public var maxFieldAttempts: Int
        /// A case at or above this amount (in the asset's units) is raised one priority step.
        public var highValueAmount: Double

        public init(
            minimumConfidence: Double = 0.35, minimumMargin: Double = 0.05, maxFieldAttempts: Int = 3,
            highValueAmount: Double = 10_000
        ) {
            self.minimumConfidence = minimumConfidence
            self.minimumMargin = minimumMargin
            self.maxFieldAttempts = maxFieldAttempts
            self.highValueAmount = highValueAmount
        }

        /// The intent to act on: the prediction's, or `out_of_scope` when it is too weak or too close
        /// to the runner-up to pretend to understand.
        public func decide(_ prediction: IntentPrediction) -> IntentID {
            prediction.confidence < minimumConfidence || prediction.margin < minimumMargin ? .outOfScope : prediction.intent
        }
    }

    public var resolvedTimeZone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)! }

    /// Fills `{name}` placeholders from `values`, then from the configuration, in one pass: a value
    /// is never searched for placeholders itself, and an unknown `{name}` stays as written.
    public func fill(_ template: String, language: Language, values: [String: String] = [:]) -> String {
        // Braces are ASCII, so byte offsets next to them are scalar boundaries and the pieces
        // between them are whole UTF-8. The template's contiguous bytes are scanned, not
        // `String.Index` slices (every prompt of every flow passes through here), and the result
        // is assembled once.
        var template = template
        let filled: [UInt8]? = template.withUTF8 { bytes in
            let openBrace = UInt8(ascii: "{")
            let closeBrace = UInt8(ascii: "}")
            guard var open = bytes.firstIndex(of: openBrace) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 64)
            var copied = 0
            while let close = bytes[(open + 1)...].firstIndex(of: closeBrace) {
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<close]), as: UTF8.self)
                if let value = values[name] ?? placeholder(name, language: language) {
                    result.append(contentsOf: bytes[copied..<open])
                    result.append(contentsOf: value.utf8)
                    copied = close + 1
                }
                guard let next = bytes[(close + 1)...].firstIndex(of: openBrace) else { break }
                open = next
            }
            result.append(contentsOf: bytes[copied...])
            return result
        }
        return filled.map { String(decoding: $0, as: UTF8.self) } ?? template
    }

    /// The configuration's value for the placeholder `name`, if it has one.
    private func placeholder(_ name: String, language: Language) -> String? {
        switch name {
        case "brand": brand
        case "support_email": supportEmail
        case "support_hours": supportHours(language)
        case "official_domains": officialDomains.joined(separator: language.listSeparator)
        default: nil
        }
    }
}

/// One intent: what people say (examples, keywords), what the bot answers, and the flow, if any.
public struct IntentDefinition: Sendable, Hashable {
    public var id: IntentID
    public var examples: [Language: [String]]
    /// Extra evidence for this intent: a normalised word or phrase and its weight.
    public var keywords: [Language: [String: Double]]
    /// The first answer. For a flow intent it gives the immediate advice before the first question.
    public var reply: LocalizedText
    /// The answer given in the middle of another report (`reply_in_flow:`), without offers that only
    /// make sense outside one ("say 'report theft'", "tell me the network"). An intent with a flow
    /// is answered mid-report only when it has one.
    public var replyInFlow: LocalizedText?
    /// The answer when the same question comes right back ("who will pay me back then?" after the
    /// compensation answer): what it adds, not the first answer word for word (`reply_again:`).
    public var replyAgain: LocalizedText?
    public var priority: Priority
    public var flow: FlowDefinition?
    /// Where the intent's content was read from, for `lint` messages.
    public var source: SourceLocation?

    public init(
        id: IntentID, examples: [Language: [String]], keywords: [Language: [String: Double]] = [:],
        reply: LocalizedText, replyInFlow: LocalizedText? = nil, replyAgain: LocalizedText? = nil, priority: Priority = .normal,
        flow: FlowDefinition? = nil, source: SourceLocation? = nil
    ) {
        self.id = id
        self.examples = examples
        self.keywords = keywords
        self.reply = reply
        self.replyInFlow = replyInFlow
        self.replyAgain = replyAgain
        self.priority = priority
        self.flow = flow
        self.source = source
    }
}

extension IntentDefinition {
    /// Whether a question for this intent is answered in the middle of another report: it has no
    /// flow of its own, or an answer written for that (`replyInFlow`).
    public var answersMidFlow: Bool { flow == nil || replyInFlow != nil }
}

/// A file and line in `Intents/`, carried so errors point at the content.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
    public var description: String { "\(file):\(line)" }
}

/// The scripted collection of evidence for an intent.
public struct FlowDefinition: Sendable, Hashable {
    public var fields: [FieldDefinition]
    /// Whether a completed flow is handed to the human queue (false: the answer is the end).
    public var createsTicket: Bool
    /// Said when a flow without a ticket completes (`done:`); may use `{field_name}` placeholders.
    public var completion: LocalizedText?
    /// The report that starts once this one is filed, when its condition holds (`follow_up:`).
    public var followUp: FollowUp?
    /// Reports this one turns into when the user says mid-flow that it is one of them (`turns_into:`):
    /// "oh wait, I sent it to the wrong address" during a late transfer. Answers both ask are kept.
    public var turnsInto: [IntentID]

    public init(
        fields: [FieldDefinition], createsTicket: Bool = true, completion: LocalizedText? = nil, followUp: FollowUp? = nil,
        turnsInto: [IntentID] = []
    ) {
        self.fields = fields
        self.createsTicket = createsTicket
        self.completion = completion
        self.followUp = followUp
        self.turnsInto = turnsInto
    }
}

/// A second report that a filed one leads to: a fake-support case in which money left the wallet
/// goes on to a theft report, which starts with the answers both reports ask for.
public struct FollowUp: Sendable, Hashable {
    /// When the follow-up starts, on the filed report's answers (`funds_moved == yes`).
    public var condition: FieldCondition
    public var intent: IntentID
    /// Fields whose answers the follow-up takes over (same name and type in both flows).
    public var carried: [String]
    /// Answers the follow-up starts with when their condition holds on the filed report: a phrase
    /// given to fake support is how the theft happened.
    public var answers: [FollowUpAnswer]
    /// Whether the follow-up starts with its intent's own advice (`advise: true`): a theft report
    /// after a link check or a revoke how-to, which said nothing about the police or recovery scams.
    /// Off by default, for reports whose reply already gave that advice (fake support).
    public var advises: Bool
    /// Whether an opening that already meets the condition starts the follow-up instead of this
    /// report (`instead_at_opening: true`): "someone has access to my wallet, 50 trx is missing" is
    /// a theft to report, and the questions about the alert come too late to help.
    public var replacesAtOpening: Bool

    public init(
        condition: FieldCondition, intent: IntentID, carried: [String], answers: [FollowUpAnswer] = [], advises: Bool = false,
        replacesAtOpening: Bool = false
    ) {
        self.condition = condition
        self.intent = intent
        self.carried = carried
        self.answers = answers
        self.advises = advises
        self.replacesAtOpening = replacesAtOpening
    }
}

/// `{field: how_it_happened, value: shared_phrase_with_person, when: {field: secret_shared, in: [yes]}}`.
public struct FollowUpAnswer: Sendable, Hashable {
    /// A field of the follow-up's flow, and the value it starts with.
    public var field: String
    public var value: String
    /// On the filed report's answers; nil: always.
    public var condition: FieldCondition?

    public init(field: String, value: String, condition: FieldCondition? = nil) {
        self.field = field
        self.value = value
        self.condition = condition
    }
}

/// One piece of evidence a flow asks for.
public struct FieldDefinition: Sendable, Hashable {
    /// Storage name, e.g. `wallet_address`; also the protocol's `awaiting` value.
    public var name: String
    public var kind: FieldKind
    public var isRequired: Bool
    public var prompt: LocalizedText
    /// Short label for the summary shown before hand-off ("Wallet address" / "钱包地址").
    public var label: LocalizedText
    /// Asked only when this condition on earlier answers holds (e.g. `secret_shared == yes`).
    public var condition: FieldCondition?
    /// The message that starts the flow may answer this field (`from_opening: true`; choices,
    /// network, token, amount and time): "support phoned me and asked for my phrase" says the
    /// channel and what was asked for.
    public var fromOpening: Bool
    /// For a yes/no field: phrases that, said in the opening message, answer it yes ("I already
    /// gave it to him" for "did they get your phrase?"), normalised. A phrase right after a
    /// negation ("没有发给他") does not count. An opening never answers no.
    public var openingYes: [String]
    /// Said when the user is not sure of a required answer (`unsure:`): how to find out, or which
    /// answer is the safe one. The question is then asked again.
    public var unsureHint: LocalizedText?
    /// For a choice read from the opening: words an option must follow there (`opening_after:`),
    /// normalised. Where the money went is named after "to" or "到": "I withdrew from binance to my
    /// wallet" does not say it went to an exchange.
    public var openingAfter: [String]

    public init(
        name: String, kind: FieldKind, isRequired: Bool, prompt: LocalizedText, label: LocalizedText,
        condition: FieldCondition? = nil, fromOpening: Bool = false, openingYes: [String] = [],
        unsureHint: LocalizedText? = nil, openingAfter: [String] = []
    ) {
        self.openingAfter = openingAfter.map(TextNormalizer.normalize).filter { !$0.isEmpty }
        self.name = name
        self.kind = kind
        self.isRequired = isRequired
        self.prompt = prompt
        self.label = label
        self.condition = condition
        self.fromOpening = fromOpening || !openingYes.isEmpty
        self.openingYes = openingYes.map(TextNormalizer.normalize).filter { !$0.isEmpty }
        self.unsureHint = unsureHint
    }
}

/// "Ask this field only if field `field` has one of `values`" (or, with `values` empty, is missing).
public struct FieldCondition: Sendable, Hashable {
    public var field: String
    public var values: [String]
    public init(field: String, values: [String]) {
        self.field = field
        self.values = values
    }
}

/// An option of a `choice` or `multiChoice` field.
public struct ChoiceOption: Sendable, Hashable, Codable {
    /// Stored value, e.g. `telegram`.
    public let id: String
    public let label: LocalizedText
    /// Other words people use for it, any language, matched after normalisation ("电报", "tg").
    public let aliases: [String]
    /// Answers this option gives to other choice fields of the flow, by field name ("transferred to
    /// an exchange" says it was sent from a wallet, not withdrawn from one).
    public let implies: [String: String]
    /// What an answer may say to pick it: the id (also with spaces for `_`) and the normalised
    /// labels and aliases. Worked out once here, not on every answer.
    let terms: [Term]

    /// A normalised term and its length in characters (matching prefers longer terms).
    struct Term: Sendable, Hashable {
        let text: String
        let length: Int
    }

    public init(id: String, label: LocalizedText, aliases: [String] = [], implies: [String: String] = [:]) {
        self.id = id
        self.label = label
        self.aliases = aliases
        self.implies = implies
        var terms = [id, id.replacingOccurrences(of: "_", with: " ")]
        terms += Language.allCases.compactMap { label.values[$0] }.map(TextNormalizer.normalize)
        terms += aliases.map(TextNormalizer.normalize)
        self.terms = terms.filter { !$0.isEmpty }.map { Term(text: $0, length: $0.count) }
    }

    private enum CodingKeys: String, CodingKey { case id, label, aliases, implies }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id), label: try container.decode(LocalizedText.self, forKey: .label),
            aliases: try container.decode([String].self, forKey: .aliases),
            implies: try container.decodeIfPresent([String: String].self, forKey: .implies) ?? [:])
    }
}

/// The kinds of evidence a flow field can hold; each has its own validator.
public enum FieldKind: Sendable, Hashable {
    case chain
    /// An address, checked against the `chain` answered earlier (or inferring it).
    case address
    /// One to ten transaction ids or explorer URLs.
    case txHashes
    case asset
    case amount
    case dateTime
    case choice([ChoiceOption])
    case multiChoice([ChoiceOption])
    case yesNo
    case url
    case contact
    case ticketID
    /// `^\d+(\.\d+){1,3}$`, an app version.
    case version
    case text(minLength: Int, maxLength: Int)

    /// The spelling used in `Intents/*.yml` (`type:`).
    public var wireName: String {
        switch self {
        case .chain: "chain"
        case .address: "address"
        case .txHashes: "tx_hashes"
        case .asset: "asset"
        case .amount: "amount"
        case .dateTime: "datetime"
        case .choice: "choice"
        case .multiChoice: "multi_choice"
        case .yesNo: "yes_no"
        case .url: "url"
        case .contact: "contact"
        case .ticketID: "ticket_id"
        case .version: "version"
        case .text: "text"
        }
    }

    public static let wireNames = [
        "chain", "address", "tx_hashes", "asset", "amount", "datetime", "choice", "multi_choice", "yes_no", "url",
        "contact", "ticket_id", "version", "text",
    ]
}

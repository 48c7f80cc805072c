import Foundation

/// How the engine reads a message whose words mislead the classifier: a greeting in front of what
/// happened, a loss denied, a phrase someone else holds; and the word lists behind those readings.
extension DialogueEngine {
    /// `decided` (and its `prediction`) for `message`, read again where its words mislead the classifier.
    func rerouted(
        _ message: UserMessage, prediction: IntentPrediction, decided: IntentID
    ) -> (prediction: IntentPrediction, decided: IntentID) {
        var (prediction, decided) = (prediction, decided)
        // "hey i need help my usdt is gone": what follows a greeting is the message, when it says more.
        // "a fake support guy called, nothing was stolen": a denied loss is not a theft to report.
        // A greeting gives way only to a clear reading of the rest ("hi there, how are you" stays a
        // greeting); a denied loss to any other intent, since a theft report would be wrong.
        let strip: (terms: [String], keep: [IntentID], confidence: Double)? =
            switch decided {
            case .greeting: (greetingKeywords(message.language), [.greeting, .goodbye, .outOfScope], 0.75)
            case .reportTheft: (Self.deniedLoss, [.reportTheft, .outOfScope], 0)
            default: nil
            }
        if let strip, let rest = Self.removing(strip.terms, from: message.words) {
            let restPrediction = classifier.classify(rest)
            let restDecided = catalog.configuration.thresholds.decide(restPrediction)
            if restPrediction.confidence >= strip.confidence, !strip.keep.contains(restDecided) {
                (prediction, decided) = (restPrediction, restDecided)
            }
        }
        // "nothing was stolen", "没有被盗，就是担心": still a theft report by its words, but nothing
        // was lost. The security advice fits a worried user better than a report of a theft.
        // With a link in it, the link is what to look at ("I typed my phrase into tp-airdrop.top but
        // nothing was stolen yet").
        if decided == .reportTheft, let denied = Self.blanking(Self.deniedLoss, in: message.normalized),
            !Self.lossPhrases.contains(where: { PhraseMatcher.contains(denied, term: $0) })
        {
            let fallback: IntentID = WebAddress.find(in: message.text) != nil ? .phishingCheck : .securityTips
            if catalog.intent(fallback) != nil { decided = fallback }
        }
        // "I connected my wallet to tokenpocket-airdrop.xyz and approved usdt, is it a scam?": a
        // question about a site, with no loss said, is a link to check (which says to revoke).
        if decided == .reportTheft, message.isQuestion, catalog.intent(.phishingCheck) != nil,
            WebAddress.find(in: message.text) != nil,
            !Self.lossPhrases.contains(where: { PhraseMatcher.contains(message.normalized, term: $0) })
        {
            decided = .phishingCheck
        }
        // "a scammer has my seed phrase": a phrase someone else holds is exposed, not lost.
        if decided == .lostMnemonic, catalog.intent(.unauthorizedAccess) != nil,
            Self.says(anyOf: Self.leakedSecret, in: message.normalized)
        {
            decided = .unauthorizedAccess
        }
        // "someone has access to my wallet, 50 trx is missing": the report that would follow this one
        // once money has left starts now.
        if let flow = catalog.intent(decided)?.flow, let followUp = flow.followUp, followUp.replacesAtOpening,
            catalog.intent(followUp.intent) != nil,
            let field = flow.fields.first(where: { $0.name == followUp.condition.field }),
            Self.says(anyOf: field.openingYes, in: message.normalized)
        {
            decided = followUp.intent
        }
        return (prediction, decided)
    }

    /// A contact the user gives outside a report.
    enum GivenContact {
        /// One the team replies on ("sam@example.com", "my phone is +44 7700900123").
        case reachable(EvidenceValue)
        /// Their own WeChat or QQ id ("我的微信是 wxid_abc123，加我"), where the team never contacts anyone.
        case unsupportedChannel
    }

    /// The user's contact in a message sent outside a report: said as theirs ("my email is …",
    /// "我的邮箱是 …"), or the whole message ("sam@example.com", "+44 7700900123"). A WeChat or QQ
    /// id counts only when said as their own id ("my wechat is …"): "有人加我微信说是客服" is a
    /// scam to report. Before any case is filed only such an id is looked for: an e-mail alone is
    /// nothing to act on then.
    func contactGiven(_ message: UserMessage, afterFiling: Bool) -> GivenContact? {
        let ownMessengerID = Self.ownMessengerMarkers.contains { PhraseMatcher.contains(message.normalized, term: $0) }
        guard afterFiling || ownMessengerID else { return nil }
        let counts = CharacterCounts(message.normalized)
        let said = Self.ownContactMarkers.contains { PhraseMatcher.contains(message.normalized, term: $0) }
        let bare =
            (counts.hasAt || counts.digits >= Self.shortestPhoneNumber)
            && !message.text.trimmingCharacters(in: .whitespacesAndNewlines).contains(where: \.isWhitespace)
        guard said || bare || ownMessengerID else { return nil }
        let flow = FlowState(intent: .contactSupport, priority: .normal)
        switch validator.validate(message.text, as: .contact, context: context(for: flow, message: message)) {
        case .accepted(let contact) where Self.isReachable(contact): return .reachable(contact)
        case .rejected(let rejection) where rejection.reason == .contactUnsupportedChannel && ownMessengerID:
            return .unsupportedChannel
        default: return nil
        }
    }

    /// Giving one's own WeChat or QQ id (normalised). Only "… is" forms: "someone asked for my
    /// wechat id", "我的微信号被盗了", "有人加我微信" say something else.
    static let ownMessengerMarkers = [
        "my wechat is", "my wechat id is", "my wechat:", "my qq is", "my qq number is", "my qq:", "我的微信是", "我的微信号是",
        "我微信是", "我微信号是", "我的vx是", "我的qq是", "我的qq号是", "我qq是", "我qq号是",
    ]

    /// Saying money was lost (normalised), beside a denial ("nothing was stolen from my main wallet,
    /// but my trading wallet was drained").
    static let lossPhrases = [
        "was drained", "got drained", "were stolen", "was stolen", "got stolen", "is gone", "are gone", "被转走了", "被盗了",
        "没了", "不见了",
    ]

    /// Saying someone else holds the phrase or key (normalised).
    static let leakedSecret = [
        "has my seed", "has my phrase", "has my recovery phrase", "has my mnemonic", "has my private key", "have my seed",
        "have my phrase", "have my private key", "knows my seed", "knows my phrase", "got my seed", "got my phrase",
        "stole my seed", "stole my phrase", "stole my private key", "拿到了我的助记词", "拿到我的助记词", "知道了我的助记词",
        "知道我的助记词", "有我的助记词", "拿到了我的私钥", "知道我的私钥", "偷了我的助记词", "助记词泄露", "助记词被泄露", "私钥泄露",
        "私钥被泄露", "助记词被人", "助记词被盗",
    ]

    /// Whether `message` complains: a complaint said alone ("投诉！", "supervisor"), or asked for
    /// inside a short message ("I want to talk to a supervisor, this is ridiculous"), which a free-text
    /// question would otherwise take as its answer.
    static func complains(_ message: UserMessage) -> Bool {
        ControlPhrases.complaint.matches(message.normalized)
            || (message.normalized.utf8.count <= longestComplaint
                && complaintRequests.contains { PhraseMatcher.contains(message.normalized, term: $0) })
    }

    /// Asking for someone above the assistant, in a sentence (normalised).
    static let complaintRequests = [
        "talk to a supervisor", "talk to your supervisor", "speak to a supervisor", "speak to your supervisor",
        "talk to a manager", "talk to your manager", "speak to a manager", "speak to your manager", "i want to complain",
        "i want to file a complaint", "i want to make a complaint", "我要投诉", "投诉你们", "找你们领导", "叫你们领导", "找你们主管",
        "找你们经理",
    ]

    /// Longest message (UTF-8 bytes) read as a complaint by `complaintRequests`; a longer one is a
    /// story that may quote one ("the scammer said I could talk to a supervisor").
    static let longestComplaint = 120

    /// Asking for a known case to be handled sooner (normalised).
    static let expediteWords = [
        "speed it up", "speed up", "expedite", "hurry", "faster", "prioritize", "prioritise", "加急", "加快", "快点",
        "催一下", "催催", "尽快处理", "优先处理",
    ]

    /// Phrases that say nothing was lost (normalised): without them a message may be about
    /// something else than a theft.
    static let deniedLoss = [
        "nothing was stolen", "nothing stolen", "nothing got stolen", "nothing is gone", "nothing was taken",
        "nothing was lost", "nothing lost", "not stolen", "wasn't stolen", "didn't lose", "haven't lost",
        "no money was lost", "no money lost", "no funds lost", "funds are safe", "still there", "没被盗", "没有被盗",
        "没丢", "没有丢", "没有损失", "没损失", "钱还在", "币还在", "资产还在", "没被转走", "没有被转走",
    ].map(TextNormalizer.normalize)

    /// The greeting intent's keywords in `language` ("hey", "您好"), longest first, so "good morning"
    /// goes before a shorter keyword inside it.
    private func greetingKeywords(_ language: Language) -> [String] {
        (catalog.intent(.greeting)?.keywords[language]?.keys).map { $0.sorted { $0.count > $1.count } } ?? []
    }

    /// The clauses of `words` (normalised; split at commas and sentence ends) that hold none of
    /// `terms`, joined, when they make a sentence of their own; nil otherwise. "我的U被盗了，能冻结对方
    /// 地址吗" is "我的U被盗了"; "能冻结对方地址吗" alone leaves nothing.
    static func clauses(of words: String, without terms: [String]) -> String? {
        let kept = TextNormalizer.normalize(words).split(whereSeparator: { ",.;!?，。；！？".contains($0) })
            .filter { clause in !terms.contains { PhraseMatcher.contains(String(clause), term: $0) } }
        let rest = kept.joined(separator: ", ")
        return Self.makesSentence(rest) ? rest : nil
    }

    /// `normalized` with every occurrence of `terms` blanked, when there was one; nil otherwise.
    static func blanking(_ terms: [String], in normalized: String) -> String? {
        var rest = normalized
        var removed = false
        for term in terms {
            while let range = PhraseMatcher.firstRange(of: term, in: rest) {
                rest.replaceSubrange(range, with: " ")
                removed = true
            }
        }
        return removed ? rest : nil
    }

    /// `words` (normalised) without any of `terms`, when something was taken out and what is left
    /// is a sentence of its own (three words, or four Han characters); nil otherwise.
    static func removing(_ terms: [String], from words: String) -> String? {
        guard let rest = blanking(terms.map(TextNormalizer.normalize), in: TextNormalizer.normalize(words)) else { return nil }
        return makesSentence(rest) ? rest : nil
    }

    /// Whether what is left of a message (normalised) says something of its own: three words, or four
    /// Han characters.
    static func makesSentence(_ text: String) -> Bool {
        text.unicodeScalars.count(where: TextNormalizer.isHan) >= 4
            || text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).count >= 3
    }
}

import Foundation

extension EvidenceValidator {
    /// One option, by id, label (either language), alias or position ("2").
    func validateChoice(_ raw: String, options: [ChoiceOption], context: ValidationContext) -> FieldValidation {
        let text = TextNormalizer.normalize(raw)
        if let option = Self.exactOption(text, in: options) { return .accepted(EvidenceValue(option.id, inferred: option.implies)) }
        var found = Self.optionsMentioned(in: text, options: options)
        // "短信说…在别的设备上登录": a named option beats the catch-all `other` ("别的") said in passing.
        if found.count > 1 { found.removeAll { $0.id == "other" } }
        if found.count == 1, let option = found.first { return .accepted(EvidenceValue(option.id, inferred: option.implies)) }
        return .rejected(unknownChoice(options, context: context))
    }

    /// Several options separated by commas, 、, "and", 和…; stored as ids in option order joined by `,`.
    func validateMultiChoice(_ raw: String, options: [ChoiceOption], context: ValidationContext) -> FieldValidation {
        let text = TextNormalizer.normalize(raw)
        var chosen: Set<String> = []
        if let option = Self.exactOption(text, in: options) { chosen.insert(option.id) }
        let parts = Self.splitList(text)
        for part in parts {
            if let option = Self.exactOption(part, in: options) { chosen.insert(option.id) }
        }
        for option in Self.optionsMentioned(in: text, options: options) { chosen.insert(option.id) }
        guard !chosen.isEmpty else { return .rejected(unknownChoice(options, context: context)) }
        let ids = options.map(\.id).filter { chosen.contains($0) }
        return .accepted(EvidenceValue(ids.joined(separator: ",")))
    }

    private func unknownChoice(_ options: [ChoiceOption], context: ValidationContext) -> Rejection {
        Rejection(
            .choiceUnknown, values: ["options": options.map { $0.label(context.language) }.joined(separator: ", ")])
    }

    /// The option whose term or position equals the whole text.
    static func exactOption(_ text: String, in options: [ChoiceOption]) -> ChoiceOption? {
        let trimmed = text.trimming { " .,!。".contains($0) }
        if let number = Int(trimmed), options.indices.contains(number - 1) { return options[number - 1] }
        return options.first { $0.terms.contains { $0.text == trimmed } }
    }

    /// Options whose terms occur in the text; where terms overlap ("wallet" in "own wallet") the longest wins.
    static func optionsMentioned(in text: String, options: [ChoiceOption]) -> [ChoiceOption] {
        var pairs: [(term: ChoiceOption.Term, option: Int)] = []
        for (position, option) in options.enumerated() {
            for term in option.terms { pairs.append((term, position)) }
        }
        pairs.sort { $0.term.length > $1.term.length }
        var remaining = text
        var found: [Int] = []
        for (term, option) in pairs {
            // A single Latin letter is too easy to hit by accident unless it is the whole answer.
            if term.length == 1, term.text.utf8.first.map({ $0 < 0x80 }) == true { continue }
            guard let range = PhraseMatcher.firstRange(of: term.text, in: remaining) else { continue }
            remaining.replaceSubrange(range, with: " | ")
            if !found.contains(where: { options[$0].id == options[option].id }) { found.append(option) }
        }
        return found.map { options[$0] }
    }

    /// Splits a list answer on `,` `、` `;` `/` `&` "and" "和" "还有" "以及" "跟".
    static func splitList(_ text: String) -> [String] {
        var working = text
        for separator in [" and ", " & ", " or ", "和", "还有", "以及", "跟", "与", "及"] {
            working = working.replacingOccurrences(of: separator, with: ",")
        }
        return working.split(whereSeparator: { ",;/、".contains($0) })
            .map { $0.trimmedSpaces }
            .filter { !$0.isEmpty }
    }

    /// yes/no in either language; canonical "yes" or "no".
    func validateYesNo(_ raw: String) -> FieldValidation {
        let text = TextNormalizer.normalize(raw).trimming { " .!?,。！？~".contains($0) }
        guard !text.isEmpty else { return .rejected(Rejection(.yesNoUnclear)) }
        if Self.unclearPhrases.contains(where: { PhraseMatcher.contains(text, term: $0) }) {
            return .rejected(Rejection(.yesNoUnclear))
        }
        let hasNo = Self.noPhrases.contains { PhraseMatcher.contains(text, term: $0) }
        var positive = text
        // Negations contain affirmations (没有 ⊃ 有, 不是 ⊃ 是, "i did not" ⊃ "i did"): remove them, longest
        // first, before looking for a yes.
        for phrase in Self.noPhrasesLongestFirst {
            while let range = PhraseMatcher.firstRange(of: phrase, in: positive) {
                positive.replaceSubrange(range, with: " ")
            }
        }
        let hasYes =
            Self.yesPhrases.contains { PhraseMatcher.contains(positive, term: $0) } || Self.opensWithChineseYes(text)
        switch (hasYes, hasNo) {
        case (true, false): return .accepted(EvidenceValue("yes"))
        case (false, true): return .accepted(EvidenceValue("no"))
        case (true, true):
            // "no, I didn't" is no; "yes, no one else" is unclear enough to ask again — unless it opens with one.
            if Self.noPhrases.contains(where: { text.hasPrefix($0) }) { return .accepted(EvidenceValue("no")) }
            if Self.yesPhrases.contains(where: { text.hasPrefix($0) }) || Self.opensWithChineseYes(text) {
                return .accepted(EvidenceValue("yes"))
            }
            return .rejected(Rejection(.yesNoUnclear))
        case (false, false): return .rejected(Rejection(.yesNoUnclear))
        }
    }

    static let unclearPhrases = [
        "not sure", "don't know", "dont know", "do not know", "i don't remember", "can't remember", "maybe",
        "perhaps", "no idea", "不知道", "不确定", "不清楚", "不记得", "忘了", "也许", "可能", "说不准", "不太确定",
        "不是很确定", "不太清楚", "不是很清楚", "说不好", "不好说", "记不清",
    ]
    static let noPhrases = [
        "no", "n", "nope", "nah", "not", "never", "didn't", "did not", "don't", "haven't", "have not", "wasn't",
        "no way", "false", "i don't think so", "don't think so", "dont think so", "否", "没有", "没给", "没说", "没发", "没", "不是", "不对", "不", "未", "无", "并没有",
    ]
    static let noPhrasesLongestFirst = noPhrases.sorted { $0.count > $1.count }
    /// Affirmations found anywhere (on word boundaries): English ones. A Chinese "是" or "有" is part
    /// of most sentences ("我是在官网下的"), so Chinese ones count only where they open the answer.
    static let yesPhrases = [
        "yes", "y", "yeah", "yep", "yup", "yea", "sure", "correct", "right", "true", "i did", "affirmative", "ok",
        // A hedged yes is a yes: the questions asked this way are the ones where yes is the safe answer.
        "i think so", "think so", "i think i did", "probably yes",
    ]
    /// Chinese affirmations, counted where the answer opens with one ("是的，…", "有，填过").
    static let chineseYesOpenings = [
        "是", "对", "有", "嗯", "恩", "给了", "给过", "发了", "说了", "告诉了", "确实", "填了", "填过", "输入了", "输入过",
        "泄露了", "被骗了", "好像是", "应该是", "好像有", "应该有", "好像输过", "好像填过", "好像给过", "好像发过",
    ]
    /// Chinese affirmations that may follow a subject ("我给了", "我已经填过了"); "是" and "有" may not
    /// ("我是在官网下的", "我有个问题").
    static let chineseYesAfterSubject = [
        "给了", "给过", "发了", "发过", "说了", "告诉了", "填了", "填过", "输入了", "输入过", "泄露了", "被骗了", "确实",
    ]
    static let chineseSubjects = ["我已经", "我们", "我都", "我也", "我", "已经", "都"]

    /// Whether `text` (normalised) opens with a Chinese affirmation, alone or after a subject.
    static func opensWithChineseYes(_ text: String) -> Bool {
        if chineseYesOpenings.contains(where: { text.hasPrefix($0) }) { return true }
        return chineseSubjects.contains { subject in
            text.hasPrefix(subject) && chineseYesAfterSubject.contains { text.dropFirst(subject.count).hasPrefix($0) }
        }
    }
}

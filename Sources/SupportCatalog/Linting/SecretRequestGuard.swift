import Foundation

/// Finds sentences in bot content that ask the user for a recovery phrase, private key or password,
/// in English or Chinese. Warnings such as "never share your recovery phrase" or "请不要提供助记词"
/// are not requests and pass.
public enum SecretRequestGuard {
    /// The first sentence of `text` that asks for a secret, or nil when there is none.
    public static func request(in text: String) -> String? {
        for sentence in sentences(of: text) {
            for pattern in patterns {
                let range = NSRange(sentence.startIndex..., in: sentence)
                for match in pattern.matches(in: sentence, range: range) {
                    guard let matchRange = Range(match.range, in: sentence) else { continue }
                    // "索要助记词的网站" describes a scam site; it does not ask for anything.
                    if sentence[matchRange.upperBound...].hasPrefix("的") { continue }
                    if !isExempt(upTo: sentence[..<matchRange.upperBound]) {
                        return sentence.trimmingCharacters(in: .whitespacesAndNewlines)
                    }
                }
            }
        }
        return nil
    }

    // MARK: - Patterns

    private static let englishVerbs =
        "send|provide|enter|share|tell|type|give|paste|submit|input|show|verify|confirm|upload|dm|reply with"
    private static let englishSecrets =
        "(?:secret recovery|recovery|seed|secret|backup|mnemonic) (?:phrase|words?)|mnemonic|seed|private ?keys?"
        + "|passwords?|passcode|pin(?: code)?|\\d{2} words"
    /// Not followed by 了/过: "用户发送了助记词" reports what happened.
    private static let chineseVerbs = "(?:提供|发送|发给|发来|发过来|输入|告诉|填写|上传|提交|交出|给我|验证|核对|报一下)(?![了过])"
    private static let chineseSecrets = "助记词|私钥|密钥|密码|种子短语|恢复短语|助記詞|私鑰|密碼"

    private static let patterns: [NSRegularExpression] = [
        // "send us your recovery phrase", "enter the 12 words", "type your private key"
        "\\b(?:\(englishVerbs))\\b[^.!?\\n]{0,30}?\\b(?:your|the|ur|my)\\s+"
            + "(?:[a-z0-9-]+\\s+){0,2}?(?:\(englishSecrets))\\b",
        // "请提供您的助记词", "输入私钥"
        "(?:\(chineseVerbs))[^。！？；\\n]{0,8}?(?:\(chineseSecrets))",
        // "把助记词发给我"
        "(?:\(chineseSecrets))[^。！？；\\n，,]{0,6}?(?:发给|发送|告诉|提供|给我|发过来|发一下|报给)",
    ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    // MARK: - Negation and reported speech

    /// Negations that cover the whole sentence ("Never, under any circumstances, share …").
    private static let strongNegations = [
        "never", "under no circumstances", "绝不", "绝对不", "從不", "从不", "永远不", "千万不", "切勿", "决不", "严禁", "禁止",
    ]
    /// Negations that cover only their own clause ("Don't worry, send …" is still a request).
    private static let weakNegations = [
        "don't", "do not", "dont", "won't", "will not", "not ", "no one", "nobody", "nor ", "avoid", "refuse",
        "不要", "别", "勿", "不会", "不能", "不可", "不应", "不必", "无需", "不用", "不需要", "没有人", "不得",
    ]
    /// Words that make the rest of the sentence a description of what scammers do, not a request
    /// ("if a site asks you to enter your phrase, close it", "对方让您提供私钥").
    private static let reportedSpeech = [
        "ask you to", "asks you to", "asking you to", "asked you to", "wants you to", "want you to", "tell you to",
        "tells you to", "told you to", "telling you to", "if someone", "if anyone", "if a ", "if they", "anyone who",
        "anyone that", "whoever", "scammer", "phishing", "fake", "impersonat",
        "让您", "让你", "要您", "要你", "要求您", "要求你", "叫您", "叫你", "如果", "凡是", "骗子", "冒充", "自称", "钓鱼",
        "诈骗", "对方", "假",
    ]
    /// Words after which an earlier negation no longer applies.
    private static let contrasts = [" but ", " however", "但", "不过", "可是"]

    /// Whether the sentence up to the end of a match negates it or reports someone else's request.
    private static func isExempt(upTo prefix: Substring) -> Bool {
        let lowered = prefix.lowercased().replacingOccurrences(of: "’", with: "'")
        let lastContrast = contrasts.compactMap { lowered.range(of: $0, options: .backwards)?.upperBound }.max()
        let scope = lastContrast.map { String(lowered[$0...]) } ?? lowered
        if strongNegations.contains(where: scope.contains) || reportedSpeech.contains(where: scope.contains) {
            return true
        }
        let clauseBreak = scope.lastIndex { ",，:：".contains($0) }
        let clause = clauseBreak.map { String(scope[scope.index(after: $0)...]) } ?? scope
        return weakNegations.contains(where: clause.contains)
    }

    /// Splits on sentence ends and line breaks; an ASCII `.`, `!` or `?` ends a sentence only before a
    /// space or the end, so `tokenpocket.pro` and `e.g.` stay whole.
    private static func sentences(of text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let characters = Array(text)
        for (offset, character) in characters.enumerated() {
            current.append(character)
            let isLast = offset == characters.count - 1
            let ends =
                "。！？；;\n".contains(character)
                || (".!?".contains(character) && (isLast || characters[offset + 1].isWhitespace))
            if ends {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}

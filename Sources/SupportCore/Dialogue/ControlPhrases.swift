import Foundation

/// A short set of phrases that, alone or with filler words ("please", "吧"), make up a whole control
/// message: "yes", "是的，提交", "cancel please", "跳过吧". Matching is exact decomposition, not
/// "contains", so an answer that merely mentions a word ("I didn't cancel anything") is not a command.
struct ControlPhrases: Sendable {
    /// Messages longer than this (in characters, normalised) are never control messages.
    static let maximumLength = 48

    private let phrases: [[Unicode.Scalar]]
    private let fillers: [[Unicode.Scalar]]

    /// Phrases and fillers are normalised once here; matching does plain string comparisons only.
    init(_ phrases: [String], fillers: [String] = ControlPhrases.commonFillers) {
        self.phrases = Self.prepare(phrases)
        self.fillers = Self.prepare(fillers)
    }

    private static func prepare(_ words: [String]) -> [[Unicode.Scalar]] {
        Array(Set(words.map(TextNormalizer.normalize).filter { !$0.isEmpty })).sorted {
            ($0.count, $0) > ($1.count, $1)
        }
        .map { Array($0.unicodeScalars) }
    }

    /// True when `normalized` (already passed through `TextNormalizer.normalize`) consists of at least
    /// one phrase and otherwise only fillers, spaces and punctuation.
    func matches(_ normalized: String) -> Bool {
        // Measured before anything is copied: this runs several times per message in a flow.
        guard let bounds = Self.contentBounds(normalized, atMost: Self.maximumLength), !bounds.isEmpty else {
            return false
        }
        let text = Self.stripped(normalized, within: bounds)
        // reachable[i] = 0 unreachable, 1 reachable by fillers only, 2 reachable with a phrase.
        var reachable = [UInt8](repeating: 0, count: text.count + 1)
        reachable[0] = 1
        for start in 0..<text.count where reachable[start] > 0 {
            if text[start] == " " {
                reachable[start + 1] = max(reachable[start + 1], reachable[start])
                continue
            }
            for word in phrases where word.first == text[start] && Self.hasWord(word, in: text, at: start) {
                reachable[start + word.count] = 2
            }
            for word in fillers where word.first == text[start] && Self.hasWord(word, in: text, at: start) {
                let end = start + word.count
                reachable[end] = max(reachable[end], reachable[start])
            }
        }
        return reachable[text.count] == 2
    }

    /// True if `word` starts at `start` and, when it ends in a Latin letter or digit, is not followed by one.
    private static func hasWord(
        _ characters: [Unicode.Scalar], in text: [Unicode.Scalar], at start: Int
    ) -> Bool {
        guard start + characters.count <= text.count else { return false }
        for offset in 0..<characters.count where text[start + offset] != characters[offset] {
            return false
        }
        let end = start + characters.count
        if let last = characters.last, isLatinWordCharacter(last), end < text.count,
            isLatinWordCharacter(text[end])
        {
            return false
        }
        if start > 0, let first = characters.first, isLatinWordCharacter(first),
            isLatinWordCharacter(text[start - 1])
        {
            return false
        }
        return true
    }

    static func isLatinWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "'"
    }

    /// True if any of `terms` occurs in `scalars`, on Latin word boundaries (Han terms anywhere).
    static func containsAny(_ terms: [[Unicode.Scalar]], in scalars: [Unicode.Scalar]) -> Bool {
        guard !scalars.isEmpty else { return false }
        for start in scalars.indices {
            for term in terms where term.first == scalars[start] && hasWord(term, in: scalars, at: start) {
                return true
            }
        }
        return false
    }

    /// The scalars of `normalized` with punctuation turned into spaces, trimmed at both ends.
    static func stripped(_ normalized: String) -> [Unicode.Scalar] {
        stripped(normalized, within: contentBounds(normalized) ?? 0..<0)
    }

    /// Scalar offsets from the first to the last scalar that is neither a space nor punctuation:
    /// what `stripped` keeps, found without copying. Nil as soon as the content is known to be
    /// longer than `limit` scalars, so a long message is not read to its end (this runs several
    /// times per message in a flow, and most messages are far longer than a command).
    static func contentBounds(_ normalized: String, atMost limit: Int = .max) -> Range<Int>? {
        var first: Int?
        var last = 0
        var offset = -1
        for scalar in normalized.unicodeScalars {
            offset += 1
            if scalar == " " || isPunctuation(scalar) { continue }
            if let first {
                if offset - first >= limit { return nil }
            } else {
                first = offset
            }
            last = offset
        }
        return first.map { $0..<(last + 1) } ?? 0..<0
    }

    private static func stripped(_ normalized: String, within bounds: Range<Int>) -> [Unicode.Scalar] {
        normalized.unicodeScalars.dropFirst(bounds.lowerBound).prefix(bounds.count).map {
            isPunctuation($0) ? " " : $0
        }
    }

    /// Punctuation a command may carry ("yes!", "取消。"), compared directly: a `Set` lookup hashes
    /// every scalar of every message.
    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", ",", "!", "?", ";", ":", "~", "\"", "(", ")", "，", "。", "！", "？", "；", "：", "…", "（", "）": true
        default: false
        }
    }

    /// Words that carry no command of their own.
    static let commonFillers = [
        "please", "pls", "plz", "just", "ok", "okay", "then", "now", "thanks", "thank you", "i want to",
        "i'd like to",
        "i would like to", "let's", "lets", "can you", "could you", "can i", "i", "it", "this", "that",
        "the",
        "please do", "我", "吧", "了", "啦", "呢", "呀", "啊", "哦", "噢", "那", "就", "先", "还是", "我要", "我想", "帮我",
        "给我", "请", "麻烦", "一下", "吧吧", "好吧", "嗯", "谢谢", "谢了",
    ]
}

// MARK: - The engine's control vocabularies

extension ControlPhrases {
    /// Abort the current flow.
    static let cancel = ControlPhrases([
        "cancel", "stop", "quit", "exit", "abort", "never mind", "nevermind", "nvm", "forget it",
        "forget about it",
        "cancel that", "cancel the report", "cancel everything", "don't file it", "i changed my mind",
        // Not "不用了": said to a question it means "no need for this one" (a skip), not "drop the report".
        "取消", "算了", "不填了", "退出", "不弄了", "不报了", "不办了", "不要了", "结束", "停止",
        "不想填了", "取消流程", "退出流程", "不提交了",
    ])

    /// Words that say "stop the report" inside a longer message, which the classifier also calls a cancel.
    static let cancelWords = [
        "cancel", "stop", "quit", "abort", "never mind", "nevermind", "forget it", "don't file", "取消", "算了", "不报了",
        "不弄了", "不填了", "退出", "放弃", "不办了", "不想填了", "不提交了", "中止", "不要提交",
    ].map { Array(TextNormalizer.normalize($0).unicodeScalars) }

    /// Skip an optional field.
    /// "I'm not sure": for a required question with an `unsure` hint, how to find out, then the
    /// question again.
    static let unsure = ControlPhrases([
        "not sure", "i'm not sure", "im not sure", "unsure", "idk", "i don't know", "i dont know", "don't know",
        "dont know", "dunno", "no idea", "no clue", "can't tell", "不确定", "不太确定", "不知道", "我也不知道", "不清楚",
        "说不准", "说不好", "搞不清", "不好说", "i can't remember", "i cant remember", "can't remember", "don't remember",
        "i don't remember", "not sure if i did", "不记得了", "不记得", "记不清了", "记不清", "忘了", "想不起来",
    ])

    static let skip = ControlPhrases([
        "skip", "skip it", "skip this", "pass", "next", "i don't know", "i dont know", "don't know",
        "dont know",
        "no idea", "not sure", "don't have", "dont have", "don't have it", "i don't have it",
        "i don't have one",
        "i dont have it", "don't remember", "i don't remember", "can't remember", "none", "n/a", "na",
        "unknown",
        "no", "nope", "not available", "跳过", "不知道", "没有", "不清楚", "不记得", "忘了", "记不清", "无", "没",
        "下一个", "下一步", "没有这个", "不确定", "暂时没有", "找不到", "not yet", "还没有", "还没", "这个不填", "不用", "不用了",
        "不需要", "不用填",
        "不会找", "不知道在哪看", "不知道在哪", "不知道怎么找", "还没报警", "没报警", "没有报警", "haven't reported it",
        "not reported yet", "can't find it", "cant find it", "i'm not sure", "im not sure", "idk", "dunno",
        "no clue",
        "这项不填", "这个先不填", "这个就不填", "这一项不填", "这个跳过", "这项跳过", "应该没有", "好像没有", "没有吧",
        "probably not", "i don't think so", "there isn't one", "there isnt one", "there is none", "there's none",
        "there isn't any", "no website", "no site", "no link",
    ], fillers: commonFillers + fieldNouns)

    /// What a skipped answer names ("没有哈希", "no tx hash", "don't have a ticket number").
    static let fieldNouns = [
        "hash", "tx hash", "the hash", "a hash", "transaction hash", "the transaction hash", "txid", "link", "a link",
        "the link", "ticket number", "a ticket number", "the ticket number", "ticket id", "address", "the address",
        "version", "the version", "one", "any", "哈希", "交易哈希", "哈希值", "交易号", "工单号", "单号", "链接", "网址", "地址",
        "版本", "版本号", "这个", "报案回执", "回执", "website", "a website", "the website", "site", "网站",
    ]

    /// A plain acknowledgment ("ok", "好的", "thanks") between questions: no answer, no wish to stop.
    static let acknowledgment = ControlPhrases([
        "ok", "okay", "k", "kk", "alright", "got it", "i see", "understood", "thanks", "thank you", "thx", "noted", "好", "好的",
        "好吧", "嗯", "嗯嗯", "知道了", "明白", "明白了", "了解", "谢谢", "收到", "行",
    ])

    /// A complaint, said alone ("我要投诉", "投诉！", "let me talk to your supervisor"): a person takes the case.
    static let complaint = ControlPhrases([
        "complain", "complaint", "i want to complain", "i want to file a complaint", "file a complaint", "supervisor",
        "a supervisor", "your supervisor", "manager", "a manager", "your manager", "talk to a supervisor",
        "talk to your supervisor", "talk to a manager", "speak to a manager", "speak to your manager", "投诉", "我要投诉",
        "我要投诉你们", "投诉你们", "我要举报你们", "找你们领导", "叫你们领导来", "找主管", "找经理",
    ])

    /// Hand the case to a person as it is.
    static let handOver = ControlPhrases([
        "human", "agent", "a human", "an agent", "real person", "a real person", "person", "a person",
        "talk to a human", "talk to a person", "talk to an agent", "speak to a human",
        "speak to someone",
        "human agent", "live agent", "customer service", "人工", "人工客服", "转人工", "找人工", "接人工", "真人",
        "找真人", "人工服务", "真人客服",
    ])

    /// Confirm the summary: file the case.
    static let yes = ControlPhrases([
        "yes", "y", "yeah", "yep", "yup", "sure", "correct", "right", "confirm", "confirmed", "submit",
        "submit it",
        "send it", "file it", "go ahead", "looks good", "all good", "that's right", "that is right",
        "that's correct",
        "是", "是的", "对", "对的", "确认", "提交", "好", "好的", "可以", "没问题", "确定", "没错", "行", "对了", "正确",
        "确认提交", "提交吧",
    ])

    /// "Submit it now", said before the summary.
    static let submit = ControlPhrases([
        "submit", "submit it", "submit now", "send it", "file it", "send the report", "submit the report", "提交",
        "直接提交", "确认提交", "现在提交", "马上提交", "提交报告", "提交工单",
    ])

    /// Decline the summary: file nothing.
    static let no = ControlPhrases([
        "no", "n", "nope", "nah", "don't submit", "do not submit", "don't file", "do not file",
        "discard",
        "discard it", "delete it", "不", "不要", "不用", "否", "不提交", "别提交", "不用提交", "不要提交",
        "放弃", "不发了",
    ], fillers: commonFillers + ["that's all", "thats all", "that's it", "no thanks", "不用了", "谢谢", "就这样"])

    /// "I want to change something" without saying what.
    static let change = ControlPhrases([
        "change", "edit", "modify", "correct it", "fix", "change something",
        "i need to change something",
        "something is wrong", "not quite", "wrong", "change a field", "修改", "改", "更改", "改一下", "修改一下",
        "有错", "不对", "有个地方不对", "要改", "我要改", "改一个",
    ])

    /// Words around a field label or value in a change request: "change the amount to 500", "金额改成500".
    static let changeConnectors = [
        "change the", "change my", "change", "edit the", "edit", "update the", "update", "modify",
        "fix the", "fix", "it was", "was", "were", "it's actually", "oops",
        "correct the", "should be", "to", "is", "it's", "actually", "sorry", "the", "my", "改成", "改为",
        "修改为",
        "更改为", "换成", "应该是", "其实是", "修改", "更改", "改", "是", "为", "把", "的", ":", "：", "请",
    ]

    /// "It's still happening": funds are being moved out while the user writes.
    static let stillHappeningMarkers = [
        "still draining", "still being drained", "still being taken", "still happening",
        "still sending",
        "still moving", "still transferring", "being drained right now", "draining right now",
        "as we speak",
        "正在被转", "还在转", "还在被转", "正在转出", "一直在转", "还在被盗", "正在被盗",
        "还在继续", "不停地转", "不停转出", "持续转出",
    ].map { Array(TextNormalizer.normalize($0).unicodeScalars) }
}

import Foundation

/// Dates and times as people type them in a support chat, in English and Chinese ("2026-01-09 21:30",
/// "1月9日晚上9点", "last night", "昨晚十点", "3 days ago", "上周五"), resolved against an injected "now"
/// in an injected time zone. Incidents are in the past, so year-less dates and bare times resolve to
/// their most recent past occurrence.
struct DateExpression {
    /// The outcome of resolving one answer.
    enum Outcome: Equatable {
        /// The instant, and whether the answer only gave a day or a part of the day.
        case resolved(Date, isApproximate: Bool)
        case unparsed
        case inFuture
    }

    /// A part of the day named without a clock time ("晚上", "this morning").
    enum Period {
        case earlyMorning, morning, noon, afternoon, evening, lateNight

        /// The hour assumed when no clock time is given.
        var defaultHour: Int {
            switch self {
            case .earlyMorning: 3
            case .morning: 9
            case .noon: 12
            case .afternoon: 15
            case .evening: 21
            case .lateNight: 23
            }
        }

        /// A 12-hour clock reading in this period, on the 24-hour clock.
        func hour24(_ hour: Int) -> Int {
            switch self {
            case .earlyMorning: hour == 12 ? 0 : hour
            case .morning: hour == 12 ? 0 : hour
            case .noon: hour < 6 ? hour + 12 : hour
            case .afternoon: hour < 12 ? hour + 12 : hour
            // "晚上12点" / "midnight": 24 means 00:00 of the next day.
            case .evening: hour < 12 ? hour + 12 : 24
            case .lateNight: hour >= 6 && hour < 12 ? hour + 12 : (hour == 12 ? 24 : hour)
            }
        }
    }

    let now: Date
    let calendar: Calendar

    init(now: Date, timeZone: TimeZone) {
        self.now = now
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        self.calendar = calendar
    }

    // MARK: - Parsed pieces

    var text = ""
    var year: Int?
    var month: Int?
    var day: Int?
    var dayOffset: Int?
    var isExplicitToday = false
    var hour: Int?
    var minute = 0
    var period: Period?
    var meridiem: String?
    /// The clock time "noon" or "midnight" implies when no explicit time is given.
    var impliedHour: Int?
    var matchedAnything = false

    /// Whether `text` (normalised, with its `counts`) may hold a date or time at all: a digit, a
    /// Chinese numeral or one of the words every digit-less expression uses ("last night", "an hour
    /// ago", "昨晚", "刚才"). A cheap test before `resolve` where most texts hold none (a rejected
    /// answer).
    static func mayHold(_ text: String, counts: CharacterCounts) -> Bool {
        if counts.digits > 0 || counts.hasChineseNumeral { return true }
        return timeWords.contains { text.contains($0) }
    }

    /// Words without which an expression has no digit and names no time (see `mayHold`).
    private static let timeWords = [
        "ago", "yesterday", "today", "tonight", "tomorrow", "now", "morning", "afternoon", "evening", "night",
        "noon", "midday", "last", "week", "hour", "minute", "moment", "mon", "tue", "wed", "thu", "fri", "sat",
        "sun", "昨", "今", "明", "前", "后天", "晚", "早", "午", "夜", "凌晨", "清晨", "刚", "现在", "周", "星期", "礼拜",
    ]

    /// Whether a sentence says when something happened, by a time word ("last night", "3 days
    /// ago", "昨晚", "刚才") or a number with a time unit ("10pm", "十点", "21:30"): a stricter test
    /// than `mayHold`, for a whole message whose other words would too often pass that one.
    static func saysTime(_ text: String, numbersWithTimeUnits: Int) -> Bool {
        if numbersWithTimeUnits > 0 { return true }
        let lowered = text.lowercased()
        return sentenceTimeWords.contains { lowered.contains($0) }
    }

    /// A day word, or a word for "now" or "ago".
    private static let sentenceTimeWords = dayWords + [" ago", "just now", "right now", "现在", "刚才", "刚刚"]

    /// Words that name a day or a part of one ("昨晚", "this morning", "上周"); a "刚才" beside them
    /// does not override them. ("10 pm" has its digits, which count as well.)
    static let dayWords = [
        "yesterday", "today", "tonight", "last night", "this morning", "this afternoon", "this evening", "昨", "今天", "今早",
        "今晚", "今日", "前天", "凌晨", "上午", "下午", "晚上", "早上", "中午", "半夜", "上周", "星期", "礼拜",
    ]

    /// Resolves `raw` to an instant, or says why it cannot.
    static func resolve(_ raw: String, now: Date, timeZone: TimeZone) -> Outcome {
        var expression = DateExpression(now: now, timeZone: timeZone)
        return expression.resolve(raw)
    }

    private mutating func resolve(_ raw: String) -> Outcome {
        // Long text is no date answer; the addresses and hashes in it do not count toward that.
        guard raw.utf8.count <= 2000 else { return .unparsed }
        text = Self.prepare(raw)
        guard text.count <= 202 else { return .unparsed }
        if let instant = parseJustNow() ?? parseISOWithZone() ?? parseDurationAgo() {
            return check(instant, isApproximate: false)
        }
        parseDates()
        parseRelativeDays()
        parseWeekdays()
        parsePeriods()
        parseTimes()
        guard matchedAnything else { return .unparsed }
        return assemble()
    }

    /// Token standards, whose digits are no day or hour, and Chinese words with a numeral that count
    /// nothing ("一直", "一共"), also as a text that had its numerals turned into digits already reads
    /// them ("1共"). Normalised.
    static let ignoredWords: [String] = {
        let numberWords = EvidenceValidator.numberWords
        return AssetSymbol.standards + numberWords + numberWords.map(ChineseNumeral.replacingNumerals).filter { !numberWords.contains($0) }
    }()

    /// Normalises case and width, numbers weekdays (周一 → 周1) and turns Chinese numerals into digits.
    static func prepare(_ raw: String) -> String {
        var text = TextNormalizer.normalize(raw)
        // An address or hash holds no date, but its digits and letters ("…g411xzz3km5…") can look
        // like a time to the patterns below.
        for token in PhraseMatcher.alphanumericTokens(text) where token.utf8.count >= DecimalText.identifierLength {
            text = text.replacingOccurrences(of: token, with: " ")
        }
        // Token standards ("trc20") and Chinese words with a numeral that count nothing ("一直", "一共")
        // are no part of a date.
        for word in ignoredWords where text.contains(word) {
            text = text.replacingOccurrences(of: word, with: " ")
        }
        for prefix in ["星期", "礼拜", "周"] where text.contains(prefix) {
            for (name, number) in [("一", 1), ("二", 2), ("三", 3), ("四", 4), ("五", 5), ("六", 6), ("日", 7), ("天", 7)] {
                text = text.replacingOccurrences(of: prefix + name, with: prefix + String(number))
            }
        }
        if text.contains("刻") {
            text = text.replacingOccurrences(of: "一刻", with: "15分").replacingOccurrences(of: "三刻", with: "45分")
        }
        text = ChineseNumeral.replacingNumerals(in: text)
        return " " + text + " "
    }

    /// True while the text still has an ASCII digit. Regex matching costs far more than this scan, so each
    /// pattern first checks that the characters it needs are present.
    var hasDigit: Bool { text.contains(where: { $0.isASCII && $0.isNumber }) }

    /// True if the text contains any of `words`.
    func mentions(_ words: [String]) -> Bool { words.contains { text.contains($0) } }

    /// Blanks out a matched range so later patterns do not read the same digits again.
    mutating func consume(_ range: Range<String.Index>) {
        text.replaceSubrange(range, with: String(repeating: " ", count: text[range].count))
        matchedAnything = true
    }

    func checkedDate(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0)
        -> Date?
    {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
            (0...59).contains(second), (1970...9999).contains(year)
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: components),
            calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month
        else { return nil }
        return date
    }

    // MARK: - Instants

    private mutating func parseJustNow() -> Date? {
        for phrase in ["就在刚才", "刚才", "刚刚", "just now", "right now", "a moment ago", "moments ago", "a minute ago"]
        where text.contains(phrase) {
            // "我刚才说了，昨天晚上8点", "昨晚8点，刚刚才发现": the other time is the answer.
            let rest = text.replacingOccurrences(of: phrase, with: " ")
            if rest.contains(where: { $0.isASCII && $0.isNumber }) || Self.dayWords.contains(where: { rest.contains($0) }) {
                text = rest
                return nil
            }
            return now
        }
        return text.trimmedSpaces == "now" || text.trimmedSpaces == "现在"
            ? now : nil
    }

    /// `2026-01-09T21:30:00+08:00` / `…Z`: an instant with its own offset.
    private mutating func parseISOWithZone() -> Date? {
        guard hasDigit, text.contains(":"), text.contains("-"),
            let match = text.firstMatch(
                of: DatePattern.isoTimestamp
            )
        else { return nil }
        let zone = match.7
        var offset = 0
        if zone != "z" {
            let digits = zone.dropFirst().filter(\.isNumber)
            guard digits.count == 4, let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)),
                hours <= 14, minutes < 60
            else { return nil }
            offset = (hours * 3600 + minutes * 60) * (zone.first == "-" ? -1 : 1)
        }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(secondsFromGMT: offset) ?? calendar.timeZone
        guard let year = Int(match.1), let month = Int(match.2), let day = Int(match.3), let hour = Int(match.4),
            let minute = Int(match.5), (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60,
            (1970...9999).contains(year)
        else { return nil }
        let second = match.6.flatMap { Int($0) } ?? 0
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = utc.date(from: components), utc.component(.day, from: date) == day else { return nil }
        return date
    }

    /// "2 hours ago", "半小时前", "45 minutes ago"; days and longer become a day offset instead.
    private mutating func parseDurationAgo() -> Date? {
        guard text.contains("ago") || text.contains("前") || text.contains("了") else { return nil }
        var working = text.replacingOccurrences(of: "half an hour", with: "30 minutes")
            .replacingOccurrences(of: "half a day", with: "12 hours")
        // "两个小时了", "都三天了": that long since, as "…前" says it.
        for unit in ["小时", "钟头", "分钟", "天"] where working.contains(unit + "了") {
            working = working.replacingOccurrences(of: unit + "了", with: unit + "前")
        }
        for (word, number) in Self.englishNumbers.sorted(by: { $0.0.count > $1.0.count }) {
            working = working.replacingOccurrences(of: " \(word) ", with: " \(number) ")
        }
        if let match = working.firstMatch(of: DatePattern.countAndHalfHoursAgo),
            let hours = Int(match.1)
        {
            return now.addingTimeInterval(-Double(hours * 60 + 30) * 60)
        }
        if working.firstMatch(of: DatePattern.halfHourAgo) != nil {
            return now.addingTimeInterval(-30 * 60)
        }
        let pattern =
            DatePattern.amountAgo
        guard let match = working.firstMatch(of: pattern), let amount = Double(match.1), amount < 100_000 else {
            return nil
        }
        let unit = String(match.2)
        let seconds: Double
        switch unit {
        case "s", "sec", "secs", "second", "seconds", "秒", "秒钟": seconds = 1
        case "min", "mins", "minute", "minutes", "分钟", "分": seconds = 60
        case "h", "hr", "hrs", "hour", "hours", "小时", "钟头": seconds = 3600
        default:
            // Days, weeks and months name a day, not an instant: "3 days ago at 10pm" still reads the time.
            let days: Int
            switch unit {
            case "day", "days", "天", "日": days = Int(amount)
            case "week", "weeks", "周", "星期", "礼拜": days = Int(amount * 7)
            default: days = Int(amount * 30)
            }
            dayOffset = days
            working.replaceSubrange(match.range, with: " ")
            text = working
            matchedAnything = true
            return nil
        }
        return now.addingTimeInterval(-amount * seconds)
    }

    static let englishNumbers: [(String, String)] = [
        ("an", "1"), ("a", "1"), ("one", "1"), ("two", "2"), ("three", "3"), ("four", "4"), ("five", "5"),
        ("six", "6"), ("seven", "7"), ("eight", "8"), ("nine", "9"), ("ten", "10"), ("eleven", "11"),
        ("twelve", "12"), ("a couple of", "2"), ("couple of", "2"), ("a few", "3"), ("few", "3"), ("several", "3"),
    ]
}

/// The patterns above, built once. A regex literal builds a new `Regex` (and compiles it again) every
/// time it is evaluated, which cost tens of microseconds per call on the reply path. `Regex` is not
/// `Sendable`, but a built one is never mutated and compiles its program once, thread-safely, so
/// sharing these constants is safe.
enum DatePattern {
    nonisolated(unsafe) static let isoTimestamp = #/(\d{4})-(\d{1,2})-(\d{1,2})[t ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(z|[+-]\d{2}:?\d{2})/#
    nonisolated(unsafe) static let countAndHalfHoursAgo = #/(\d+)\s*个?\s*半\s*(?:个)?\s*(?:小时|钟头)\s*(?:前|之前|以前)/#
    nonisolated(unsafe) static let halfHourAgo = #/半\s*(?:个)?\s*(?:小时|钟头)\s*(?:前|之前|以前)/#
    nonisolated(unsafe) static let amountAgo = #/(\d+(?:\.\d+)?)\s*(?:个)?\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|分钟|分|秒钟|秒|小时|钟头|天|日|周|星期|礼拜|月)\s*(?:ago|前|之前|以前)/#
}

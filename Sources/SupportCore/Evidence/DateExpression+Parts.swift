import Foundation

extension DateExpression {
    // MARK: - Days

    /// Calendar dates: `2026-01-09`, `2026年1月9日`, `1月9日`, `jan 9`, `9 january 2026`, `1/9`, `9号`.
    mutating func parseDates() {
        guard hasDigit else { return }
        if mentions(["-", "/", ".", "年"]),
            let match = text.firstMatch(of: DatePartPattern.numericDate)
        {
            year = Int(match.1)
            month = Int(match.2)
            day = Int(match.3)
            consume(match.range)
            return
        }
        if text.contains("月"), let match = text.firstMatch(of: DatePartPattern.chineseMonthDay) {
            month = Int(match.1)
            day = Int(match.2)
            consume(match.range)
            return
        }
        // English month names: a word then a day ("jan 9", "January 9th, 2026") or the other way round.
        // The word is checked in code; a regex alternation of twelve names costs milliseconds to build.
        if Self.monthNames.contains(where: { text.contains($0) }) {
            for match in text.matches(of: DatePartPattern.monthNameDay) {
                guard let number = Self.monthNumber(fullOrShort: String(match.1)) else { continue }
                month = number
                day = Int(match.2)
                year = match.3.flatMap { Int($0) }
                consume(match.range)
                return
            }
            for match in text.matches(
                of: DatePartPattern.dayMonthName)
            {
                guard let number = Self.monthNumber(fullOrShort: String(match.2)) else { continue }
                day = Int(match.1)
                month = number
                year = match.3.flatMap { Int($0) }
                consume(match.range)
                return
            }
        }
        if text.contains("/"),
            let match = text.firstMatch(of: DatePartPattern.slashDate)
        {
            month = Int(match.1)
            day = Int(match.2)
            if let written = match.3.flatMap({ Int($0) }) { year = written < 100 ? 2000 + written : written }
            consume(match.range)
            return
        }
        if mentions(["日", "号"]), let match = text.firstMatch(of: DatePartPattern.chineseDayOfMonth) {
            day = Int(match.1)
            consume(match.range)
        }
    }

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static let fullMonthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]

    /// 1…12 for a month name or its abbreviation ("jan", "sept", "september"); nil for other words ("market").
    static func monthNumber(fullOrShort name: String) -> Int? {
        guard name.count >= 3, let index = monthNames.firstIndex(of: String(name.prefix(3))),
            fullMonthNames[index].hasPrefix(name)
        else { return nil }
        return index + 1
    }

    /// Yesterday, 前天, last night, 今早…: a day offset, sometimes with a part of the day.
    mutating func parseRelativeDays() {
        let words: [(String, Int, Period?)] = [
            ("the day before yesterday", 2, nil), ("day before yesterday", 2, nil), ("大前天", 3, nil), ("前天", 2, nil),
            ("yesterday morning", 1, .morning), ("yesterday afternoon", 1, .afternoon),
            ("yesterday evening", 1, .evening), ("last night", 1, .evening), ("yesterday", 1, nil),
            ("昨天", 1, nil), ("昨日", 1, nil), ("昨晚", 1, .evening), ("昨夜", 1, .evening), ("昨儿", 1, nil),
            ("昨", 1, nil), ("this morning", 0, .morning), ("this afternoon", 0, .afternoon),
            ("this evening", 0, .evening), ("tonight", 0, .evening), ("today", 0, nil), ("今天", 0, nil),
            ("今日", 0, nil), ("今早", 0, .morning), ("今晨", 0, .morning), ("今晚", 0, .evening), ("今夜", 0, .evening),
            ("今儿", 0, nil), ("day after tomorrow", -2, nil), ("tomorrow", -1, nil), ("后天", -2, nil),
            ("明天", -1, nil), ("明晚", -1, .evening), ("明早", -1, .morning),
        ]
        for (word, offset, wordPeriod) in words {
            guard let range = PhraseMatcher.firstRange(of: word, in: text) else { continue }
            if dayOffset == nil, month == nil, day == nil { dayOffset = offset }
            if offset == 0 { isExplicitToday = true }
            if let wordPeriod { period = wordPeriod }
            consume(range)
            break
        }
    }

    /// 周五, 上周五, 星期天, friday, last friday: the most recent such day (上 = the week before).
    mutating func parseWeekdays() {
        guard dayOffset == nil, month == nil, day == nil else { return }
        let today = (calendar.component(.weekday, from: now) + 5) % 7 + 1  // Monday = 1 … Sunday = 7
        if hasDigit, mentions(["周", "星期", "礼拜"]), let match = text.firstMatch(of: DatePartPattern.chineseWeekday),
            let target = Int(match.2)
        {
            let weeksBack = match.1.count
            if weeksBack == 0 {
                dayOffset = (today - target + 7) % 7
            } else {
                dayOffset = today - target + 7 * weeksBack
            }
            consume(match.range)
            return
        }
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        let fullNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        guard mentions(names) else { return }
        for match in text.matches(of: DatePartPattern.weekdayName) {
            let word = String(match.2)
            guard let index = names.firstIndex(of: String(word.prefix(3))), fullNames[index].hasPrefix(word) else {
                continue
            }
            let target = index + 1
            var offset = (today - target + 7) % 7
            if offset == 0, match.1?.hasPrefix("last") == true { offset = 7 }
            dayOffset = offset
            consume(match.range)
            return
        }
    }

    // MARK: - Times

    /// 凌晨, 早上, 中午, 下午, 晚上, morning, evening…
    mutating func parsePeriods() {
        let words: [(String, Period)] = [
            ("凌晨", .earlyMorning), ("半夜", .lateNight), ("深夜", .lateNight), ("午夜", .lateNight),
            ("早上", .morning), ("早晨", .morning), ("清晨", .morning), ("上午", .morning), ("早", .morning),
            ("中午", .noon), ("下午", .afternoon), ("傍晚", .evening), ("晚上", .evening), ("夜里", .evening),
            ("夜晚", .evening), ("晚", .evening), ("夜", .lateNight), ("in the morning", .morning),
            ("morning", .morning), ("noon", .noon), ("midday", .noon), ("in the afternoon", .afternoon),
            ("afternoon", .afternoon), ("in the evening", .evening), ("evening", .evening), ("at night", .evening),
            ("night", .evening), ("midnight", .lateNight),
        ]
        for (word, wordPeriod) in words {
            guard let range = PhraseMatcher.firstRange(of: word, in: text) else { continue }
            period = wordPeriod
            // "noon"/"midnight" name a clock time that an explicit one ("12:30 noon") still overrides.
            if ["noon", "midday", "中午"].contains(word) { impliedHour = 12 }
            if ["midnight", "午夜"].contains(word) { impliedHour = 0 }
            consume(range)
            break
        }
    }

    /// 21:30, 9pm, 9:30 p.m., 9点, 9点半, 10点15分, at 9, 9 o'clock.
    mutating func parseTimes() {
        guard hasDigit else { return }
        if text.contains(":"),
            let match = text.firstMatch(
                of: DatePartPattern.clockTime)
        {
            hour = Int(match.1)
            minute = Int(match.2) ?? 0
            meridiem = match.3.map { String($0.prefix(1)) }
            consume(match.range)
            return
        }
        if mentions(["点", "时"]), let match = text.firstMatch(of: DatePartPattern.chineseHour) {
            hour = Int(match.1)
            if match.2 != nil { minute = 30 } else if let written = match.3 { minute = Int(written) ?? 0 }
            consume(match.range)
            return
        }
        if mentions(["am", "pm", "a.m", "p.m", "clock"]),
            let match = text.firstMatch(of: DatePartPattern.hourWithSuffix)
        {
            hour = Int(match.1)
            let suffix = String(match.2)
            meridiem = suffix.hasPrefix("a") || suffix.hasPrefix("p") ? String(suffix.prefix(1)) : nil
            consume(match.range)
            return
        }
        if mentions(["at ", "around ", "about "]),
            let match = text.firstMatch(of: DatePartPattern.atHour)
        {
            hour = Int(match.1)
            consume(match.range)
        }
    }

    // MARK: - Assembly

    mutating func assemble() -> Outcome {
        // Leftover digits mean a part we did not understand ("2026" alone, "13/45/99").
        if text.contains(where: { $0.isASCII && $0.isNumber }) { return .unparsed }
        var clockHour = hour
        var isApproximate = false
        var nextDay = 0
        if var written = clockHour {
            if let meridiem {
                guard (1...12).contains(written) else { return .unparsed }
                written = meridiem == "p" ? (written % 12) + 12 : written % 12
            } else if let period, written <= 12 {
                written = period.hour24(written)
            }
            if written == 24, period != nil {
                written = 0
                nextDay = 1
            }
            guard (0...23).contains(written) else { return .unparsed }
            clockHour = written
        } else if let impliedHour {
            clockHour = impliedHour
        }
        let hasDate = dayOffset != nil || month != nil || day != nil
        guard hasDate || clockHour != nil || period != nil else { return .unparsed }
        var usesDefaultTime = false
        if clockHour == nil {
            isApproximate = true
            usesDefaultTime = true
            clockHour = period?.defaultHour ?? 0
        }
        guard let finalHour = clockHour else { return .unparsed }
        let nowParts = calendar.dateComponents([.year, .month, .day], from: now)
        guard let nowYear = nowParts.year, let nowMonth = nowParts.month, let nowDay = nowParts.day else {
            return .unparsed
        }
        var result: Date
        if let month, let day {
            guard let date = checkedDate(year: year ?? nowYear, month: month, day: day, hour: finalHour, minute: minute)
            else { return .unparsed }
            result = date
            if year == nil, result > now {
                guard
                    let earlier = checkedDate(
                        year: nowYear - 1, month: month, day: day, hour: finalHour, minute: minute)
                else { return .unparsed }
                result = earlier
            }
        } else if let day {
            guard let date = checkedDate(year: nowYear, month: nowMonth, day: day, hour: finalHour, minute: minute)
            else { return .unparsed }
            result = date
            if result > now, let lastMonth = calendar.date(byAdding: .month, value: -1, to: date),
                calendar.component(.day, from: lastMonth) == day
            {
                result = lastMonth
            }
        } else {
            guard let today = checkedDate(year: nowYear, month: nowMonth, day: nowDay, hour: finalHour, minute: minute),
                let date = calendar.date(byAdding: .day, value: -(dayOffset ?? 0), to: today)
            else { return .unparsed }
            result = date
        }
        if nextDay > 0, let shifted = calendar.date(byAdding: .day, value: nextDay, to: result) { result = shifted }
        // A bare time ("at 10:30", "晚上9点") is the most recent one, unless the day was said.
        if dayOffset == nil, month == nil, day == nil, !usesDefaultTime, result > now,
            let yesterday = calendar.date(byAdding: .day, value: -1, to: result)
        {
            result = yesterday
        }
        // "this evening" said at 19:00: the assumed 21:00 would be in the future, so take "now".
        if usesDefaultTime, result > now, calendar.isDate(result, inSameDayAs: now), (dayOffset ?? 0) == 0,
            month == nil, day == nil
        {
            result = now
        }
        return check(result, isApproximate: isApproximate)
    }

    /// Rejects instants in the future (a minute of slack for clocks and rounding).
    func check(_ instant: Date, isApproximate: Bool) -> Outcome {
        instant.timeIntervalSince(now) > 60 ? .inFuture : .resolved(instant, isApproximate: isApproximate)
    }
}

/// The patterns above, built once. A regex literal builds a new `Regex` (and compiles it again) every
/// time it is evaluated, which cost tens of microseconds per call on the reply path. `Regex` is not
/// `Sendable`, but a built one is never mutated and compiles its program once, thread-safely, so
/// sharing these constants is safe.
enum DatePartPattern {
    nonisolated(unsafe) static let numericDate = #/(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/#
    nonisolated(unsafe) static let chineseMonthDay = #/(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/#
    nonisolated(unsafe) static let monthNameDay = #/\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?/#
    nonisolated(unsafe) static let dayMonthName = #/\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\b\.?(?:,?\s+(\d{4})\b)?/#
    nonisolated(unsafe) static let slashDate = #/(?:^|[^\d.:/])(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?(?![\d/:])/#
    nonisolated(unsafe) static let chineseDayOfMonth = #/(?:^|[^\d.:])(\d{1,2})\s*[日号]/#
    nonisolated(unsafe) static let chineseWeekday = #/(上*)\s*(?:周|星期|礼拜)\s*([1-7])/#
    nonisolated(unsafe) static let weekdayName = #/\b(last\s+|this\s+|on\s+|past\s+)?([a-z]{3,9})\b/#
    nonisolated(unsafe) static let clockTime = #/(\d{1,2})\s*:\s*(\d{2})(?:\s*:\s*\d{2}(?:\.\d+)?)?\s*(am|pm|a\.m\.|p\.m\.)?/#
    nonisolated(unsafe) static let chineseHour = #/(\d{1,2})\s*(?:点钟|点|时)\s*(?:(半)|(\d{1,2})\s*分?)?/#
    nonisolated(unsafe) static let hourWithSuffix = #/\b(\d{1,2})\s*(am|pm|a\.m\.|p\.m\.|o'?clock)/#
    nonisolated(unsafe) static let atHour = #/\b(?:at|around|about)\s+(\d{1,2})\b(?![.:\d])/#
}

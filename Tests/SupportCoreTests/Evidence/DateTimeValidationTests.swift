import Foundation
import SupportCore
import Testing

/// Now is Saturday 2026-01-10 12:00 in Asia/Shanghai.
@Suite("Date and time validation")
struct DateTimeValidationTests {
    @Test(
        "absolute and relative dates resolve against the fixed clock",
        arguments: [
            ("2026-01-09", "2026-01-09T00:00+08:00", true),
            ("2026-01-09 21:30", "2026-01-09T21:30+08:00", false),
            ("2026-01-09T21:30", "2026-01-09T21:30+08:00", false),
            ("2026-01-09T21:30:15.250", "2026-01-09T21:30+08:00", false),
            ("2026-01-09T13:30:00Z", "2026-01-09T21:30+08:00", false),
            ("2026-01-09T21:30:00+09:00", "2026-01-09T20:30+08:00", false),
            ("2026/1/9", "2026-01-09T00:00+08:00", true),
            ("2026年1月9日晚上9点", "2026-01-09T21:00+08:00", false),
            ("1月9日晚上9点", "2026-01-09T21:00+08:00", false),
            ("1月9号 21:30", "2026-01-09T21:30+08:00", false),
            ("1月9日", "2026-01-09T00:00+08:00", true),
            ("12月25日", "2025-12-25T00:00+08:00", true),
            ("十二月二十五日", "2025-12-25T00:00+08:00", true),
            ("jan 9", "2026-01-09T00:00+08:00", true),
            ("January 9th, 2026 at 9:30pm", "2026-01-09T21:30+08:00", false),
            ("9 jan 2026 21:05", "2026-01-09T21:05+08:00", false),
            ("1/9 21:30", "2026-01-09T21:30+08:00", false),
            ("9号晚上", "2026-01-09T21:00+08:00", true),
            ("yesterday", "2026-01-09T00:00+08:00", true),
            // A token standard's digits and "一直", "一共" are no part of a date.
            ("sent on trc20 yesterday 8pm", "2026-01-09T20:00+08:00", false), ("转账一直没到 昨晚8点转的", "2026-01-09T20:00+08:00", false),
            ("昨天下午3点多被转走了 一共", "2026-01-09T15:00+08:00", false),
            ("Yesterday at 9pm", "2026-01-09T21:00+08:00", false),
            ("3pm yesterday", "2026-01-09T15:00+08:00", false),
            ("last night", "2026-01-09T21:00+08:00", true),
            ("last night around 11", "2026-01-09T23:00+08:00", false),
            ("this morning", "2026-01-10T09:00+08:00", true),
            ("today", "2026-01-10T00:00+08:00", true),
            ("10:30 today", "2026-01-10T10:30+08:00", false),
            ("10:30", "2026-01-10T10:30+08:00", false),
            ("15:00", "2026-01-09T15:00+08:00", false),
            ("2 hours ago", "2026-01-10T10:00+08:00", false),
            ("an hour ago", "2026-01-10T11:00+08:00", false),
            ("45 minutes ago", "2026-01-10T11:15+08:00", false),
            ("half an hour ago", "2026-01-10T11:30+08:00", false),
            ("3 days ago", "2026-01-07T00:00+08:00", true),
            ("three days ago at 10pm", "2026-01-07T22:00+08:00", false),
            ("a week ago", "2026-01-03T00:00+08:00", true),
            ("just now", "2026-01-10T12:00+08:00", false),
            ("昨晚十点", "2026-01-09T22:00+08:00", false),
            ("昨晚", "2026-01-09T21:00+08:00", true),
            ("昨天下午3点", "2026-01-09T15:00+08:00", false),
            ("昨天下午三点半", "2026-01-09T15:30+08:00", false),
            ("昨天中午", "2026-01-09T12:00+08:00", false),
            ("前天", "2026-01-08T00:00+08:00", true),
            ("大前天晚上八点", "2026-01-07T20:00+08:00", false),
            ("今天早上", "2026-01-10T09:00+08:00", true),
            ("今天早上8点15分", "2026-01-10T08:15+08:00", false),
            ("凌晨3点", "2026-01-10T03:00+08:00", false),
            ("两小时前", "2026-01-10T10:00+08:00", false),
            ("两个小时前", "2026-01-10T10:00+08:00", false),
            // "…了": that long since.
            ("两个小时了", "2026-01-10T10:00+08:00", false),
            // "刚才" beside a time is not the time.
            ("我刚才说了啊，昨天晚上8点", "2026-01-09T20:00+08:00", false), ("昨晚8点，刚刚才发现", "2026-01-09T20:00+08:00", false), ("都三天了", "2026-01-07T00:00+08:00", true),
            ("刚才说过了，今早", "2026-01-10T09:00+08:00", true), ("I said it just now, this morning at 9", "2026-01-10T09:00+08:00", false),
            ("等了30分钟了", "2026-01-10T11:30+08:00", false),
            ("半小时前", "2026-01-10T11:30+08:00", false),
            ("一个半小时前", "2026-01-10T10:30+08:00", false),
            ("刚才", "2026-01-10T12:00+08:00", false),
            ("三天前", "2026-01-07T00:00+08:00", true),
            ("十点半", "2026-01-10T10:30+08:00", false),
            ("晚上9点", "2026-01-09T21:00+08:00", false),
            ("friday", "2026-01-09T00:00+08:00", true),
            ("on Friday at 8pm", "2026-01-09T20:00+08:00", false),
            ("saturday", "2026-01-10T00:00+08:00", true),
            ("last saturday", "2026-01-03T00:00+08:00", true),
            ("周一", "2026-01-05T00:00+08:00", true),
            ("上周五", "2026-01-02T00:00+08:00", true),
            ("星期天下午", "2026-01-04T15:00+08:00", true),
            ("today noon", "2026-01-10T12:00+08:00", false),
            ("昨晚12点", "2026-01-10T00:00+08:00", false),
            ("前天晚上十二点", "2026-01-09T00:00+08:00", false),
            ("下午两点半", "2026-01-09T14:30+08:00", false),
            ("9pm", "2026-01-09T21:00+08:00", false),
            // An address beside the time holds no time.
            ("around 10pm, my wallet is TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf", "2026-01-09T22:00+08:00", false),
            ("at 9", "2026-01-10T09:00+08:00", false),
        ] as [(String, String, Bool)]
    )
    func resolves(text: String, expected: String, isApproximate: Bool) throws {
        let value = try #require(ValidationFixtures.validate(text, .dateTime).accepted, "\(text)")
        #expect(value.value == expected, "\(text)")
        #expect(value.isApproximate == isApproximate, "\(text)")
    }

    @Test("this evening said before the evening is now, not the future")
    func eveningClamp() {
        #expect(ValidationFixtures.validate("this evening", .dateTime).accepted?.value == "2026-01-10T12:00+08:00")
    }

    @Test(
        "future dates are rejected",
        arguments: ["2026-02-01", "2027年1月1日", "tomorrow", "明天", "23:00 today", "今天晚上10点", "2026-01-10 13:00"]
    )
    func future(text: String) {
        #expect(ValidationFixtures.validate(text, .dateTime).reason == .dateInFuture, "\(text)")
    }

    @Test(
        "nonsense is unparsed",
        arguments: ["banana", "sometime", "2026-13-45", "2026-02-30", "25:00", "1234", "at some point last year"]
    )
    func unparsed(text: String) {
        #expect(ValidationFixtures.validate(text, .dateTime).reason == .dateUnparsed, "\(text)")
    }

    @Test("the offset comes from the context's time zone")
    func otherZone() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let context = ValidationFixtures.context(timeZone: newYork)
        // Now is 2026-01-09 23:00 in New York.
        let value = EvidenceValidator().validate("yesterday at 9pm", as: .dateTime, context: context).accepted
        #expect(value?.value == "2026-01-08T21:00-05:00")
        let iso = EvidenceValidator().validate("2026-01-09T13:30:00Z", as: .dateTime, context: context).accepted
        #expect(iso?.value == "2026-01-09T08:30-05:00")
    }
}

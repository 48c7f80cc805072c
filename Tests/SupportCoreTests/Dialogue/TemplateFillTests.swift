import Testing

@testable import SupportCore

@Suite struct TemplateFillTests {
    static let desk = DeskConfiguration(
        brand: "TokenPocket", officialDomains: ["tokenpocket.pro", "tp.xyz"], supportEmail: "help@tokenpocket.pro",
        supportHours: LocalizedText(en: "9:00-18:00 weekdays", zh: "工作日9点到18点"))

    @Test("desk placeholders are filled per language")
    func deskPlaceholders() {
        #expect(
            Self.desk.fill("{brand}: {support_hours}, {official_domains}", language: .en)
                == "TokenPocket: 9:00-18:00 weekdays, tokenpocket.pro, tp.xyz")
        #expect(Self.desk.fill("{support_hours}；{official_domains}", language: .zh) == "工作日9点到18点；tokenpocket.pro、tp.xyz")
    }

    @Test("values win over the desk's, and a value is never filled again")
    func valuesFirstAndOnce() {
        let filled = Self.desk.fill(
            "Ticket {ticket} for {brand}", language: .en, values: ["ticket": "{brand}", "brand": "Desk"])
        #expect(filled == "Ticket {brand} for Desk")
    }

    @Test(
        "unknown or unclosed placeholders stay as written",
        arguments: [
            ("{nope} {brand}", "{nope} TokenPocket"), ("{brand} {", "TokenPocket {"), ("a } b {", "a } b {"),
            ("no braces", "no braces"), ("", ""), ("{}", "{}"), ("{{brand}}", "{{brand}}"),
        ])
    func unknownStays(template: String, expected: String) {
        #expect(Self.desk.fill(template, language: .en) == expected)
    }
}

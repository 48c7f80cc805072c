import Testing

@testable import SupportCore

@Suite struct ReadableDateTests {
    @Test("ISO dates read as date, time and UTC offset", arguments: [
        ("2026-01-09T22:00+08:00", "2026-01-09 22:00 (UTC+8)"),
        ("2026-01-09T22:00:00-05:30", "2026-01-09 22:00 (UTC-5:30)"),
        ("2026-01-09T22:00Z", "2026-01-09 22:00 (UTC)"),
        ("2026-01-09", "2026-01-09"),
    ])
    func readable(iso: String, expected: String) {
        #expect(DialogueEngine.readableDate(iso) == expected)
    }
}

import SupportCatalog
import SupportCore
import Testing

@Suite("CrossValidation")
struct CrossValidationTests {
    private static func catalog() -> Catalog {
        func intent(_ id: IntentID, _ en: [String]) -> IntentDefinition {
            IntentDefinition(id: id, examples: [.en: en], reply: LocalizedText(en: "ok", zh: "好"))
        }
        return Catalog(
            configuration: DeskConfiguration(
                brand: "T", officialDomains: ["example.org"], supportEmail: "a@example.org",
                supportHours: LocalizedText(en: "always", zh: "全天")),
            intents: [
                intent(
                    "hours",
                    [
                        "when are you open", "opening hours", "what time do you open", "are you open today",
                        "hours please",
                    ]),
                intent(
                    "refund",
                    ["can I get a refund", "refund my money", "I want a refund", "refund please", "give me a refund"]),
            ],
            messages: [:])
    }

    @Test("every example is held out exactly once, split by index")
    func holdsOutEveryExample() {
        let result = CrossValidation(catalog: Self.catalog(), folds: 5)
        #expect(result.folds == 5)
        #expect(result.scores["hours"]?[.en]?.total == 5)
        #expect(result.scores["refund"]?[.en]?.total == 5)
        #expect(result.scores["hours"]?[.zh]?.total == 0)
        #expect(result.scores["hours"]?[.zh]?.accuracy == nil)
        let wrong = result.confusions.reduce(0) { $0 + $1.count }
        let correct = result.scores.values.flatMap(\.values).reduce(0) { $0 + $1.correct }
        #expect(wrong + correct == 10)
    }

    @Test("the result is deterministic")
    func deterministic() {
        let first = CrossValidation(catalog: Self.catalog(), folds: 5)
        let second = CrossValidation(catalog: Self.catalog(), folds: 5)
        #expect(first.scores == second.scores)
        #expect(first.confusions == second.confusions)
    }
}

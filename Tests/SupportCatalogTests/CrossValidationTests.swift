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

    @Test("without keywords the folds are trained on examples alone, so a keyword no longer rescues a held-out example")
    func examplesOnly() {
        var catalog = Self.catalog()
        // Held out in fold 0: reads like a refund, and only its keyword says "hours".
        catalog.intents[0].examples[.en]?.append("refund qqqq")
        catalog.intents[0].keywords = [.en: ["qqqq": 12]]
        func hoursReadAsRefund(_ result: CrossValidation) -> Int {
            result.confusions.first { $0.expected == "hours" && $0.predicted == "refund" }?.count ?? 0
        }
        let shipped = CrossValidation(catalog: catalog, folds: 5)
        let strict = CrossValidation(catalog: catalog, folds: 5, usesKeywords: false)
        #expect(shipped.usesKeywords && !strict.usesKeywords)
        // The example behind the difference is listed, so the author sees which one to rewrite.
        let missed = { (result: CrossValidation) in result.misses.filter { $0.text == "refund qqqq" } }
        #expect(missed(strict).map { "\($0.expected)->\($0.predicted) \($0.language)" } == ["hours->refund en"])
        #expect(missed(shipped).isEmpty)
        #expect(strict.misses.count == strict.confusions.reduce(0) { $0 + $1.count })
        // The keyword touches only messages that contain it, so exactly that one example differs.
        #expect(hoursReadAsRefund(strict) == hoursReadAsRefund(shipped) + 1)
        #expect(strict.overallAccuracy < shipped.overallAccuracy)
    }
}

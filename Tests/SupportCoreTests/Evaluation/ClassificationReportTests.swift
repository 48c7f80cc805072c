import Testing

@testable import SupportCore

@Suite struct ClassificationReportTests {
    @Test("hand-computed accuracy, macro-F1, in-scope accuracy and out-of-scope scores")
    func tinyCase() throws {
        // a: tp 1, gold 2, predicted 1 → F1 2/3; b: tp 1, gold 2, predicted 2 → F1 1/2;
        // oos: tp 1, gold 2, predicted 2 → F1 1/2; c: tp 0, gold 0, predicted 1 → F1 0.
        let gold: [IntentID] = ["a", "a", "b", "oos", "oos", "b"]
        let predicted: [IntentID] = ["a", "b", "b", "oos", "c", "oos"]
        let report = ClassificationReport(gold: gold, predicted: predicted)
        #expect(report.count == 6)
        #expect(abs(report.accuracy - 3.0 / 6.0) < 1e-12)
        #expect(abs(report.macroF1 - (2.0 / 3 + 0.5 + 0.5 + 0) / 4) < 1e-12)
        #expect(abs(report.inScopeAccuracy - 2.0 / 4.0) < 1e-12)
        #expect(report.outOfScopePrecision == 0.5)
        #expect(report.outOfScopeRecall == 0.5)
        #expect(report.confusions.count == 3)
        #expect(report.confusions.allSatisfy { $0.count == 1 })
        #expect(report.confusions.first == .init(gold: "a", predicted: "b", count: 1))
    }

    @Test("confusions are ordered by count")
    func confusionOrder() {
        let report = ClassificationReport(gold: ["x", "x", "y", "y", "y"], predicted: ["y", "y", "x", "y", "y"])
        #expect(report.confusions.map(\.count) == [2, 1])
        #expect(report.confusions[0].gold == "x")
    }

    @Test("without out-of-scope messages the out-of-scope scores are nil")
    func noOutOfScope() {
        let report = ClassificationReport(gold: ["a", "b"], predicted: ["a", "a"])
        #expect(report.outOfScopeRecall == nil)
        #expect(report.outOfScopePrecision == nil)
        #expect(report.accuracy == 0.5)
        #expect(report.inScopeAccuracy == 0.5)
    }
}

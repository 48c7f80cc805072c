import Testing

@testable import SupportCore

@Suite struct ThresholdSelectionTests {
    private typealias Observation = ThresholdSelection.Observation

    /// Correct in-scope predictions are confident, out-of-scope ones are not.
    private let validation: [Observation] = [
        .init(predicted: "a", confidence: 0.9, gold: "a"),
        .init(predicted: "b", confidence: 0.8, gold: "b"),
        .init(predicted: "a", confidence: 0.3, gold: "b"),
        .init(predicted: "b", confidence: 0.2, gold: "oos"),
        .init(predicted: "a", confidence: 0.1, gold: "oos"),
    ]

    @Test("accuracy objective rejects the unsure out-of-scope messages; a tie keeps the lower threshold")
    func accuracyThreshold() {
        let threshold = ThresholdSelection.choose(on: validation, outOfScope: "oos")
        // Rejecting below 0.8 would also drop the wrong 0.3 prediction: same accuracy, so 0.3 wins.
        #expect(threshold == 0.3)
        let outcome = validation.map {
            ThresholdSelection.apply(threshold, predicted: $0.predicted, confidence: $0.confidence, outOfScope: "oos")
        }
        #expect(outcome == ["a", "b", "a", "oos", "oos"])
    }

    @Test("with no out-of-scope messages the threshold never rejects")
    func nothingToReject() {
        let inScope = validation.filter { $0.gold != "oos" && $0.predicted == $0.gold }
        #expect(ThresholdSelection.choose(on: inScope, outOfScope: "oos") == 0)
    }

    @Test("balanced objective trades in-scope accuracy for out-of-scope recall")
    func balancedThreshold() {
        let observations: [Observation] = [
            .init(predicted: "a", confidence: 0.9, gold: "a"),
            .init(predicted: "a", confidence: 0.5, gold: "a"),
            .init(predicted: "a", confidence: 0.55, gold: "oos"),
            .init(predicted: "a", confidence: 0.95, gold: "a"), .init(predicted: "a", confidence: 0.97, gold: "a"),
        ]
        // accuracy: rejecting at 0.9 gains 1 oos, loses 1 in-scope → tie, lowest (0) wins.
        #expect(ThresholdSelection.choose(on: observations, outOfScope: "oos", objective: .accuracy) == 0)
        // balanced: 3/4 in-scope + 1/1 recall beats 4/4 + 0/1.
        #expect(ThresholdSelection.choose(on: observations, outOfScope: "oos", objective: .balanced) == 0.9)
    }

    @Test("the evaluation protocol picks the threshold on validation only, never on test")
    func thresholdIgnoresTest() {
        let train = [
            TrainingExample(text: "what is my balance", label: "balance"),
            TrainingExample(text: "how much money is in my account", label: "balance"),
            TrainingExample(text: "set an alarm for six", label: "alarm"),
            TrainingExample(text: "wake me up tomorrow with an alarm", label: "alarm"),
        ]
        let classifier = IntentClassifier(examples: train)
        let validation = [
            TrainingExample(text: "balance in my account", label: "balance"),
            TrainingExample(text: "alarm at six please", label: "alarm"),
            TrainingExample(text: "what is the weather on mars", label: "oos"),
        ]
        let testA = [TrainingExample(text: "my balance", label: "balance")]
        let testB = [
            TrainingExample(text: "sing me a song", label: "oos"), TrainingExample(text: "an alarm", label: "alarm"),
            TrainingExample(text: "tell me a joke", label: "oos"),
        ]
        let resultA = EvaluationPlan(train: train, validation: validation, test: testA).evaluate(with: classifier)
        let resultB = EvaluationPlan(train: train, validation: validation, test: testB).evaluate(with: classifier)
        #expect(resultA.threshold != nil)
        #expect(resultA.threshold == resultB.threshold)
        let observations = validation.map { example in
            let prediction = classifier.classify(example.text)
            return Observation(predicted: prediction.intent, confidence: prediction.confidence, gold: example.label)
        }
        #expect(resultA.threshold == ThresholdSelection.choose(on: observations, outOfScope: "oos"))
        #expect(EvaluationPlan(train: train, test: testB).evaluate(with: classifier).threshold == nil)

        // --refit-on-val: the threshold chosen with the train-only model is applied as is to the
        // refit model's test predictions; only in-scope validation messages are trained on.
        let plan = EvaluationPlan(train: train, validation: validation, test: testB)
        #expect(plan.inScopeValidation.map(\.label) == ["balance", "alarm"])
        let threshold = plan.threshold(with: classifier)
        #expect(threshold == resultB.threshold)
        #expect(plan.score(with: classifier, threshold: threshold) == resultB)
        let refit = IntentClassifier(examples: train + plan.inScopeValidation)
        let refitResult = plan.score(with: refit, threshold: threshold)
        #expect(refitResult.threshold == threshold)
        let expected = testB.map { example -> IntentID in
            let prediction = refit.classify(example.text)
            return ThresholdSelection.apply(
                threshold ?? 0, predicted: prediction.intent, confidence: prediction.confidence, outOfScope: "oos")
        }
        #expect(refitResult.report == ClassificationReport(gold: testB.map(\.label), predicted: expected, outOfScope: "oos"))
    }
}

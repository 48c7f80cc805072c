/// Development data carved from training or validation data, so classifier settings are chosen
/// without looking at a test split (`supportbot eval --dev`).
public enum DevelopmentSplit {
    /// One round of cross-validation: train on `train`, score `heldOut`.
    public struct Fold: Sendable {
        public var train: [TrainingExample]
        public var heldOut: [TrainingExample]
    }

    /// Stratified `count`-fold cross-validation: the i-th example of each label (in the given
    /// order) is held out in fold `i % count`. Deterministic.
    public static func folds(of examples: [TrainingExample], count: Int) -> [Fold] {
        precondition(count >= 2, "cross-validation needs at least two folds")
        var seen: [IntentID: Int] = [:]
        let assignment = examples.map { example -> Int in
            let rank = seen[example.label, default: 0]
            seen[example.label] = rank + 1
            return rank % count
        }
        return (0..<count).map { fold in
            var result = Fold(train: [], heldOut: [])
            for (example, assigned) in zip(examples, assignment) {
                if assigned == fold { result.heldOut.append(example) } else { result.train.append(example) }
            }
            return result
        }
    }

    /// CLINC150 without its test split: train on `train`, then score `validation` twice, each time
    /// choosing the out-of-scope threshold on one half (even or odd positions) and applying it to
    /// the other; the two halves' predictions are pooled into one report.
    public static func scoreValidation(
        with classifier: IntentClassifier, validation: [TrainingExample],
        outOfScope: IntentID = ClincDataset.outOfScopeLabel, objective: ThresholdSelection.Objective = .accuracy
    ) -> (report: ClassificationReport, closedSet: ClassificationReport) {
        let predictions = validation.map { classifier.classify($0.text) }
        let observations = zip(validation, predictions).map { example, prediction in
            ThresholdSelection.Observation(
                predicted: prediction.intent, confidence: prediction.confidence, gold: example.label)
        }
        let halves = [0, 1].map { parity in observations.indices.filter { $0 % 2 == parity } }
        var rejected = predictions.map(\.intent)
        for (choose, apply) in [(halves[0], halves[1]), (halves[1], halves[0])] {
            let threshold = ThresholdSelection.choose(
                on: choose.map { observations[$0] }, outOfScope: outOfScope, objective: objective)
            for position in apply {
                rejected[position] = ThresholdSelection.apply(
                    threshold, predicted: predictions[position].intent, confidence: predictions[position].confidence,
                    outOfScope: outOfScope)
            }
        }
        let gold = validation.map(\.label)
        return (
            ClassificationReport(gold: gold, predicted: rejected, outOfScope: outOfScope),
            ClassificationReport(gold: gold, predicted: predictions.map(\.intent), outOfScope: outOfScope)
        )
    }
}

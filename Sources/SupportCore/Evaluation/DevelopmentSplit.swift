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
    ///
    /// With `refit`, the dev analogue of `eval --refit-on-val`: the threshold is still chosen with
    /// `classifier` on one half, then `refit` is given that half's in-scope messages (to train a
    /// final model on `train` + them) and the final model scores the other half. The closed-set
    /// report then pools the final models' predictions too.
    public static func scoreValidation(
        with classifier: IntentClassifier, validation: [TrainingExample],
        outOfScope: IntentID = ClincDataset.outOfScopeLabel, objective: ThresholdSelection.Objective = .accuracy,
        refit: (([TrainingExample]) -> IntentClassifier)? = nil
    ) -> (report: ClassificationReport, closedSet: ClassificationReport) {
        let predictions = validation.map { classifier.classify($0.text) }
        let observations = zip(validation, predictions).map { example, prediction in
            ThresholdSelection.Observation(
                predicted: prediction.intent, confidence: prediction.confidence, gold: example.label)
        }
        let halves = [0, 1].map { parity in observations.indices.filter { $0 % 2 == parity } }
        var closed = predictions.map(\.intent)
        var rejected = closed
        for (choose, apply) in [(halves[0], halves[1]), (halves[1], halves[0])] {
            let threshold = ThresholdSelection.choose(
                on: choose.map { observations[$0] }, outOfScope: outOfScope, objective: objective)
            let final = refit?(choose.map { validation[$0] }.filter { $0.label != outOfScope })
            for position in apply {
                let prediction = final?.classify(validation[position].text) ?? predictions[position]
                closed[position] = prediction.intent
                rejected[position] = ThresholdSelection.apply(
                    threshold, predicted: prediction.intent, confidence: prediction.confidence,
                    outOfScope: outOfScope)
            }
        }
        let gold = validation.map(\.label)
        return (
            ClassificationReport(gold: gold, predicted: rejected, outOfScope: outOfScope),
            ClassificationReport(gold: gold, predicted: closed, outOfScope: outOfScope)
        )
    }
}

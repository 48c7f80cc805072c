/// What to train on, what to pick the out-of-scope threshold on, and what to score: the
/// protocol of one `supportbot eval` run, independent of files and clocks.
public struct EvaluationPlan: Sendable {
    /// Messages the classifier is trained on.
    public var train: [TrainingExample]
    /// In-scope and out-of-scope validation messages; the threshold is chosen here only. Empty:
    /// no threshold, the classifier never rejects.
    public var validation: [TrainingExample]
    /// Messages scored for the report.
    public var test: [TrainingExample]
    /// The gold label of out-of-scope messages in this set (`oos` in CLINC150).
    public var outOfScope: IntentID

    public init(
        train: [TrainingExample], validation: [TrainingExample] = [], test: [TrainingExample],
        outOfScope: IntentID = ClincDataset.outOfScopeLabel
    ) {
        self.train = train
        self.validation = validation
        self.test = test
        self.outOfScope = outOfScope
    }

    /// CLINC150's threshold protocol: train on `train` (plus `oos_train` as a class of its own when
    /// `trainsOutOfScope`), choose the threshold on `val` + `oos_val`, score `test` + `oos_test`.
    public static func clinc(_ dataset: ClincDataset, trainsOutOfScope: Bool = false) -> EvaluationPlan {
        EvaluationPlan(
            train: dataset.train + (trainsOutOfScope ? dataset.outOfScopeTrain : []),
            validation: dataset.validation + dataset.outOfScopeValidation,
            test: dataset.test + dataset.outOfScopeTest)
    }

    /// Classifies `validation`, picks the threshold there, then classifies and scores `test`.
    public func evaluate(
        with classifier: IntentClassifier, objective: ThresholdSelection.Objective = .accuracy
    ) -> EvaluationResult {
        var threshold: Double?
        if !validation.isEmpty {
            let observations = validation.map { example in
                let prediction = classifier.classify(example.text)
                return ThresholdSelection.Observation(
                    predicted: prediction.intent, confidence: prediction.confidence, gold: example.label)
            }
            threshold = ThresholdSelection.choose(on: observations, outOfScope: outOfScope, objective: objective)
        }
        let predictions = test.map { classifier.classify($0.text) }
        let gold = test.map(\.label)
        let closed = ClassificationReport(gold: gold, predicted: predictions.map(\.intent), outOfScope: outOfScope)
        let rejected = predictions.map { prediction in
            ThresholdSelection.apply(
                threshold ?? 0, predicted: prediction.intent, confidence: prediction.confidence, outOfScope: outOfScope)
        }
        let report = ClassificationReport(gold: gold, predicted: rejected, outOfScope: outOfScope)
        return EvaluationResult(report: report, closedSetReport: closed, threshold: threshold, objective: objective)
    }
}

/// The outcome of `EvaluationPlan.evaluate`.
public struct EvaluationResult: Sendable, Equatable {
    /// Scores after rejecting low-confidence predictions as out-of-scope.
    public var report: ClassificationReport
    /// Scores with no rejection (only the classifier's own labels).
    public var closedSetReport: ClassificationReport
    /// The confidence threshold chosen on validation; `nil` without validation data.
    public var threshold: Double?
    public var objective: ThresholdSelection.Objective
}

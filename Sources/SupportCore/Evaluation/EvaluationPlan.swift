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

    /// The in-scope part of `validation`: what `--refit-on-val` adds to the training set of the
    /// final model (out-of-scope validation messages are never trained on).
    public var inScopeValidation: [TrainingExample] { validation.filter { $0.label != outOfScope } }

    /// Classifies `validation`, picks the threshold there, then classifies and scores `test`.
    public func evaluate(
        with classifier: IntentClassifier, objective: ThresholdSelection.Objective = .accuracy
    ) -> EvaluationResult {
        score(with: classifier, threshold: threshold(with: classifier, objective: objective), objective: objective)
    }

    /// The threshold `classifier` gets on `validation`; `nil` without validation data.
    public func threshold(
        with classifier: IntentClassifier, objective: ThresholdSelection.Objective = .accuracy
    ) -> Double? {
        guard !validation.isEmpty else { return nil }
        let observations = validation.map { example in
            let prediction = classifier.classify(example.text)
            return ThresholdSelection.Observation(
                predicted: prediction.intent, confidence: prediction.confidence, gold: example.label)
        }
        return ThresholdSelection.choose(on: observations, outOfScope: outOfScope, objective: objective)
    }

    /// Classifies and scores `test` with a `threshold` chosen beforehand, possibly with another
    /// model (`--refit-on-val`: chosen with the model trained on `train`, applied to one refit on
    /// `train` + in-scope `validation`).
    public func score(
        with classifier: IntentClassifier, threshold: Double?, objective: ThresholdSelection.Objective = .accuracy
    ) -> EvaluationResult {
        let predictions = test.map { classifier.classify($0.text) }
        let gold = test.map(\.label)
        let closed = ClassificationReport(gold: gold, predicted: predictions.map(\.intent), outOfScope: outOfScope)
        let rejected = predictions.map { prediction in
            ThresholdSelection.apply(
                threshold ?? 0, predicted: prediction.intent, confidence: prediction.confidence, outOfScope: outOfScope)
        }
        let report = ClassificationReport(gold: gold, predicted: rejected, outOfScope: outOfScope)
        let confidences = predictions.map(\.confidence).sorted()
        let median = confidences.isEmpty ? nil : confidences[confidences.count / 2]
        return EvaluationResult(
            report: report, closedSetReport: closed, threshold: threshold, objective: objective,
            medianTestConfidence: median)
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
    /// Median top-label confidence over `test` (of the model that scored it): a check that a
    /// threshold chosen with one model still means the same for another.
    public var medianTestConfidence: Double? = nil
}

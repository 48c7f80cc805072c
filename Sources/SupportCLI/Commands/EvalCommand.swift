import ArgumentParser
import Foundation
import SupportCore

/// `supportbot eval`: train the bot's classifier on a labelled set and score another.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Train and score the classifier on a labelled set.",
        discussion: """
            Reads a CSV set (header 'text,category', RFC 4180 quoting) given as --train and --test, or a \
            CLINC150-style JSON file (train, val, test, oos_*) given as --train alone. For JSON, the \
            out-of-scope confidence threshold is chosen on val + oos_val only, then applied to test + oos_test. \
            Progress goes to standard error.
            """
    )

    @Option(help: ArgumentHelp("Training set: a .csv file, or a CLINC150-style .json file.", valueName: "path"))
    var train: String

    @Option(help: ArgumentHelp("Test set (.csv); not needed when --train is a .json file.", valueName: "path"))
    var test: String?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @Option(help: ArgumentHelp("What the threshold maximises on validation: accuracy or balanced.", valueName: "name"))
    var thresholdObjective: String = ThresholdSelection.Objective.accuracy.rawValue

    @Flag(help: "CLINC150 only: also train an out-of-scope class on oos_train.")
    var trainOutOfScope = false

    @Flag(
        help: """
            CLINC150 only: choose the threshold as usual (model trained on train, threshold on val + \
            oos_val), then train the final model on train + in-scope val (oos_val is never trained on) \
            and apply that threshold to test + oos_test. With --dev: threshold on one half of val, final \
            model on train + that half's in-scope messages, scored on the other half.
            """)
    var refitOnVal = false

    @Option(help: "How many of the most frequent confusions to list.")
    var confusions = 10

    @Flag(
        help: """
            Score settings without any test split: for CSV, stratified cross-validation on --train \
            (--folds); for CLINC150 JSON, train on train and score val, the threshold chosen on each \
            half of val and applied to the other.
            """)
    var dev = false

    @Option(help: "Folds of the --dev cross-validation on a CSV training set.")
    var folds = 5

    func validate() throws {
        guard ThresholdSelection.Objective(rawValue: thresholdObjective) != nil else {
            throw ValidationError(
                "--threshold-objective must be one of: "
                    + ThresholdSelection.Objective.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if !isJSON(train) && test == nil && !dev {
            throw ValidationError("--test is required when --train is a CSV file (only CLINC150 JSON holds its own test split).")
        }
        if isJSON(train) && test != nil {
            throw ValidationError("--test is not used with a CLINC150 JSON file; it already holds val and test splits.")
        }
        if refitOnVal && !isJSON(train) {
            throw ValidationError("--refit-on-val needs a CLINC150 JSON file (a set with a validation split).")
        }
        guard confusions >= 0 else { throw ValidationError("--confusions must be 0 or more.") }
        guard folds >= 2 else { throw ValidationError("--folds must be 2 or more.") }
    }

    func run() async throws {
        let objective = ThresholdSelection.Objective(rawValue: thresholdObjective) ?? .accuracy
        progress("reading \(train)")
        if dev {
            try runDevelopment(objective: objective)
            return
        }
        let plan = try loadPlan()
        progress("training on \(plan.train.count) examples")
        let clock = ContinuousClock()
        let start = clock.now
        var classifier = IntentClassifier(examples: plan.train)
        let seconds = (clock.now - start).seconds
        progress(String(format: "trained in %.2f s (%d labels, %d features); scoring %d messages",
                        seconds, classifier.labels.count, classifier.featureCount, plan.test.count))
        var result = plan.evaluate(with: classifier, objective: objective)
        var refit: Refit?
        if refitOnVal {
            // The threshold stays the one the train-only model chose on val; that model is
            // released before the final one is trained, so the peak holds one model.
            let withoutRefit = result
            let firstFeatures = classifier.featureCount
            classifier = IntentClassifier(examples: [])
            let examples = plan.train + plan.inScopeValidation
            progress("refitting on \(examples.count) examples (train + in-scope val)")
            let start = clock.now
            classifier = IntentClassifier(examples: examples)
            refit = Refit(
                examples: examples.count, seconds: (clock.now - start).seconds, firstFeatures: firstFeatures,
                withoutRefit: withoutRefit)
            result = plan.score(with: classifier, threshold: withoutRefit.threshold, objective: objective)
        }
        progress("timing single-message classification")
        let speed = SpeedProbe.measure(classifier, texts: plan.test.map(\.text))
        if json {
            print(jsonReport(result, plan: plan, classifier: classifier, seconds: seconds, speed: speed, refit: refit))
        } else {
            print(textReport(result, plan: plan, classifier: classifier, seconds: seconds, speed: speed, refit: refit))
        }
    }

    // MARK: - Development

    /// `--dev`: prints development figures only; the test split is never read or scored.
    private func runDevelopment(objective: ThresholdSelection.Objective) throws {
        let clock = ContinuousClock()
        let options = ClassifierOptions()
        if isJSON(train) {
            let dataset = try loadClinc()
            let examples = dataset.train + (trainOutOfScope ? dataset.outOfScopeTrain : [])
            let start = clock.now
            let classifier = IntentClassifier(examples: examples, options: options)
            let seconds = (clock.now - start).seconds
            let refit: (([TrainingExample]) -> IntentClassifier)? =
                refitOnVal ? { IntentClassifier(examples: examples + $0, options: options) } : nil
            let scored = DevelopmentSplit.scoreValidation(
                with: classifier, validation: dataset.validation + dataset.outOfScopeValidation, objective: objective,
                refit: refit)
            print(
                String(
                    format: (refitOnVal ? "dev (val, refit on train + the other half): " : "dev (val): ") + "closed-set in-scope %.2f%%, in-scope %.2f%%, oos recall %.1f%%, train %.2f s",
                    scored.closedSet.inScopeAccuracy * 100, scored.report.inScopeAccuracy * 100,
                    (scored.report.outOfScopeRecall ?? 0) * 100, seconds))
            return
        }
        var correct = 0
        var total = 0
        var seconds = 0.0
        for (number, fold) in DevelopmentSplit.folds(of: try readCSV(train), count: folds).enumerated() {
            let start = clock.now
            let classifier = IntentClassifier(examples: fold.train, options: options)
            seconds += (clock.now - start).seconds
            let right = fold.heldOut.filter { classifier.classify($0.text).intent == $0.label }.count
            progress(String(format: "fold %d: %.2f%%", number + 1, Double(right) / Double(fold.heldOut.count) * 100))
            correct += right
            total += fold.heldOut.count
        }
        print(
            String(
                format: "dev (%d-fold CV on train): accuracy %.2f%% (%d/%d), train %.2f s a fold", folds,
                Double(correct) / Double(max(total, 1)) * 100, correct, total, seconds / Double(folds)))
    }

    // MARK: - Input

    private func isJSON(_ path: String) -> Bool { path.lowercased().hasSuffix(".json") }

    private func loadPlan() throws -> EvaluationPlan {
        if isJSON(train) { return EvaluationPlan.clinc(try loadClinc(), trainsOutOfScope: trainOutOfScope) }
        return EvaluationPlan(train: try readCSV(train), test: try readCSV(test ?? ""))
    }

    private func loadClinc() throws -> ClincDataset {
        do {
            return try ClincDataset(json: try Data(contentsOf: URL(fileURLWithPath: train)))
        } catch let error as DatasetError {
            throw ValidationError("\(train): \(error.message)")
        }
    }

    private func readCSV(_ path: String) throws -> [TrainingExample] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read \(path) as UTF-8 text: \(error.localizedDescription)")
        }
        do {
            return try LabelledCSV.examples(from: text)
        } catch let error as CSVError {
            throw ValidationError("\(path):\(error.line): \(error.message)")
        }
    }

    private func progress(_ message: String) {
        FileHandle.standardError.write(Data("eval: \(message)\n".utf8))
    }

    // MARK: - Output

    /// `--refit-on-val`: the final model's training, and the figures the model trained on `train`
    /// alone gives with the same threshold.
    private struct Refit {
        var examples: Int
        var seconds: Double
        /// The feature count of the model trained on `train` alone, which the report's training line describes.
        var firstFeatures: Int
        var withoutRefit: EvaluationResult
    }

    private func jsonReport(
        _ result: EvaluationResult, plan: EvaluationPlan, classifier: IntentClassifier, seconds: Double,
        speed: SpeedProbe, refit: Refit?
    ) -> String {
        let report = result.report
        func rounded(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }
        func nullable(_ value: Double?) -> Any { value.map(rounded) ?? NSNull() }
        var object: [String: Any] = [
            "train_file": train,
            "test_file": test ?? train,
            "train_examples": plan.train.count,
            "validation_examples": plan.validation.count,
            "test_examples": plan.test.count,
            "labels": classifier.labels.count,
            "features": refit?.firstFeatures ?? classifier.featureCount,
            "accuracy": rounded(report.accuracy),
            "macro_f1": rounded(report.macroF1),
            "in_scope_accuracy": rounded(report.inScopeAccuracy),
            "closed_set_in_scope_accuracy": rounded(result.closedSetReport.inScopeAccuracy),
            "oos_precision": nullable(report.outOfScopePrecision),
            "oos_recall": nullable(report.outOfScopeRecall),
            "threshold": nullable(result.threshold),
            "threshold_objective": result.threshold == nil ? NSNull() : result.objective.rawValue,
            "oos_trained": trainOutOfScope && isJSON(train),
            "train_seconds": rounded(seconds),
            "latency_p50_us": rounded(speed.medianMicroseconds),
            "latency_p99_us": rounded(speed.p99Microseconds),
            "batch_messages_per_second": speed.messagesPerSecond.rounded(),
            "confusions": report.confusions.prefix(confusions).map {
                ["gold": $0.gold.rawValue, "predicted": $0.predicted.rawValue, "count": $0.count] as [String: Any]
            },
        ]
        object["median_test_confidence"] = nullable(result.medianTestConfidence)
        if let refit {
            let base = refit.withoutRefit
            object["refit_on_val"] = [
                "final_train_examples": refit.examples,
                "final_train_seconds": rounded(refit.seconds),
                "final_features": classifier.featureCount,
                "without_refit": [
                    "in_scope_accuracy": rounded(base.report.inScopeAccuracy),
                    "closed_set_in_scope_accuracy": rounded(base.closedSetReport.inScopeAccuracy),
                    "oos_recall": nullable(base.report.outOfScopeRecall),
                    "median_test_confidence": nullable(base.medianTestConfidence),
                ] as [String: Any],
            ] as [String: Any]
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private func textReport(
        _ result: EvaluationResult, plan: EvaluationPlan, classifier: IntentClassifier, seconds: Double,
        speed: SpeedProbe, refit: Refit?
    ) -> String {
        let report = result.report
        func percent(_ value: Double?) -> String { value.map { String(format: "%.2f%%", $0 * 100) } ?? "n/a" }
        var lines = [
            "train: \(plan.train.count) examples, \(classifier.labels.count) labels, "
                + "\(refit?.firstFeatures ?? classifier.featureCount) features, "
                + String(format: "%.2f s", seconds),
            "test: \(plan.test.count) messages",
            "accuracy: \(percent(report.accuracy))",
            "macro-F1: \(percent(report.macroF1))",
            "in-scope accuracy: \(percent(report.inScopeAccuracy))",
            "out-of-scope precision: \(percent(report.outOfScopePrecision))",
            "out-of-scope recall: \(percent(report.outOfScopeRecall))",
        ]
        if let threshold = result.threshold {
            lines.append(
                String(format: "threshold: %.4f", threshold)
                    + " (chosen on \(plan.validation.count) validation messages, objective \(result.objective.rawValue))")
            lines.append("closed-set in-scope accuracy (no threshold): \(percent(result.closedSetReport.inScopeAccuracy))")
            if let median = result.medianTestConfidence {
                lines.append(String(format: "median top confidence on test: %.4f", median))
            }
        }
        if let refit {
            let base = refit.withoutRefit
            lines.append(
                "refit on val: final model trained on \(refit.examples) examples (train + in-scope val), "
                    + "\(classifier.featureCount) features, in "
                    + String(format: "%.2f s", refit.seconds) + "; the threshold was chosen with the train-only model")
            lines.append(
                "  train-only model, same threshold: in-scope \(percent(base.report.inScopeAccuracy)), "
                    + "OOS recall \(percent(base.report.outOfScopeRecall)), closed-set \(percent(base.closedSetReport.inScopeAccuracy)), "
                    + String(format: "median top confidence on test %.4f", base.medianTestConfidence ?? 0))
        }
        lines.append(
            String(
                format: "single message: median %.2f µs, p99 %.2f µs; batch: %.0f messages/s",
                speed.medianMicroseconds, speed.p99Microseconds, speed.messagesPerSecond))
        if confusions > 0 && !report.confusions.isEmpty {
            lines.append("most confused (gold -> predicted: count):")
            for confusion in report.confusions.prefix(confusions) {
                lines.append("  \(confusion.gold) -> \(confusion.predicted): \(confusion.count)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

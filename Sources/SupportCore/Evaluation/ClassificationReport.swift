/// Scores of predicted labels against gold labels: accuracy, macro-F1, in-scope accuracy,
/// out-of-scope precision and recall, and the most frequent confusions.
public struct ClassificationReport: Sendable, Equatable {
    /// One kind of mistake: `gold` predicted as `predicted`, `count` times.
    public struct Confusion: Sendable, Equatable {
        public var gold: IntentID
        public var predicted: IntentID
        public var count: Int
    }

    public var count: Int
    /// Correct predictions / all messages.
    public var accuracy: Double
    /// Unweighted mean of per-label F1 over every label that occurs in gold or predictions.
    public var macroF1: Double
    /// Correct predictions among messages whose gold label is not `outOfScope` (a rejected
    /// in-scope message counts as wrong).
    public var inScopeAccuracy: Double
    /// Of the messages predicted out-of-scope, the share that are; `nil` when gold has none.
    public var outOfScopePrecision: Double?
    /// Of the out-of-scope messages, the share predicted so; `nil` when gold has none.
    public var outOfScopeRecall: Double?
    /// Mistakes grouped by (gold, predicted), most frequent first.
    public var confusions: [Confusion]

    /// Scores `predicted` against `gold` (same order and length).
    public init(gold: [IntentID], predicted: [IntentID], outOfScope: IntentID = ClincDataset.outOfScopeLabel) {
        precondition(gold.count == predicted.count, "gold and predicted labels must pair up")
        count = gold.count
        var truePositives: [IntentID: Int] = [:]
        var goldCounts: [IntentID: Int] = [:]
        var predictedCounts: [IntentID: Int] = [:]
        var confusionCounts: [PairKey: Int] = [:]
        var correct = 0
        var inScope = 0
        var inScopeCorrect = 0
        for (truth, guess) in zip(gold, predicted) {
            goldCounts[truth, default: 0] += 1
            predictedCounts[guess, default: 0] += 1
            if truth == guess {
                correct += 1
                truePositives[truth, default: 0] += 1
            } else {
                confusionCounts[PairKey(gold: truth, predicted: guess), default: 0] += 1
            }
            if truth != outOfScope {
                inScope += 1
                if truth == guess { inScopeCorrect += 1 }
            }
        }
        accuracy = count == 0 ? 0 : Double(correct) / Double(count)
        inScopeAccuracy = inScope == 0 ? 0 : Double(inScopeCorrect) / Double(inScope)
        let labels = Set(goldCounts.keys).union(predictedCounts.keys)
        var f1Sum = 0.0
        for label in labels {
            let hits = Double(truePositives[label] ?? 0)
            let denominator = Double(goldCounts[label] ?? 0) + Double(predictedCounts[label] ?? 0)
            f1Sum += denominator == 0 ? 0 : 2 * hits / denominator
        }
        macroF1 = labels.isEmpty ? 0 : f1Sum / Double(labels.count)
        if let outOfScopeGold = goldCounts[outOfScope], outOfScopeGold > 0 {
            let hits = Double(truePositives[outOfScope] ?? 0)
            let flagged = Double(predictedCounts[outOfScope] ?? 0)
            outOfScopeRecall = hits / Double(outOfScopeGold)
            outOfScopePrecision = flagged == 0 ? 0 : hits / flagged
        } else {
            outOfScopeRecall = nil
            outOfScopePrecision = nil
        }
        confusions = confusionCounts.map { Confusion(gold: $0.key.gold, predicted: $0.key.predicted, count: $0.value) }
            .sorted {
                ($0.count, $1.gold, $1.predicted) > ($1.count, $0.gold, $0.predicted)
            }
    }

    private struct PairKey: Hashable {
        var gold: IntentID
        var predicted: IntentID
    }
}

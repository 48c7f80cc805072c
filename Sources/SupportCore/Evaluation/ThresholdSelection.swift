/// Picks the confidence below which a prediction becomes out-of-scope, from validation data only.
public enum ThresholdSelection {
    /// What the threshold should maximise on validation.
    public enum Objective: String, Sendable, CaseIterable {
        /// Accuracy over all validation messages, out-of-scope counted as its own label
        /// (Larson et al. 2019, sec. 3.2).
        case accuracy
        /// Mean of in-scope accuracy and out-of-scope recall, so the small out-of-scope part of a
        /// validation set weighs as much as the in-scope part.
        case balanced
    }

    /// One validation prediction: the classifier's label and confidence, and the gold label.
    public struct Observation: Sendable, Equatable {
        public var predicted: IntentID
        public var confidence: Double
        public var gold: IntentID
        public init(predicted: IntentID, confidence: Double, gold: IntentID) {
            self.predicted = predicted
            self.confidence = confidence
            self.gold = gold
        }
    }

    /// The threshold `t` maximising `objective` when every prediction with confidence `< t` is
    /// replaced by `outOfScope`. Candidates are 0 (never reject) and each observed confidence;
    /// ties go to the lowest threshold.
    public static func choose(
        on validation: [Observation], outOfScope: IntentID, objective: Objective = .accuracy
    ) -> Double {
        let sorted = validation.sorted { $0.confidence < $1.confidence }
        let inScopeTotal = validation.filter { $0.gold != outOfScope }.count
        let outOfScopeTotal = validation.count - inScopeTotal
        // Start with t = 0: nothing rejected.
        var inScopeCorrect = validation.filter { $0.gold != outOfScope && $0.predicted == $0.gold }.count
        var outOfScopeCaught = validation.filter { $0.gold == outOfScope && $0.predicted == outOfScope }.count
        func score() -> Double {
            switch objective {
            case .accuracy:
                return validation.isEmpty ? 0 : Double(inScopeCorrect + outOfScopeCaught) / Double(validation.count)
            case .balanced:
                let inScope = inScopeTotal == 0 ? 0 : Double(inScopeCorrect) / Double(inScopeTotal)
                let recall = outOfScopeTotal == 0 ? 0 : Double(outOfScopeCaught) / Double(outOfScopeTotal)
                return (inScope + recall) / 2
            }
        }
        var best = (score: score(), threshold: 0.0)
        var position = 0
        // Raising t just above sorted[position].confidence rejects everything up to it.
        while position < sorted.count {
            let level = sorted[position].confidence
            while position < sorted.count && sorted[position].confidence == level {
                let observation = sorted[position]
                if observation.gold == outOfScope {
                    if observation.predicted != outOfScope { outOfScopeCaught += 1 }
                } else if observation.predicted == observation.gold {
                    inScopeCorrect -= 1
                }
                position += 1
            }
            let candidate = position < sorted.count ? sorted[position].confidence : level.nextUp
            let value = score()
            if value > best.score { best = (value, candidate) }
        }
        return best.threshold
    }

    /// `predicted`, or `outOfScope` when `confidence < threshold`.
    public static func apply(
        _ threshold: Double, predicted: IntentID, confidence: Double, outOfScope: IntentID
    ) -> IntentID {
        confidence < threshold ? outOfScope : predicted
    }
}

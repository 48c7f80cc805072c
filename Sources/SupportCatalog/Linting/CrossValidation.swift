import SupportCore

/// Deterministic k-fold cross-validation of the intent classifier on the catalog's own examples:
/// example `i` of each intent and language is held out in fold `i % k`.
public struct CrossValidation: Sendable {
    /// Accuracy of one intent in one language.
    public struct Score: Hashable, Sendable {
        public var correct: Int
        public var total: Int
        /// nil when the intent has no examples in that language.
        public var accuracy: Double? { total == 0 ? nil : Double(correct) / Double(total) }
    }

    /// A held-out example of `expected` that the classifier labelled `predicted`, `count` times.
    public struct Confusion: Hashable, Sendable {
        public var expected: IntentID
        public var predicted: IntentID
        public var count: Int
    }

    /// A held-out example the classifier labelled wrong: what an author rewrites or moves.
    public struct Miss: Hashable, Sendable {
        public var expected: IntentID
        public var predicted: IntentID
        public var language: Language
        public var text: String
    }

    public var folds: Int
    /// Whether the folds were trained with the catalog's keywords (as the bot is). Without them the
    /// figure is the stricter one: a keyword may have been written from the very example held out.
    public var usesKeywords: Bool
    /// Per intent, per language.
    public var scores: [IntentID: [Language: Score]]
    /// Most frequent first, then by ids.
    public var confusions: [Confusion]
    /// Every held-out example labelled wrong, by expected intent, language and text.
    public var misses: [Miss]

    /// Accuracy over every held-out example.
    public var overallAccuracy: Double {
        let all = scores.values.flatMap(\.values)
        let total = all.reduce(0) { $0 + $1.total }
        return total == 0 ? 0 : Double(all.reduce(0) { $0 + $1.correct }) / Double(total)
    }

    /// Runs `folds`-fold cross-validation over `catalog`, training with its keywords unless
    /// `usesKeywords` is false.
    public init(catalog: Catalog, folds: Int = 5, usesKeywords: Bool = true) {
        precondition(folds >= 2, "cross-validation needs at least two folds")
        self.folds = folds
        self.usesKeywords = usesKeywords
        let keywords = usesKeywords ? catalog.keywordWeights : [:]
        // (fold, example) for every example, in a fixed order.
        var heldOut: [(fold: Int, language: Language, example: TrainingExample)] = []
        for intent in catalog.intents {
            for language in Language.allCases {
                for (index, text) in (intent.examples[language] ?? []).enumerated() {
                    heldOut.append((index % folds, language, TrainingExample(text: text, label: intent.id)))
                }
            }
        }
        var scores: [IntentID: [Language: Score]] = [:]
        for intent in catalog.intents {
            for language in Language.allCases {
                scores[intent.id, default: [:]][language] = Score(correct: 0, total: 0)
            }
        }
        var confused: [Pair: Int] = [:]
        var misses: [Miss] = []
        for fold in 0..<folds {
            let training = heldOut.filter { $0.fold != fold }.map(\.example)
            let testing = heldOut.filter { $0.fold == fold }
            guard !training.isEmpty, !testing.isEmpty else { continue }
            let classifier = IntentClassifier(examples: training, keywords: keywords)
            for item in testing {
                let predicted = classifier.classify(item.example.text).intent
                let expected = item.example.label
                scores[expected]?[item.language]?.total += 1
                if predicted == expected {
                    scores[expected]?[item.language]?.correct += 1
                } else {
                    confused[Pair(expected: expected, predicted: predicted), default: 0] += 1
                    misses.append(Miss(expected: expected, predicted: predicted, language: item.language, text: item.example.text))
                }
            }
        }
        self.scores = scores
        self.misses = misses.sorted {
            ($0.expected.rawValue, $0.language.rawValue, $0.text) < ($1.expected.rawValue, $1.language.rawValue, $1.text)
        }
        self.confusions = confused.map {
            Confusion(expected: $0.key.expected, predicted: $0.key.predicted, count: $0.value)
        }
        .sorted { ($1.count, $0.expected, $0.predicted) < ($0.count, $1.expected, $1.predicted) }
    }

    private struct Pair: Hashable {
        var expected: IntentID
        var predicted: IntentID
    }
}

extension Catalog {
    /// Every example of every intent, labelled, in a fixed order (intent id, then language).
    public var trainingExamples: [TrainingExample] {
        intents.flatMap { intent in
            Language.allCases.flatMap { language in
                (intent.examples[language] ?? []).map { TrainingExample(text: $0, label: intent.id) }
            }
        }
    }

    /// Each intent's keywords over all languages; a phrase listed twice keeps its larger weight.
    public var keywordWeights: [IntentID: [String: Double]] {
        var keywords: [IntentID: [String: Double]] = [:]
        for intent in intents {
            for weights in intent.keywords.values { keywords[intent.id, default: [:]].merge(weights) { max($0, $1) } }
        }
        return keywords
    }
}

extension IntentClassifier {
    /// The classifier the bot uses: trained on every example and keyword of `catalog`.
    public init(catalog: Catalog, options: ClassifierOptions = ClassifierOptions()) {
        self.init(examples: catalog.trainingExamples, keywords: catalog.keywordWeights, options: options)
    }
}

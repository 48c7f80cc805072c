import Foundation

/// Keyword + n-gram intent classifier, trained from labelled examples. Deterministic.
///
/// Messages become sublinear TF-IDF vectors over hashed word and character n-grams (two views,
/// each L2-normalised); one-vs-rest linear SVMs score every intent; a softmax over the scaled
/// scores gives the confidence; catalog keywords add to their intent's score.
public struct IntentClassifier: Sendable {
    /// The trained model behind one reference. Scoring hands the classifier to closures, and a
    /// copy then costs one retain instead of one per array (an instruction profile showed three
    /// whole-struct copies per `classify`).
    final class Parts: Sendable {
        let labels: [IntentID]
        let options: ClassifierOptions
        let extractor: FeatureExtractor
        let index: FeatureIndex
        let signedIDF: [Float]
        let model: WeightMatrix
        let keywords: KeywordMatcher

        init(
            labels: [IntentID], options: ClassifierOptions, extractor: FeatureExtractor, index: FeatureIndex,
            signedIDF: [Float], model: WeightMatrix, keywords: KeywordMatcher
        ) {
            self.labels = labels
            self.options = options
            self.extractor = extractor
            self.index = index
            self.signedIDF = signedIDF
            self.model = model
            self.keywords = keywords
        }
    }

    private let parts: Parts

    /// Every label seen in training, sorted.
    public var labels: [IntentID] { parts.labels }
    var options: ClassifierOptions { parts.options }
    var extractor: FeatureExtractor { parts.extractor }
    var index: FeatureIndex { parts.index }
    /// Per feature: inverse document frequency, negated for the character view (one array, so
    /// vectorising a message reads one value per feature).
    var signedIDF: [Float] { parts.signedIDF }
    var model: WeightMatrix { parts.model }
    var keywords: KeywordMatcher { parts.keywords }

    /// Number of distinct n-gram features the model keeps.
    public var featureCount: Int { signedIDF.count }

    /// Trains on `examples`; `keywords` add weighted evidence per label.
    public init(
        examples: [TrainingExample], keywords: [IntentID: [String: Double]] = [:],
        options: ClassifierOptions = ClassifierOptions()
    ) {
        let extractor = FeatureExtractor(
            wordOrders: options.wordOrders, characterOrders: options.characterOrders, hanOrders: options.hanOrders,
            pairWindow: options.pairWindow, stemsWords: options.stemsWords)
        let labels = Array(Set(examples.map(\.label))).sorted()
        var labelIndex: [IntentID: Int] = [:]
        for (position, label) in labels.enumerated() { labelIndex[label] = position }

        // 1. Intern every n-gram of every example.
        var interned = FeatureIndex(expected: 4096)
        var rawViews: [UInt8] = []
        var flat: [Int32] = []
        var offsets: [Int] = [0]
        flat.reserveCapacity(examples.count * 64)
        for example in examples {
            NormalizedScalars.with(example.text) { scalars in
                extractor.forEachFeature(in: scalars) { hash, span in
                    let feature = interned.intern(hash)
                    if Int(feature) == rawViews.count { rawViews.append(UInt8(span.view.rawValue)) }
                    flat.append(feature)
                }
            }
            offsets.append(flat.count)
        }

        // 2. Document frequencies; drop rare features.
        var documentFrequency = [Int32](repeating: 0, count: interned.count)
        var seen = [Int32](repeating: -1, count: interned.count)
        for row in 0..<examples.count {
            for entry in offsets[row]..<offsets[row + 1] {
                let feature = Int(flat[entry])
                if seen[feature] != Int32(row) {
                    seen[feature] = Int32(row)
                    documentFrequency[feature] += 1
                }
            }
        }
        seen = []
        var remap = [Int32](repeating: -1, count: interned.count)
        var kept = 0
        var signedIDF: [Float] = []
        let documentCount = Double(examples.count)
        for feature in 0..<interned.count where Int(documentFrequency[feature]) >= options.minimumDocumentFrequency {
            remap[feature] = Int32(kept)
            kept += 1
            let idf = log((1 + documentCount) / (1 + Double(documentFrequency[feature]))) + 1
            if rawViews[feature] == FeatureView.words.rawValue {
                signedIDF.append(Float(idf))
            } else {
                signedIDF.append(-Float(pow(idf, options.characterIDFExponent)))
            }
        }
        let index = kept == interned.count ? interned : interned.remapped(remap, keeping: kept)

        // 3. TF-IDF rows.
        var rows = SparseRows()
        rows.columns.reserveCapacity(flat.count)
        rows.values.reserveCapacity(flat.count)
        var targets: [Int32] = []
        targets.reserveCapacity(examples.count)
        var scratchColumns: [Int32] = []
        var scratchValues: [Float] = []
        for (row, example) in examples.enumerated() {
            scratchColumns.removeAll(keepingCapacity: true)
            for entry in offsets[row]..<offsets[row + 1] {
                let feature = remap[Int(flat[entry])]
                if feature >= 0 { scratchColumns.append(feature) }
            }
            let count = scratchColumns.count
            scratchValues = [Float](repeating: 0, count: count)
            let unique = scratchColumns.withUnsafeMutableBufferPointer { columns in
                scratchValues.withUnsafeMutableBufferPointer { values in
                    Self.vectorize(
                        columns, count: count, values: values, signedIDF: signedIDF,
                        characterViewWeight: Float(options.characterViewWeight))
                }
            }
            rows.append(columns: scratchColumns[0..<unique], values: scratchValues[0..<unique])
            targets.append(Int32(labelIndex[example.label] ?? 0))
        }
        flat = []

        // 4. Linear models.
        let trainer = LinearTrainer(
            cost: options.cost, tolerance: 0.1, maximumPasses: options.maximumPasses, seed: options.seed,
            balancesClasses: options.balancesClasses)
        let trained = trainer.train(
            rows: rows, labels: targets, classCount: labels.count, featureCount: kept,
            rowStride: WeightMatrix.stride(forClassCount: labels.count))
        let model = WeightMatrix(rows: trained, featureCount: kept, classCount: labels.count)

        var rules: [KeywordRule] = []
        for label in keywords.keys.sorted() {
            guard let position = labelIndex[label], let words = keywords[label] else { continue }
            for (word, weight) in words.sorted(by: { $0.key < $1.key }) {
                if let rule = KeywordRule(
                    keyword: word, label: position, boost: Float(weight * options.keywordScale))
                {
                    rules.append(rule)
                }
            }
        }
        parts = Parts(
            labels: labels, options: options, extractor: extractor, index: index, signedIDF: signedIDF, model: model,
            keywords: KeywordMatcher(rules))
    }

    // MARK: - Vectors

    /// Merges the duplicate columns of `columns[0..<count]` (order of first occurrence kept) into
    /// sublinear TF-IDF values normalised per view; returns how many distinct columns are now at
    /// the front of `columns`/`values`. Allocation-free for short messages.
    @inline(__always)
    static func vectorize(
        _ columns: UnsafeMutableBufferPointer<Int32>, count: Int, values: UnsafeMutableBufferPointer<Float>,
        signedIDF: [Float], characterViewWeight: Float
    ) -> Int {
        guard count > 0 else { return 0 }
        var tableSize = 16
        while tableSize < count * 2 { tableSize <<= 1 }
        let mask = tableSize - 1
        var unique = 0
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: tableSize) { slots in
            slots.initialize(repeating: -1)
            for position in 0..<count {
                let column = columns[position]
                var slot = Int((UInt32(bitPattern: column) &* 0x9E37_79B1) >> 7) & mask
                while true {
                    let occupant = slots[slot]
                    if occupant < 0 {
                        slots[slot] = Int32(unique)
                        columns[unique] = column
                        values[unique] = 1
                        unique += 1
                        break
                    }
                    if columns[Int(occupant)] == column {
                        values[Int(occupant)] += 1
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        // Sublinear term frequency times the signed IDF; the sign marks the view.
        var squares: (words: Float, characters: Float) = (0, 0)
        signedIDF.withUnsafeBufferPointer { signedIDF in
            for entry in 0..<unique {
                let frequency = values[entry]
                let value = (frequency == 1 ? 1 : 1 + logf(frequency)) * signedIDF[Int(columns[entry])]
                values[entry] = value
                if value > 0 { squares.words += value * value } else { squares.characters += value * value }
            }
        }
        let wordScale: Float = squares.words > 0 ? 1 / squares.words.squareRoot() : 0
        let characterScale: Float = squares.characters > 0 ? -characterViewWeight / squares.characters.squareRoot() : 0
        for entry in 0..<unique {
            values[entry] *= values[entry] > 0 ? wordScale : characterScale
        }
        return unique
    }

    /// Calls `body` with the TF-IDF vector of `scalars` (columns and values, `count` entries).
    @inline(__always)
    func withVector<Result>(
        of scalars: UnsafeBufferPointer<UInt32>,
        _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Float>) -> Result
    ) -> Result {
        let capacity = extractor.capacity(forScalarCount: scalars.count)
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: capacity) { columns in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: capacity) { values in
                var count = 0
                extractor.forEachFeature(in: scalars) { hash, _ in
                    let feature = index.index(of: hash)
                    if feature >= 0 && count < capacity {
                        columns[count] = feature
                        count += 1
                    }
                }
                let unique = Self.vectorize(
                    columns, count: count, values: values, signedIDF: signedIDF,
                    characterViewWeight: Float(options.characterViewWeight))
                return body(
                    UnsafeBufferPointer(rebasing: columns[0..<unique]), UnsafeBufferPointer(rebasing: values[0..<unique]))
            }
        }
    }
}

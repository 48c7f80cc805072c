import Foundation

extension IntentClassifier {
    /// The most likely label for `text` with a confidence in [0, 1], and the runner-up.
    public func classify(_ text: String) -> IntentPrediction {
        guard !labels.isEmpty else {
            return IntentPrediction(intent: .outOfScope, confidence: 0, runnerUp: nil, runnerUpConfidence: 0)
        }
        return NormalizedScalars.with(text) { scalars in
            withScores(of: scalars) { scores in prediction(from: scores) }
        }
    }

    /// Linear scores of every label (plus keyword boosts) for the normalised `scalars`.
    @inline(__always)
    func withScores<Result>(
        of scalars: UnsafeBufferPointer<UInt32>, _ body: (UnsafeMutableBufferPointer<Float>) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: labels.count) { scores in
            withVector(of: scalars) { columns, values in model.score(columns: columns, values: values, into: scores) }
            keywords.forEachMatch(in: scalars) { rule in scores[keywords.rules[rule].label] += keywords.rules[rule].boost }
            return body(scores)
        }
    }

    /// Top two labels and their softmax confidences.
    @inline(__always)
    func prediction(from scores: UnsafeMutableBufferPointer<Float>) -> IntentPrediction {
        var best = 0
        var second = -1
        for label in 1..<scores.count {
            if scores[label] > scores[best] {
                second = best
                best = label
            } else if second < 0 || scores[label] > scores[second] {
                second = label
            }
        }
        let scale = Float(options.confidenceScale)
        let top = scores[best]
        let total = SoftmaxExp.sum(scores, top: top, scale: scale)
        let confidence = Double(1 / total)
        let runnerUpConfidence =
            second >= 0 ? Double(SoftmaxExp.exp(SoftmaxExp.Lanes(repeating: scale * (scores[second] - top)))[0] / total) : 0
        return IntentPrediction(
            intent: labels[best], confidence: min(max(confidence, 0), 1),
            runnerUp: second >= 0 ? labels[second] : nil, runnerUpConfidence: min(max(runnerUpConfidence, 0), 1))
    }

    /// The raw linear score of every label for `text` (keyword boosts included), in `labels` order.
    public func scores(_ text: String) -> [Double] {
        guard !labels.isEmpty else { return [] }
        return NormalizedScalars.with(text) { scalars in
            withScores(of: scalars) { scores in scores.map(Double.init) }
        }
    }

    /// The features of `text` that contributed most to the top label, strongest first.
    public func explain(_ text: String, limit: Int = 8) -> [FeatureContribution] {
        guard !labels.isEmpty, limit > 0 else { return [] }
        let winner = labels.firstIndex(of: classify(text).intent) ?? 0
        return NormalizedScalars.with(text) { scalars in
            var valueOf: [Int32: Float] = [:]
            withVector(of: scalars) { columns, values in
                for entry in 0..<columns.count { valueOf[columns[entry]] = values[entry] }
            }
            var contributions: [FeatureContribution] = []
            var described = Set<Int32>()
            extractor.forEachFeature(in: scalars) { hash, span in
                let feature = index.index(of: hash)
                guard feature >= 0, let value = valueOf[feature], described.insert(feature).inserted else { return }
                let weight = Double(value * model.weight(feature: Int(feature), label: winner))
                guard weight > 0 else { return }
                contributions.append(FeatureContribution(feature: Self.render(span, in: scalars), weight: weight))
            }
            keywords.forEachMatch(in: scalars) { position in
                let rule = keywords.rules[position]
                guard rule.label == winner else { return }
                contributions.append(FeatureContribution(feature: "keyword:\(rule.text)", weight: Double(rule.boost)))
            }
            contributions.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.feature < $1.feature }
            return Array(contributions.prefix(limit))
        }
    }

    /// The n-gram as text; `_` marks a word boundary, a space separates the words of a word n-gram.
    private static func render(_ span: FeatureSpan, in scalars: UnsafeBufferPointer<UInt32>) -> String {
        var text = span.hasLeadingBoundary ? "_" : ""
        var lastWasSeparator = false
        for position in span.range {
            let value = scalars[position]
            if FeatureExtractor.scalarClass(value) == 0 {
                if !lastWasSeparator { text.append(" ") }
                lastWasSeparator = true
            } else if let scalar = Unicode.Scalar(value) {
                text.unicodeScalars.append(scalar)
                lastWasSeparator = false
            }
        }
        if span.hasTrailingBoundary { text.append("_") }
        return text
    }
}

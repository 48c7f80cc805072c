import Foundation
import Testing

@testable import SupportCore

@Suite struct FeatureIndexTests {
    /// Hashes spread like the extractor's (SplitMix-style mixing of a counter).
    static func hash(_ value: Int) -> UInt64 {
        var z = UInt64(value) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @Test("interning hands out 0, 1, 2… in first-seen order and keeps them while the table grows")
    func internAndGrow() {
        var index = FeatureIndex(expected: 4)
        for value in 0..<5_000 { #expect(index.intern(Self.hash(value)) == Int32(value)) }
        #expect(index.count == 5_000)
        for value in [0, 1, 17, 2_500, 4_999] { #expect(index.index(of: Self.hash(value)) == Int32(value)) }
        #expect(index.intern(Self.hash(17)) == 17)
        #expect(index.count == 5_000)
    }

    @Test("an unknown hash, zero included, is not found")
    func unknown() {
        var index = FeatureIndex()
        for value in 0..<100 { _ = index.intern(Self.hash(value)) }
        #expect(index.index(of: Self.hash(100)) == -1)
        #expect(index.index(of: 0) == -1)
        _ = index.intern(0)
        #expect(index.index(of: 0) == 100)
    }

    @Test("remapping keeps only the mapped features, under their new numbers")
    func remap() {
        var index = FeatureIndex()
        for value in 0..<10 { _ = index.intern(Self.hash(value)) }
        let remap: [Int32] = [-1, 0, -1, 1, -1, 2, -1, 3, -1, 4]
        let kept = index.remapped(remap, keeping: 5)
        #expect(kept.count == 5)
        for value in 0..<10 { #expect(kept.index(of: Self.hash(value)) == remap[value]) }
    }
}

@Suite struct WeightMatrixTests {
    @Test("scores are the bias plus the weighted rows, for label counts around the SIMD width", arguments: [1, 15, 16, 17, 77])
    func scoresMatchTheDefinition(classCount: Int) {
        let featureCount = 5
        var weights: [Float] = []
        for feature in 0...featureCount {
            for label in 0..<classCount { weights.append(Float((feature * 31 + label * 7) % 13) / 4 - 1.5) }
        }
        let stride = WeightMatrix.stride(forClassCount: classCount)
        #expect(stride % 16 == 0 && stride >= classCount && stride < classCount + 16)
        var rows = [Float](repeating: 0, count: (featureCount + 1) * stride)
        for feature in 0...featureCount {
            for label in 0..<classCount { rows[feature * stride + label] = weights[feature * classCount + label] }
        }
        let matrix = WeightMatrix(rows: rows, featureCount: featureCount, classCount: classCount)
        let columns: [Int32] = [4, 0, 2]
        let values: [Float] = [0.5, -2, 0.25]
        var scores = [Float](repeating: .nan, count: classCount)
        columns.withUnsafeBufferPointer { columns in
            values.withUnsafeBufferPointer { values in
                scores.withUnsafeMutableBufferPointer { matrix.score(columns: columns, values: values, into: $0) }
            }
        }
        for label in 0..<classCount {
            var expected = weights[featureCount * classCount + label]
            for (column, value) in zip(columns, values) { expected += value * weights[Int(column) * classCount + label] }
            #expect(abs(scores[label] - expected) < 1e-5)
            #expect(matrix.weight(feature: 2, label: label) == weights[2 * classCount + label])
        }
    }
}

@Suite struct LinearTrainerTests {
    @Test("the weights are the same whatever the number of training threads")
    func workersDoNotChangeTheModel() {
        var rows = SparseRows()
        var labels: [Int32] = []
        for row in 0..<60 {
            let label = Int32(row % 5)
            rows.append(columns: [Int32(label), Int32(5 + row % 7), Int32(12 + row % 3)], values: [0.8, 0.5, 0.3])
            labels.append(label)
        }
        func train(workers: Int, rowStride: Int? = nil) -> [Float] {
            var trainer = LinearTrainer(cost: 1, tolerance: 0.1, maximumPasses: 40, seed: 7, balancesClasses: true)
            trainer.workers = workers
            return trainer.train(rows: rows, labels: labels, classCount: 5, featureCount: 15, rowStride: rowStride)
        }
        let single = train(workers: 1)
        #expect(single == train(workers: 2))
        #expect(single == train(workers: 3))
        #expect(single.contains { $0 != 0 })
        // Padded rows hold the same weights, and zeros in the padding.
        let padded = train(workers: 2, rowStride: 8)
        #expect(padded.count == 16 * 8)
        for feature in 0..<16 {
            #expect(Array(padded[(feature * 8)..<(feature * 8 + 5)]) == Array(single[(feature * 5)..<(feature * 5 + 5)]))
            #expect(padded[(feature * 8 + 5)..<(feature * 8 + 8)].allSatisfy { $0 == 0 })
        }
    }
}

@Suite struct SoftmaxExpTests {
    @Test("eight-lane exp matches Foundation's exp to a few parts in 10^7 over the softmax's range")
    func matchesFoundation() {
        var worst = 0.0
        var x: Float = -87
        while x <= 5 {
            let lanes = SoftmaxExp.Lanes((0..<8).map { x + Float($0) * 0.0137 })
            let fast = SoftmaxExp.exp(lanes)
            for lane in 0..<8 {
                let exact = Foundation.exp(Double(lanes[lane]))
                worst = max(worst, abs(Double(fast[lane]) - exact) / exact)
            }
            x += 0.1
        }
        #expect(worst < 5e-7)
    }

    @Test("the sum covers every score once, tail lanes included", arguments: [1, 7, 8, 9, 77, 150])
    func sumCoversEveryScore(count: Int) {
        var scores = (0..<count).map { Float($0 % 13) / 7 - 1 }
        let top = scores.max() ?? 0
        let expected = scores.reduce(0.0) { $0 + Foundation.exp(Double(5 * ($1 - top))) }
        let total = scores.withUnsafeMutableBufferPointer { SoftmaxExp.sum($0, top: top, scale: 5) }
        #expect(abs(Double(total) - expected) / expected < 1e-6)
    }

    @Test("very negative and -infinity inputs give a vanishing value, not NaN")
    func clamps() {
        let fast = SoftmaxExp.exp(SoftmaxExp.Lanes(-.infinity, -1e30, -200, -88, -87, 0, 1, 88))
        for lane in 0..<5 { #expect(fast[lane] >= 0 && fast[lane] < 1e-37) }
        #expect(abs(fast[5] - 1) < 1e-6)
        #expect(abs(Double(fast[6]) - M_E) < 1e-5)
        #expect(!fast[7].isNaN)
    }
}

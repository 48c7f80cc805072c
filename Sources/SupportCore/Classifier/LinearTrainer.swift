import Foundation

/// Trains one-vs-rest linear SVMs (L2-regularised, squared hinge loss) by dual coordinate descent,
/// the method of LIBLINEAR (Hsieh et al., ICML 2008) with its shrinking heuristic.
///
/// Deterministic: the visiting order comes from a fixed-seed generator, one per class.
struct LinearTrainer: Sendable {
    /// Inverse regularisation strength.
    var cost: Double
    /// Stop when the projected-gradient spread falls below this.
    var tolerance: Double
    /// Upper bound on passes over the data per class.
    var maximumPasses: Int
    var seed: UInt64
    /// Weigh each message's cost by `N / (K × N_label)` so small intents count as much as large ones.
    var balancesClasses: Bool = false
    /// Threads that train intents side by side; the weights do not depend on it.
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    /// Feature-major weights: `weights[feature * rowStride + class]` (`rowStride` ≥ `classCount`, the
    /// padding stays 0; default `classCount`); row `featureCount` is the bias. Written in place in
    /// the layout scoring reads, so no second copy of the table is ever needed.
    func train(rows: SparseRows, labels: [Int32], classCount: Int, featureCount: Int, rowStride: Int? = nil) -> [Float] {
        let rowStride = max(rowStride ?? classCount, classCount)
        var weights = [Float](repeating: 0, count: (featureCount + 1) * rowStride)
        let rowCount = rows.rowCount
        guard rowCount > 0, classCount > 0 else { return weights }
        var classSizes = [Int](repeating: 0, count: classCount)
        for label in labels { classSizes[Int(label)] += 1 }
        var diagonals = [Double](repeating: 0.5 / cost, count: rowCount)
        var squaredNorms = [Double](repeating: 0, count: rowCount)
        for row in 0..<rowCount {
            if balancesClasses {
                let weight = Double(rowCount) / (Double(classCount) * Double(classSizes[Int(labels[row])]))
                diagonals[row] = 0.5 / (cost * weight)
            }
            let diagonal = diagonals[row]
            var sum = 1.0  // bias feature
            for entry in rows.offsets[row]..<rows.offsets[row + 1] {
                sum += Double(rows.values[entry]) * Double(rows.values[entry])
            }
            squaredNorms[row] = sum + diagonal
        }
        // Each intent's model is independent of the others: train them on all cores, every worker
        // with its own buffers. Each intent has its own seed, so the result does not depend on the
        // number of workers or their timing.
        let workers = max(1, min(self.workers, classCount))
        let norms = squaredNorms
        let costs = diagonals
        weights.withUnsafeMutableBufferPointer { weights in
            let output = LabelColumns(weights: weights, rowStride: rowStride)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var w = [Double](repeating: 0, count: featureCount + 1)
                var alpha = [Double](repeating: 0, count: rowCount)
                var active = [Int](repeating: 0, count: rowCount)
                rows.columns.withUnsafeBufferPointer { columns in
                    rows.values.withUnsafeBufferPointer { values in
                        rows.offsets.withUnsafeBufferPointer { offsets in
                            for label in stride(from: worker, to: classCount, by: workers) {
                                for index in w.indices { w[index] = 0 }
                                for index in alpha.indices { alpha[index] = 0 }
                                var generator = SplitMix64(seed: seed &+ UInt64(label) &* 0x9E37_79B9)
                                w.withUnsafeMutableBufferPointer { w in
                                    trainBinary(
                                        label: Int32(label), labels: labels, columns: columns, values: values,
                                        offsets: offsets, squaredNorms: norms, diagonals: costs,
                                        w: w, alpha: &alpha, active: &active, generator: &generator)
                                }
                                output.store(w, label: label)
                            }
                        }
                    }
                }
            }
        }
        return weights
    }

    private func trainBinary(
        label: Int32, labels: [Int32], columns: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Float>,
        offsets: UnsafeBufferPointer<Int>, squaredNorms: [Double], diagonals: [Double],
        w: UnsafeMutableBufferPointer<Double>, alpha: inout [Double], active: inout [Int],
        generator: inout SplitMix64
    ) {
        let rowCount = labels.count
        let biasIndex = w.count - 1
        for row in 0..<rowCount { active[row] = row }
        var activeCount = rowCount
        var maxOld = Double.infinity
        var pass = 0
        while pass < maximumPasses {
            // Fisher-Yates over the active prefix.
            if activeCount > 1 {
                for index in stride(from: activeCount - 1, to: 0, by: -1) {
                    let other = Int(generator.next() % UInt64(index + 1))
                    active.swapAt(index, other)
                }
            }
            var maxNew = -Double.infinity
            var minNew = Double.infinity
            var slot = 0
            while slot < activeCount {
                let row = active[slot]
                let y: Double = labels[row] == label ? 1 : -1
                var dot = w[biasIndex]
                let range = offsets[row]..<offsets[row + 1]
                for entry in range { dot += w[Int(columns[entry])] * Double(values[entry]) }
                let gradient = y * dot - 1 + alpha[row] * diagonals[row]
                var projected = 0.0
                if alpha[row] == 0 {
                    if gradient > maxOld {
                        activeCount -= 1
                        active.swapAt(slot, activeCount)
                        continue
                    }
                    if gradient < 0 { projected = gradient }
                } else {
                    projected = gradient
                }
                maxNew = max(maxNew, projected)
                minNew = min(minNew, projected)
                if abs(projected) > 1e-12 {
                    let old = alpha[row]
                    alpha[row] = max(old - gradient / squaredNorms[row], 0)
                    let delta = (alpha[row] - old) * y
                    for entry in range { w[Int(columns[entry])] += delta * Double(values[entry]) }
                    w[biasIndex] += delta
                }
                slot += 1
            }
            pass += 1
            if maxNew - minNew <= tolerance {
                if activeCount == rowCount { break }
                activeCount = rowCount
                maxOld = .infinity
                continue
            }
            maxOld = maxNew <= 0 ? .infinity : maxNew
        }
    }
}

/// The feature-major weight table, written by the training workers: each worker writes only the
/// columns of its own intents, so the writes never overlap (hence the unchecked `Sendable`).
private struct LabelColumns: @unchecked Sendable {
    let weights: UnsafeMutableBufferPointer<Float>
    let rowStride: Int

    func store(_ model: [Double], label: Int) {
        for feature in model.indices { weights[feature * rowStride + label] = Float(model[feature]) }
    }
}

/// A small deterministic generator (Steele et al.'s SplitMix64); training order only, not security.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

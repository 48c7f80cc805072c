/// The trained linear models in the form scoring reads fastest: one row per feature with the
/// weights of all labels side by side, padded to whole SIMD chunks, so a message's score is a
/// handful of vector multiply-adds per feature; the bias is the row after the last feature.
struct WeightMatrix: Sendable {
    typealias Chunk = SIMD16<Float>

    let classCount: Int
    /// Labels per row, rounded up to a whole number of chunks.
    let stride: Int
    private let featureCount: Int
    /// `rows[feature * stride + label]` is the weight; row `featureCount` holds the bias.
    private let rows: [Float]

    /// The row length for `classCount` labels.
    static func stride(forClassCount classCount: Int) -> Int {
        (classCount + Chunk.scalarCount - 1) / Chunk.scalarCount * Chunk.scalarCount
    }

    /// Takes `rows` as laid out above: `featureCount + 1` rows of `stride(forClassCount:)` values,
    /// the padding 0.
    init(rows: [Float], featureCount: Int, classCount: Int) {
        let stride = Self.stride(forClassCount: classCount)
        precondition(rows.count == (featureCount + 1) * stride, "weight rows do not match \(featureCount) features")
        self.classCount = classCount
        self.stride = stride
        self.featureCount = featureCount
        self.rows = rows
    }

    /// The weight of `feature` for `label`.
    func weight(feature: Int, label: Int) -> Float { rows[feature * stride + label] }

    /// Writes `bias + Σ values[i] × row(columns[i])` for every label into `scores`.
    @inline(__always)
    func score(
        columns: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Float>,
        into scores: UnsafeMutableBufferPointer<Float>
    ) {
        let chunks = stride / Chunk.scalarCount
        let chunkBytes = MemoryLayout<Chunk>.size
        // The sums are plain `Float`s on the stack, read and written a SIMD chunk at a time.
        withUnsafeTemporaryAllocation(of: Float.self, capacity: stride) { sums in
            let sumsBytes = UnsafeMutableRawPointer(sums.baseAddress!)
            rows.withUnsafeBytes { rows in
                let rowBytes = stride * MemoryLayout<Float>.size
                sumsBytes.copyMemory(from: rows.baseAddress! + featureCount * rowBytes, byteCount: rowBytes)
                for entry in 0..<columns.count {
                    let row = rows.baseAddress! + Int(columns[entry]) * rowBytes
                    let value = Chunk(repeating: values[entry])
                    for chunk in 0..<chunks {
                        let offset = chunk * chunkBytes
                        let sum = sumsBytes.loadUnaligned(fromByteOffset: offset, as: Chunk.self)
                        let weights = row.loadUnaligned(fromByteOffset: offset, as: Chunk.self)
                        sumsBytes.storeBytes(of: sum + value * weights, toByteOffset: offset, as: Chunk.self)
                    }
                }
            }
            for label in 0..<classCount { scores[label] = sums[label] }
        }
    }
}

/// The trained linear models in the form scoring reads fastest: one row of 8-bit weights per
/// feature (all labels side by side, padded to whole SIMD vectors) and a scale per row.
///
/// Quantising each row to its largest magnitude keeps every weight within 0.4% of that magnitude
/// and makes the table a quarter of its `Float` size, so the rows a message touches stay in cache.
struct WeightMatrix: Sendable {
    typealias Chunk = SIMD16<Float>

    let classCount: Int
    /// Labels per row, rounded up to a whole number of chunks.
    let stride: Int
    /// `rows[feature * stride + label]` is the weight.
    private let rows: [Float]
    /// Per label: the intercept (padded to `stride`).
    private let bias: [Float]

    /// `weights[feature * classCount + label]` for `featureCount` features, then one bias row.
    init(weights: [Float], featureCount: Int, classCount: Int) {
        self.classCount = classCount
        let stride = (classCount + Chunk.scalarCount - 1) / Chunk.scalarCount * Chunk.scalarCount
        self.stride = stride
        var rows = [Float](repeating: 0, count: featureCount * stride)
        for feature in 0..<featureCount {
            for label in 0..<classCount { rows[feature * stride + label] = weights[feature * classCount + label] }
        }
        var bias = [Float](repeating: 0, count: stride)
        for label in 0..<classCount { bias[label] = weights[featureCount * classCount + label] }
        self.rows = rows
        self.bias = bias
    }

    /// The (quantised) weight of `feature` for `label`.
    func weight(feature: Int, label: Int) -> Float { rows[feature * stride + label] }

    /// Writes `bias + Σ values[i] × row(columns[i])` for every label into `scores`.
    @inline(__always)
    func score(
        columns: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Float>,
        into scores: UnsafeMutableBufferPointer<Float>
    ) {
        let chunks = stride / Chunk.scalarCount
        let chunkBytes = MemoryLayout<Chunk>.size
        // The sums live in plain `Float` storage and move through unaligned SIMD loads and stores:
        // a temporary allocation of an over-aligned SIMD type is not safe in every build mode.
        withUnsafeTemporaryAllocation(of: Float.self, capacity: stride) { sums in
            let sumsBytes = UnsafeMutableRawPointer(sums.baseAddress!)
            bias.withUnsafeBytes { bias in
                sumsBytes.copyMemory(from: bias.baseAddress!, byteCount: stride * MemoryLayout<Float>.size)
            }
            rows.withUnsafeBytes { rows in
                for entry in 0..<columns.count {
                    let row = rows.baseAddress! + Int(columns[entry]) * stride * MemoryLayout<Float>.size
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

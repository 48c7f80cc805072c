/// Training messages as sparse TF-IDF rows (compressed sparse rows, `Float` values).
struct SparseRows: Sendable {
    /// `offsets[row]..<offsets[row + 1]` indexes `columns` and `values`.
    var offsets: [Int] = [0]
    var columns: [Int32] = []
    var values: [Float] = []

    var rowCount: Int { offsets.count - 1 }

    mutating func append(columns rowColumns: some Sequence<Int32>, values rowValues: some Sequence<Float>) {
        columns.append(contentsOf: rowColumns)
        values.append(contentsOf: rowValues)
        offsets.append(columns.count)
    }
}

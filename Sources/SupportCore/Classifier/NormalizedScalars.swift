/// Gives scoring code the normalised text as a buffer of Unicode scalar values, without a heap
/// allocation for plain ASCII messages.
enum NormalizedScalars {
    /// Longest message prefix (in scalars) the classifier looks at; longer text adds little evidence.
    static let limit = 4096

    /// Calls `body` with the scalars of `TextNormalizer.normalize(text)`, truncated to `limit`.
    ///
    /// ASCII text takes a fast path: NFKC leaves ASCII alone and the classifier treats every
    /// non-word scalar as a separator, so lower-casing gives the same features as the full
    /// normaliser (a test checks this).
    @inline(__always)
    static func with<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt32>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable({ bytes -> Result? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            let count = min(bytes.count, limit)
            return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(count, 1)) { buffer in
                for index in 0..<count {
                    let byte = bytes[index]
                    buffer[index] = UInt32(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                }
                return body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
            }
        }), let result {
            return result
        }
        let normalized = TextNormalizer.normalize(text)
        let count = min(normalized.unicodeScalars.count, limit)
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(count, 1)) { buffer in
            var index = 0
            for scalar in normalized.unicodeScalars {
                if index == count { break }
                buffer[index] = scalar.value
                index += 1
            }
            return body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }
}

/// Every catalog keyword in one trie over normalised scalars, so a message is checked against all
/// of them in a single pass: from each position the walk follows the message for as long as some
/// keyword continues.
///
/// Scanning the whole message once per keyword was half of an engine turn with the catalog's
/// ~1,000 keywords; the walk costs about one lookup per scalar.
struct KeywordMatcher: Sendable {
    /// The keywords, in the order they were given.
    let rules: [KeywordRule]
    /// The child of a node along a scalar, keyed `node << 32 | scalar`; the root is node 0.
    private let edges: [UInt64: Int32]
    /// The rules whose text ends at node `n` are `endingRules[endingStarts[n]..<endingStarts[n + 1]]`.
    private let endingStarts: [Int32]
    private let endingRules: [Int32]

    init(_ rules: [KeywordRule]) {
        self.rules = rules
        var edges: [UInt64: Int32] = [:]
        var ending: [[Int32]] = [[]]
        for (position, rule) in rules.enumerated() {
            var node: Int32 = 0
            for scalar in rule.text.unicodeScalars {
                let key = Self.key(node, scalar.value)
                if let child = edges[key] {
                    node = child
                } else {
                    let child = Int32(ending.count)
                    ending.append([])
                    edges[key] = child
                    node = child
                }
            }
            ending[Int(node)].append(Int32(position))
        }
        self.edges = edges
        var starts: [Int32] = [0]
        starts.reserveCapacity(ending.count + 1)
        for list in ending { starts.append(starts[starts.count - 1] + Int32(list.count)) }
        endingStarts = starts
        endingRules = ending.flatMap { $0 }
    }

    @inline(__always)
    private static func key(_ node: Int32, _ scalar: UInt32) -> UInt64 { UInt64(UInt32(bitPattern: node)) << 32 | UInt64(scalar) }

    /// Calls `body` once with the position (in `rules`) of every keyword occurring in `message`,
    /// however often it occurs. A keyword whose first or last scalar is a Latin letter or digit
    /// only counts where no such scalar stands right before or after it (whole words).
    func forEachMatch(in message: UnsafeBufferPointer<UInt32>, _ body: (Int) -> Void) {
        guard !rules.isEmpty, !message.isEmpty else { return }
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: (rules.count + 63) / 64) { seen in
            seen.initialize(repeating: 0)
            endingStarts.withUnsafeBufferPointer { starts in
                endingRules.withUnsafeBufferPointer { ending in
                    for start in 0..<message.count {
                        // A keyword starts with the scalar it is matched against, so whether it
                        // needs a word boundary before it is known from the message alone.
                        if start > 0, FeatureExtractor.scalarClass(message[start]) == 1,
                            FeatureExtractor.scalarClass(message[start - 1]) == 1
                        {
                            continue
                        }
                        var node: Int32 = 0
                        var end = start
                        while end < message.count, let child = edges[Self.key(node, message[end])] {
                            node = child
                            end += 1
                            let first = Int(starts[Int(node)])
                            let last = Int(starts[Int(node) + 1])
                            guard first < last else { continue }
                            let isWholeAtEnd =
                                end == message.count || FeatureExtractor.scalarClass(message[end - 1]) != 1
                                || FeatureExtractor.scalarClass(message[end]) != 1
                            guard isWholeAtEnd else { continue }
                            for entry in first..<last {
                                let rule = Int(ending[entry])
                                let bit: UInt64 = 1 << UInt64(rule & 63)
                                if seen[rule >> 6] & bit == 0 {
                                    seen[rule >> 6] |= bit
                                    body(rule)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

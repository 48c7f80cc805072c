/// A unified diff of two short texts, line by line (longest common subsequence).
public enum LineDiff {
    /// `expected` vs `actual` as unified-diff lines, numbering the expected side from `firstLine`.
    public static func unified(expected: String, actual: String, label: String, firstLine: Int) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var body: [String] = []
        for edit in edits(old, new) {
            switch edit {
            case .same(let line): body.append(" " + line)
            case .removed(let line): body.append("-" + line)
            case .added(let line): body.append("+" + line)
            }
        }
        return (["--- \(label) (expected)", "+++ actual", "@@ -\(firstLine),\(old.count) +\(firstLine),\(new.count) @@"] + body)
            .joined(separator: "\n")
    }

    enum Edit: Equatable {
        case same(String), removed(String), added(String)
    }

    static func edits(_ old: [String], _ new: [String]) -> [Edit] {
        // lengths[i][j] = LCS length of old[i...] and new[j...]
        var lengths = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var result: [Edit] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                result.append(.same(old[i]))
                i += 1
                j += 1
            } else if i < old.count, j == new.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                result.append(.removed(old[i]))
                i += 1
            } else {
                result.append(.added(new[j]))
                j += 1
            }
        }
        return result
    }
}

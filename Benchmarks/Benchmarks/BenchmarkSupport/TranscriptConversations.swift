import Foundation

/// The user side of recorded conversations, for benchmarks that replay them.
public enum TranscriptConversations {
    /// One conversation per `.txt` transcript in `directory` (sorted by file name): its `user: …`
    /// lines, in order, without the prefix.
    public static func userLines(inDirectory directory: String) throws -> [[String]] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }
        return try files.sorted().map { file in
            try String(contentsOfFile: directory + "/" + file, encoding: .utf8).split(separator: "\n")
                .filter { $0.hasPrefix("user: ") }.map { String($0.dropFirst(6)) }
        }
    }
}

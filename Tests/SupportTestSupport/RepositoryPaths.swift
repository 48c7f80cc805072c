import Foundation

/// Paths inside this repository, for tests that read the shipped content (`Intents/`, `Transcripts/`).
public enum RepositoryPaths {
    /// The repository root, found from this file's location.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static var intents: URL { root.appendingPathComponent("Intents") }
    public static var transcripts: URL { root.appendingPathComponent("Transcripts") }
}

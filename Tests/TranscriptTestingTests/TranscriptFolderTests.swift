import Foundation
import SupportTestSupport
import Testing

@testable import TranscriptTesting

/// Replays the repository's `Transcripts/` folder, one test case per file, so `swift test` covers it
/// and a failure names the file.
@Suite struct TranscriptFolderTests {
    static let files: [String] = (try? TranscriptSuite.files(in: [RepositoryPaths.transcripts.path])) ?? []

    @Test("the repository ships a transcript suite in both languages")
    func suiteExists() throws {
        #expect(Self.files.count >= 60, "found \(Self.files.count) transcripts")
        let transcripts = try Self.files.map { try TranscriptParser.parse(String(contentsOfFile: $0, encoding: .utf8), file: $0) }
        let languages = Set(transcripts.flatMap { $0.turns.flatMap(\.expectations) }.compactMap { expectation -> String? in
            if case .language(let language) = expectation.kind { return language }
            return nil
        })
        #expect(languages == ["en", "zh"])
    }

    @Test("transcript replays", arguments: files.map { String($0.dropFirst(RepositoryPaths.root.path.count + 1)) })
    func replays(file: String) async throws {
        let suite = TranscriptSuite(replayer: TranscriptReplayer(engine: try TestCatalog.engine()))
        let entry = await suite.run(file: RepositoryPaths.root.appendingPathComponent(file).path)
        for failure in entry.failures { Issue.record("\(failure)") }
    }
}

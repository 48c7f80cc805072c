import Foundation
import SupportCore

/// Finds transcript files, replays them and, with `update`, rewrites their `bot:` blocks.
public struct TranscriptSuite: Sendable {
    /// The extension of transcript files.
    public static let fileExtension = "txt"

    public let replayer: TranscriptReplayer

    public init(replayer: TranscriptReplayer) { self.replayer = replayer }

    /// Every transcript file under `paths` (files as given, directories searched recursively),
    /// sorted, keeping those whose path contains `filter`.
    /// - Throws: `TranscriptError` when a path does not exist.
    public static func files(in paths: [String], filter: String? = nil) throws -> [String] {
        var found: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw TranscriptError(file: path, line: 0, message: "no such file or directory")
            }
            if !isDirectory.boolValue {
                found.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            for case let relative as String in manager.enumerator(atPath: path) ?? FileManager.DirectoryEnumerator()
            where relative.hasSuffix("." + fileExtension) {
                found.append(base + "/" + relative)
            }
        }
        return found.filter { filter == nil || $0.localizedCaseInsensitiveContains(filter!) }.sorted()
    }

    /// Replays one file. A file that cannot be read or parsed is a failed entry, not a thrown error.
    public func run(file: String, update: Bool = false) async -> SuiteEntry {
        let started = ContinuousClock.now
        func elapsed() -> Double { (ContinuousClock.now - started).seconds }
        let source: String
        do {
            source = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            return SuiteEntry(file: file, title: "", failures: [ReplayFailure(file: file, line: 0, message: "cannot read: \(error.localizedDescription)")], seconds: elapsed())
        }
        do {
            let transcript = try TranscriptParser.parse(source, file: file)
            var result = try await replayer.replay(transcript)
            if update {
                let rewritten = TranscriptWriter.update(source, replies: result.replies)
                if rewritten != source { try rewritten.write(toFile: file, atomically: true, encoding: .utf8) }
                // Text blocks now match by construction; other assertions still count.
                result.failures.removeAll { $0.message == "bot reply differs" }
            }
            return SuiteEntry(file: file, title: transcript.title, failures: result.failures, seconds: elapsed())
        } catch let error as TranscriptError {
            return SuiteEntry(file: file, title: "", failures: [ReplayFailure(file: error.file, line: error.line, message: error.message)], seconds: elapsed())
        } catch {
            return SuiteEntry(file: file, title: "", failures: [ReplayFailure(file: file, line: 0, message: "replay failed: \(error)")], seconds: elapsed())
        }
    }
}

/// The outcome of one transcript file in a suite run.
public struct SuiteEntry: Sendable {
    public var file: String
    public var title: String
    public var failures: [ReplayFailure]
    public var seconds: Double
    public var passed: Bool { failures.isEmpty }
}

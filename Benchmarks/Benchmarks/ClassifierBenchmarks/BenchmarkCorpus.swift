import Foundation
import SupportCore

/// The public benchmark sets, read from `shared/data/benchmarks` beside the project (never copied in).
struct BenchmarkCorpus: Sendable {
    var bankingTrain: [TrainingExample]
    var bankingTest: [TrainingExample]
    var clinc: ClincDataset

    /// `$SUPPORTBOT_BENCH_DATA`, else `../../shared/data/benchmarks` relative to `Benchmarks/`.
    static var directory: URL {
        if let path = ProcessInfo.processInfo.environment["SUPPORTBOT_BENCH_DATA"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        // #filePath is Benchmarks/Benchmarks/ClassifierBenchmarks/BenchmarkCorpus.swift.
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../../shared/data/benchmarks").standardizedFileURL
    }

    /// The sets, or `nil` (after saying why on standard error) when the files are missing.
    static let shared: BenchmarkCorpus? = {
        let base = directory
        do {
            let train = try String(contentsOf: base.appendingPathComponent("banking77/train.csv"), encoding: .utf8)
            let test = try String(contentsOf: base.appendingPathComponent("banking77/test.csv"), encoding: .utf8)
            let clinc = try Data(contentsOf: base.appendingPathComponent("clinc150/data_full.json"))
            return BenchmarkCorpus(
                bankingTrain: try LabelledCSV.examples(from: train), bankingTest: try LabelledCSV.examples(from: test),
                clinc: try ClincDataset(json: clinc))
        } catch {
            FileHandle.standardError.write(
                Data(
                    """
                    ClassifierBenchmarks: skipped, benchmark data not found under \(base.path) (\(error)).
                    Set SUPPORTBOT_BENCH_DATA to the folder holding banking77/ and clinc150/.\n
                    """.utf8))
            return nil
        }
    }()

    /// CLINC150 test messages including out-of-scope ones, as the bot would see them.
    var clincTestTexts: [String] { (clinc.test + clinc.outOfScopeTest).map(\.text) }

    /// `texts` in a fixed pseudo-random order. The test files are grouped by intent, and messages of
    /// one intent share n-grams, so going through them in file order keeps the same weight rows in
    /// cache and flatters single-message latency.
    static func shuffled(_ texts: [String]) -> [String] {
        var order = texts
        var state: UInt64 = 1
        for index in stride(from: order.count - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            order.swapAt(index, Int((state >> 33) % UInt64(index + 1)))
        }
        return order
    }
}

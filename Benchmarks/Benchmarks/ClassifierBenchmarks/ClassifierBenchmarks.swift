import Benchmark
import BenchmarkSupport
import Foundation
import SupportCore

/// Classifier latency, throughput, training time and memory on BANKING77 and CLINC150.
let benchmarks: @Sendable () -> Void = {
    guard let corpus = BenchmarkCorpus.shared else { return }
    let perMessage: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, .throughput]
    let training: [BenchmarkMetric] = [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal]

    let banking = IntentClassifier(examples: corpus.bankingTrain)
    let bankingTexts = BenchmarkCorpus.shuffled(corpus.bankingTest.map(\.text))
    let clinc = IntentClassifier(examples: corpus.clinc.train)
    let clincTexts = BenchmarkCorpus.shuffled(corpus.clincTestTexts)

    // One message per iteration (one iteration per sample), cycling through the test set in a
    // shuffled order across samples.
    let bankingCursor = Cursor(bankingTexts)
    let clincCursor = Cursor(clincTexts)
    Benchmark(
        "classify one message, BANKING77 (77 intents)",
        configuration: .init(metrics: perMessage, warmupIterations: 200, maxDuration: .seconds(3), maxIterations: 200_000)
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(banking.classify(bankingCursor.next())) }
    }
    Benchmark(
        "classify one message, CLINC150 (150 intents)",
        configuration: .init(metrics: perMessage, warmupIterations: 200, maxDuration: .seconds(3), maxIterations: 200_000)
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(clinc.classify(clincCursor.next())) }
    }

    // Whole test sets per iteration; throughput = sets per second (× 3,080 or 5,500 messages).
    Benchmark(
        "classify BANKING77 test set (3,080 messages)",
        configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(5), maxIterations: 50)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            for text in bankingTexts { blackHole(banking.classify(text)) }
        }
    }
    Benchmark(
        "classify CLINC150 test set (5,500 messages incl. out-of-scope)",
        configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(5), maxIterations: 50)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            for text in clincTexts { blackHole(clinc.classify(text)) }
        }
    }

    // Training, with peak resident memory of the process.
    Benchmark(
        "train on BANKING77 (10,003 examples)",
        configuration: .init(metrics: training, warmupIterations: 0, maxDuration: .seconds(20), maxIterations: 3)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(IntentClassifier(examples: corpus.bankingTrain))
        }
    }
    Benchmark(
        "train on CLINC150 (15,000 examples)",
        configuration: .init(metrics: training, warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 3)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(IntentClassifier(examples: corpus.clinc.train))
        }
    }
}

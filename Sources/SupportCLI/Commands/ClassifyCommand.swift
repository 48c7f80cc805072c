import ArgumentParser
import Foundation
import SupportCore

/// `supportbot classify`: the intent of each message, as JSON Lines.
struct ClassifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Print the intent of each message as JSON Lines.",
        discussion: """
            Prints {"text","intent","confidence","lang"} per message, with the same thresholds the bot \
            uses (too weak or too close to call: out_of_scope). Without TEXT, reads one message per line \
            from standard input. Secrets in a message are removed before it is printed.
            """
    )

    @OptionGroup var common: CommonOptions

    @Flag(help: "Add the n-grams and keywords that decided, strongest first.")
    var explain = false

    @Argument(help: "Messages to classify (each argument is one message).")
    var text: [String] = []

    func run() async throws {
        let engine = try makeEngine(common: common)
        let classification = MessageClassification(engine: engine, explains: explain)
        if !text.isEmpty {
            for message in text { print(classification.line(for: message)) }
            return
        }
        while let line = readLine(strippingNewline: true) {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            print(classification.line(for: line))
        }
    }
}

/// One `classify` output line: what the engine would understand from a message.
struct MessageClassification {
    let engine: DialogueEngine
    let explains: Bool

    func line(for message: String) -> String {
        let scan = engine.scanner.scan(message)
        let redacted = scan.redacted
        // As the engine does: the user's own words, without the placeholders of removed secrets.
        let prediction = engine.classifier.classify(scan.userWords)
        let intent = engine.catalog.configuration.thresholds.decide(prediction)
        let output = Output(
            text: redacted, intent: intent.rawValue, confidence: (prediction.confidence * 1000).rounded() / 1000,
            lang: LanguageDetector.detect(scan.userWords).rawValue,
            explain: explains
                ? engine.classifier.explain(scan.userWords).map { Output.Feature(feature: $0.feature, weight: ($0.weight * 1000).rounded() / 1000) }
                : nil)
        return (try? OutputJSON.encode(output, compact: true)) ?? "{}"
    }

    struct Output: Encodable {
        var text: String
        var intent: String
        var confidence: Double
        var lang: String
        var explain: [Feature]?

        struct Feature: Encodable {
            var feature: String
            var weight: Double
        }
    }
}

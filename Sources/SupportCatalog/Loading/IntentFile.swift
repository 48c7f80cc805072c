import Foundation
import SupportCore

/// Reads one `Intents/<id>.yml` into an `IntentDefinition`.
struct IntentFile {
    static let keys = ["id", "priority", "examples", "keywords", "reply", "reply_in_flow", "reply_again", "flow"]
    /// Keyword weights outside this range are almost certainly typos.
    static let keywordWeights: ClosedRange<Double> = 0.5...3

    let root: YAMLValue
    /// The id the file name promises (`report_theft.yml` → `report_theft`).
    let expectedID: String

    /// Parses the intent and records where each part came from in `sources`.
    func read(into sources: inout CatalogSourceMap) throws(CatalogError) -> IntentDefinition {
        let top = try root.mapping("an intent file", allowed: Self.keys)
        let idValue = try top.required("id", in: "the intent")
        let rawID = try idValue.nonEmptyString("id")
        guard rawID == expectedID else {
            throw idValue.error(
                "id '\(rawID)' does not match the file name; rename the file to \(rawID).yml or set id: \(expectedID)")
        }
        let id = IntentID(rawID)
        sources[.intent(id)] = root.location

        var priority = Priority.normal
        if let value = top["priority"] {
            let text = try value.string("priority")
            guard let parsed = Priority(rawValue: text) else {
                throw value.error(
                    "unknown priority '\(text)'; use one of: "
                        + Priority.allCases.map(\.rawValue).joined(separator: ", ")
                )
            }
            priority = parsed
        }

        let examples = try readExamples(try top.required("examples", in: "the intent"), id: id, sources: &sources)
        let keywords =
            try top["keywords"].map { value throws(CatalogError) in try readKeywords(value, id: id, sources: &sources) }
            ?? [:]
        let replyValue = try top.required("reply", in: "the intent")
        let reply = try replyValue.localizedText("reply")
        sources[.reply(id)] = replyValue.location
        let replyInFlow = try top["reply_in_flow"].map { value throws(CatalogError) in
            sources[.replyInFlow(id)] = value.location
            return try value.localizedText("reply_in_flow")
        }
        let replyAgain = try top["reply_again"].map { value throws(CatalogError) in
            sources[.replyAgain(id)] = value.location
            return try value.localizedText("reply_again")
        }

        var flow: FlowDefinition?
        if let value = top["flow"] { flow = try FlowReader(intent: id).read(value, sources: &sources) }
        return IntentDefinition(
            id: id, examples: examples, keywords: keywords, reply: reply, replyInFlow: replyInFlow, replyAgain: replyAgain,
            priority: priority,
            flow: flow,
            source: root.location)
    }

    private func readExamples(
        _ value: YAMLValue, id: IntentID, sources: inout CatalogSourceMap
    ) throws(CatalogError) -> [Language: [String]] {
        var examples: [Language: [String]] = [:]
        for entry in try value.mapping("examples", allowed: Language.allCases.map(\.rawValue)) {
            let language = Language(rawValue: entry.key)!
            var texts: [String] = []
            for (index, item) in try entry.value.sequence("examples.\(entry.key)").enumerated() {
                let text = try item.nonEmptyString("an example")
                sources[.example(id, language, index: index)] = item.location
                texts.append(text)
            }
            examples[language] = texts
        }
        return examples
    }

    private func readKeywords(
        _ value: YAMLValue, id: IntentID, sources: inout CatalogSourceMap
    ) throws(CatalogError) -> [Language: [String: Double]] {
        var keywords: [Language: [String: Double]] = [:]
        for entry in try value.mapping("keywords", allowed: Language.allCases.map(\.rawValue)) {
            let language = Language(rawValue: entry.key)!
            var weights: [String: Double] = [:]
            for keyword in try entry.value.mapping("keywords.\(entry.key)") {
                let weight = try keyword.value.double("the weight of '\(keyword.key)'")
                guard Self.keywordWeights.contains(weight) else {
                    throw keyword.value.error("keyword weight \(weight) for '\(keyword.key)' is outside 0.5...3")
                }
                weights[keyword.key] = weight
                sources[.keyword(id, language, keyword.key)] = SourceLocation(file: root.file, line: keyword.keyLine)
            }
            keywords[language] = weights
        }
        return keywords
    }
}

import Foundation
import Testing

@testable import SupportCore

@Suite struct IntentClassifierTests {
    static let training: [TrainingExample] = {
        let table: [(IntentID, [String])] = [
            (
                .reportTheft,
                [
                    "my wallet was drained", "someone stole my usdt", "all my coins are gone from my wallet",
                    "hacker took my funds", "my tokens were stolen last night", "funds disappeared from my account",
                    "我的币被盗了", "钱包里的USDT被转走了", "资产被黑客偷了", "我的钱包被盗", "昨晚币全没了", "有人转走了我的币",
                ]
            ),
            (
                .supportHours,
                [
                    "what are your opening hours", "when is support available", "are you open on weekends",
                    "what time does customer service open", "support hours please", "when can i reach an agent",
                    "客服几点上班", "你们的工作时间是什么", "周末有客服吗", "客服什么时候在线", "人工客服几点下班", "几点可以联系客服",
                ]
            ),
            (
                .greeting,
                [
                    "hello", "hi there", "good morning", "hey", "hello anyone there", "hi, good evening",
                    "你好", "您好", "早上好", "嗨", "在吗", "晚上好",
                ]
            ),
            (
                .forgotPassword,
                [
                    "i forgot my wallet password", "how do i reset my password", "lost my password cannot log in",
                    "password reset please", "i can't remember the app password", "forgot password for my wallet",
                    "忘记密码了", "钱包密码忘了怎么办", "怎么重置密码", "密码想不起来了", "我忘了交易密码", "密码找回",
                ]
            ),
        ]
        return table.flatMap { label, texts in texts.map { TrainingExample(text: $0, label: label) } }
    }()

    static let heldOut: [(String, IntentID)] = [
        ("somebody stole all my tokens", .reportTheft),
        ("my usdt got drained", .reportTheft),
        ("我的USDT被偷走了", .reportTheft),
        ("what hours is support open", .supportHours),
        ("客服周末上班吗", .supportHours),
        ("hello there", .greeting),
        ("你好啊", .greeting),
        ("i forgot the password", .forgotPassword),
        ("密码忘记了怎么办", .forgotPassword),
    ]

    @Test("held-out English and Chinese sentences get their intent", arguments: heldOut)
    func heldOutSentences(text: String, expected: IntentID) {
        let classifier = IntentClassifier(examples: Self.training)
        #expect(classifier.classify(text).intent == expected)
    }

    @Test("training twice gives identical predictions and scores")
    func deterministic() {
        let first = IntentClassifier(examples: Self.training)
        let second = IntentClassifier(examples: Self.training)
        for (text, _) in Self.heldOut {
            #expect(first.classify(text) == second.classify(text))
            #expect(first.scores(text) == second.scores(text))
        }
        #expect(first.labels == [.forgotPassword, .greeting, .reportTheft, .supportHours])
    }

    @Test("confidences are in [0, 1] and the runner-up is a different label")
    func confidenceRange() {
        let classifier = IntentClassifier(examples: Self.training)
        for text in ["", "?!", "zzzz qqqq", "我的币被盗了", String(repeating: "stolen ", count: 3000)] + Self.heldOut.map(\.0) {
            let prediction = classifier.classify(text)
            #expect((0...1).contains(prediction.confidence))
            #expect((0...1).contains(prediction.runnerUpConfidence))
            #expect(prediction.runnerUpConfidence <= prediction.confidence)
            #expect(prediction.runnerUp != prediction.intent)
        }
    }

    @Test("explain lists n-grams that occur in the message and favour the winner")
    func explainFeatures() {
        let classifier = IntentClassifier(examples: Self.training)
        for text in ["someone stole my usdt tokens", "钱包被盗了"] {
            let features = classifier.explain(text, limit: 5)
            #expect(!features.isEmpty)
            #expect(features.count <= 5)
            let normalized = TextNormalizer.normalize(text)
            for feature in features {
                #expect(feature.weight > 0)
                let core = feature.feature.replacingOccurrences(of: "_", with: "")
                #expect(normalized.contains(core), "\(feature.feature) is not in \(normalized)")
            }
            #expect(features == features.sorted { $0.weight > $1.weight })
        }
    }

    @Test("a catalog keyword adds evidence to its intent and shows in explain")
    func keywords() throws {
        let text = "is the helpdesk open"
        let plain = IntentClassifier(examples: Self.training)
        let boosted = IntentClassifier(examples: Self.training, keywords: [.supportHours: ["helpdesk": 3]])
        let index = try #require(plain.labels.firstIndex(of: .supportHours))
        #expect(boosted.scores(text)[index] > plain.scores(text)[index] + 0.5)
        #expect(boosted.classify(text).intent == .supportHours)
        #expect(boosted.explain(text).contains { $0.feature == "keyword:helpdesk" })
        // Latin keywords match whole words only.
        #expect(boosted.scores("helpdesks")[index] == plain.scores("helpdesks")[index])
    }

    @Test("ASCII fast path gives the same features as the full normaliser")
    func asciiFastPath() {
        let classifier = IntentClassifier(examples: Self.training)
        // The ideographic space forces the full `TextNormalizer` path; it folds to a plain space.
        #expect(classifier.scores("My Wallet WAS drained") == classifier.scores("My Wallet\u{3000}WAS drained"))
        #expect(classifier.scores("ＵＳＤＴ stolen") == classifier.scores("usdt stolen"))
    }

    @Test("an untrained classifier answers out_of_scope with no confidence")
    func empty() {
        let classifier = IntentClassifier(examples: [])
        #expect(classifier.classify("hello").intent == .outOfScope)
        #expect(classifier.classify("hello").confidence == 0)
        #expect(classifier.explain("hello").isEmpty)
    }
}

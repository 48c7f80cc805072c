import Testing

@testable import SupportCore

@Suite("ControlPhrases")
struct ControlPhrasesTests {
    static func matches(_ set: ControlPhrases, _ text: String) -> Bool {
        set.matches(TextNormalizer.normalize(text))
    }

    @Test(
        "whole-message commands match with fillers and punctuation",
        arguments: [
            (ControlPhrases.yes, "Yes please!"), (ControlPhrases.yes, "是的，提交"),
            (ControlPhrases.yes, "确认提交吧"),
            (ControlPhrases.no, "no"), (ControlPhrases.no, "不用提交了"), (ControlPhrases.cancel, "算了吧"),
            (ControlPhrases.cancel, "Cancel, please."), (ControlPhrases.cancel, "nvm"), (ControlPhrases.skip, "I don't know"),
            (ControlPhrases.skip, "跳过"), (ControlPhrases.skip, "我记不清了"), (ControlPhrases.skip, "这个不填了"),
            (ControlPhrases.skip, "哈希没有，我不会找"), (ControlPhrases.skip, "还没报警"), (ControlPhrases.skip, "应该没有吧"),
            (ControlPhrases.unsure, "不太确定"), (ControlPhrases.unsure, "idk"), (ControlPhrases.skip, "不用了谢谢"), (ControlPhrases.cancel, "算了谢谢"),
            (ControlPhrases.handOver, "转人工"),
            (ControlPhrases.handOver, "talk to a human"),
        ])
    func matchesCommands(set: ControlPhrases, text: String) {
        #expect(Self.matches(set, text))
    }

    @Test(
        "answers that merely mention a command word do not match",
        arguments: [
            (ControlPhrases.yes, "yesterday"), (ControlPhrases.no, "nothing happened"),
            (ControlPhrases.no, "nope wait"),
            (ControlPhrases.cancel, "I cancelled the approval"), (ControlPhrases.cancel, "取消授权"),
            (ControlPhrases.skip, "nobody"), (ControlPhrases.yes, "ok"),
            (ControlPhrases.handOver, "agent smith stole it"),
        ])
    func ignoresMentions(set: ControlPhrases, text: String) {
        #expect(!Self.matches(set, text))
    }

    @Test(
        "the content bounds are what stripping keeps, measured without copying",
        arguments: ["", "  ", "...", "cancel", "  cancel please!! ", "?取消，算了。", "a . b", "好的 ~", "x" + String(repeating: "!", count: 60)])
    func strippedLength(text: String) {
        #expect(ControlPhrases.contentBounds(text)?.count == ControlPhrases.stripped(text).count)
    }

    @Test("content longer than the limit stops the scan with nil; at the limit it is measured")
    func boundedScan() {
        #expect(ControlPhrases.contentBounds("  ab!! ", atMost: 2) == 2..<4)
        #expect(ControlPhrases.contentBounds("  abc ", atMost: 2) == nil)
        #expect(ControlPhrases.contentBounds("a" + String(repeating: " ", count: 100), atMost: 1) == 0..<1)
        // 6 × "please " + "cancel" is 48 scalars, the limit; "now now " in place of one "please " makes it 49.
        let atLimit = String(repeating: "please ", count: 6) + "cancel"
        #expect(TextNormalizer.normalize(atLimit).unicodeScalars.count == ControlPhrases.maximumLength)
        #expect(Self.matches(ControlPhrases.cancel, atLimit))
        #expect(!Self.matches(ControlPhrases.cancel, "now now " + String(repeating: "please ", count: 5) + "cancel"))
    }

    @Test("a command padded past the length limit with punctuation at the ends still matches")
    func longPunctuation() {
        #expect(Self.matches(ControlPhrases.cancel, String(repeating: "!", count: 60) + " cancel " + String(repeating: "?", count: 60)))
        #expect(!Self.matches(ControlPhrases.cancel, "cancel " + String(repeating: "x ", count: 30)))
    }
}

import SupportCatalog
import Testing

@Suite("SecretRequestGuard")
struct SecretRequestGuardTests {
    @Test(
        "requests for a phrase, key or password are caught",
        arguments: [
            "Please send your recovery phrase so we can verify the wallet.",
            "To continue, enter your seed phrase below.",
            "Kindly provide us your private key.",
            "Share your secret recovery phrase with our engineer.",
            "Don't worry, just type your 12 words here.",
            "Tell me your wallet password and I'll unlock it.",
            "Paste the mnemonic in the form.",
            "请提供您的助记词以便核实。",
            "请发送私钥给我们。",
            "请输入钱包密码。",
            "请告诉我您的助记词。",
            "麻烦填写一下您的助记词",
            "请把助记词发给客服。",
            "为了验证身份，请提供私钥",
            "不用担心，请输入助记词",
        ])
    func catchesRequests(_ text: String) {
        #expect(SecretRequestGuard.request(in: text) != nil, "should be flagged: \(text)")
    }

    @Test(
        "warnings and descriptions of scams pass",
        arguments: [
            "Never share your recovery phrase, private key or password with anyone.",
            "Never, under any circumstances, send your seed phrase to anyone.",
            "Please don't send your phrase, key or password to me or anyone else.",
            "Real support will never ask you to type your recovery phrase.",
            "No one from support will ask for your private key.",
            "If a site asks you to enter your recovery phrase, close it.",
            "Write your recovery phrase on paper and keep it offline.",
            "Re-import the wallet with your recovery phrase and choose a new password.",
            "Our team is available every day; we never call first.",
            "请不要向任何人提供助记词。",
            "我们绝不会索要您的助记词、私钥或密码。",
            "真正的客服绝不会让您输入助记词。",
            "助记词和私钥不要发给任何人。",
            "切勿在任何网站输入私钥",
            "凡是要求输入助记词的网站都是钓鱼网站。",
            "用户在对话中发送了助记词，已在保存前删除。",
            "如果有人让您提供私钥，那一定是骗子。",
            "可以用助记词在官方App中重新导入钱包，并设置新密码。",
        ])
    func passesWarnings(_ text: String) {
        #expect(SecretRequestGuard.request(in: text) == nil, "should pass: \(text)")
    }

    @Test("a request hidden after a warning in the same text is still found")
    func findsTheRequestingSentence() {
        let text = "Never share your phrase with strangers. For verification, please send your recovery phrase."
        #expect(SecretRequestGuard.request(in: text) == "For verification, please send your recovery phrase.")
    }
}

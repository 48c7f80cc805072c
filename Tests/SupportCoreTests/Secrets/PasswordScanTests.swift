import Foundation
import SupportCore
import Testing

/// Passwords typed after the word that names them are removed like keys; the words around them,
/// and everything that only mentions a password, stay.
@Suite("SecretScanner: passwords")
struct PasswordScanTests {
    let scanner = SecretTestData.scanner

    @Test(
        "a password-shaped token after 'password' / '密码' is removed",
        arguments: [
            ("my password is Qwerty!2345 if u need it", "my password is [password removed] if u need it"),
            ("我的密码应该是 abc778899 或者 abc889900，你帮我试试", "我的密码应该是 [password removed] 或者 [password removed]，你帮我试试"),
            ("pwd: hunter2024.", "pwd: [password removed]."),
            ("钱包密码是123456", "钱包密码是[password removed]"),
        ])
    func removed(text: String, redacted: String) {
        let scan = scanner.scan(text)
        #expect(scan.redacted == redacted)
        #expect(Set(scan.findings) == [.password])
    }

    @Test(
        "mentions of a password, and addresses, e-mails, phones and amounts beside one, stay",
        arguments: [
            "I forgot my password", "我忘了密码，转了500U", "password reset was sent to sam2024@gmail.com",
            "I forgot my password, my address is TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf", "密码忘了，手机号 +8613900001111",
            "my password has 12 characters", "the password box says wrong password",
        ])
    func kept(text: String) {
        #expect(scanner.scan(text) == SecretScan(redacted: text, findings: []))
    }
}

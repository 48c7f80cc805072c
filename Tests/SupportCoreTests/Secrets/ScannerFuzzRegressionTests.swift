import SupportCore
import Testing

/// Inputs the `scanner` fuzz target (fuzz/scanner) flagged, kept as regression tests.
@Suite("SecretScanner: fuzz findings")
struct ScannerFuzzRegressionTests {
    /// fuzz/out/scanner crash-6ae272235d080d545acbcc4bfa4426d2b47bcdc6 (23 Nov 2026): a WIF key followed by
    /// U+0734 (a combining mark) and invalid UTF-8. The mark fuses with the placeholder's `]` into one
    /// Character, so a Character-level `contains(placeholder)` missed a placeholder that was there.
    static let wif = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"
    static let input = String(
        decoding: Array(wif.utf8) + [0xDC, 0xB4, 0x88, 0x9B] + Array("MAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvP98617".utf8),
        as: UTF8.self)

    @Test("a combining mark after a key: the key is removed and its placeholder is there, scalar for scalar")
    func combiningMarkAfterKey() {
        for expecting in [false, true] {
            let scan = SecretTestData.scanner.scan(Self.input, expectingTransactionID: expecting)
            #expect(!scan.findings.isEmpty)
            #expect(scan.redacted.utf8.firstRange(of: Self.wif.utf8) == nil, "the key survived: \(scan.redacted)")
            #expect(
                scan.findings.contains { scan.redacted.utf8.firstRange(of: $0.placeholder.utf8) != nil },
                "no placeholder in \(scan.redacted.debugDescription)")
        }
    }
}

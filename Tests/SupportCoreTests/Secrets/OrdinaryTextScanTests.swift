import Foundation
import SupportCore
import Testing

/// False positives: ordinary support and everyday messages must come through unchanged.
@Suite("SecretScanner: ordinary text")
struct OrdinaryTextScanTests {
    let scanner = SecretTestData.scanner
    static let english = SecretTestData.ordinaryLines("ordinary_en.txt")
    static let chinese = SecretTestData.ordinaryLines("ordinary_zh.txt")

    @Test("the fixtures hold about 300 lines each")
    func fixtureSizes() {
        #expect(Self.english.count >= 290)
        #expect(Self.chinese.count >= 290)
    }

    @Test("no English line is flagged, with or without a tx hash expected", arguments: english)
    func englishLine(_ line: String) {
        #expect(scanner.scan(line) == SecretScan(redacted: line, findings: []))
        #expect(scanner.scan(line, expectingTransactionID: true).findings.isEmpty)
    }

    @Test("no Chinese line is flagged, with or without a tx hash expected", arguments: chinese)
    func chineseLine(_ line: String) {
        #expect(scanner.scan(line) == SecretScan(redacted: line, findings: []))
        #expect(scanner.scan(line, expectingTransactionID: true).findings.isEmpty)
    }

    @Test("whole fixtures scanned as one message each are not flagged either")
    func wholeFixtures() {
        for lines in [Self.english, Self.chinese] {
            #expect(scanner.scan(lines.joined(separator: "\n")).findings.isEmpty)
            #expect(scanner.scan(lines.joined(separator: " ")).findings.isEmpty)
        }
    }
}

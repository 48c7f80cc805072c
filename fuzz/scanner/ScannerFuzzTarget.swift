import Foundation

/// libFuzzer entry point: the input bytes, as UTF-8 text, are scanned with and without a tx hash expected.
/// Any crash, hang or sanitizer report is a bug; so is a scan that finds nothing but changes the text.
///
/// Wordlists: the fuzzer cannot use `Bundle.module`, so it reads the shipped lists from, in order,
/// `$SUPPORTBOT_BIP39`, `Sources/SupportCatalog/Resources/bip39` under the working directory (run from the
/// repository root), and the repository this file was compiled from (`#filePath`). If none is readable it
/// falls back to a small embedded subset and says so on stderr.
@_cdecl("LLVMFuzzerTestOneInput")
public func scannerFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    ScannerFuzzTarget.run(text)
    return 0
}

enum ScannerFuzzTarget {
    static let scanner = SecretScanner(wordlists: loadWordlists())

    static func run(_ text: String) {
        for expecting in [false, true] {
            let scan = scanner.scan(text, expectingTransactionID: expecting)
            if scan.findings.isEmpty, scan.redacted != text {
                fatalError("a scan without findings changed the text")
            }
            // Compared as UTF-8: a combining mark right after the secret fuses with the placeholder's `]`
            // into one Character, so `String.contains` would miss a placeholder that is there.
            if !scan.findings.isEmpty,
                !SecretKind.allCases.contains(where: { scan.redacted.utf8.firstRange(of: $0.placeholder.utf8) != nil })
            {
                fatalError("a scan with findings left no placeholder")
            }
        }
    }

    static func loadWordlists() -> MnemonicWordlists {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var directories: [URL] = []
        if let override = ProcessInfo.processInfo.environment["SUPPORTBOT_BIP39"] {
            directories.append(URL(fileURLWithPath: override))
        }
        directories.append(URL(fileURLWithPath: "Sources/SupportCatalog/Resources/bip39"))
        directories.append(here.appendingPathComponent("Sources/SupportCatalog/Resources/bip39"))
        for directory in directories {
            func words(_ name: String) -> [String]? {
                guard
                    let text = try? String(contentsOf: directory.appendingPathComponent("\(name).txt"), encoding: .utf8)
                else { return nil }
                return text.split(whereSeparator: \.isNewline).map(String.init)
            }
            if let english = words("english"), let simplified = words("chinese_simplified"),
                let traditional = words("chinese_traditional"), english.count == 2048
            {
                return MnemonicWordlists(
                    english: english, chineseSimplified: simplified, chineseTraditional: traditional)
            }
        }
        FileHandle.standardError.write(Data("scanner fuzz: BIP-39 lists not found, using an embedded subset\n".utf8))
        return embeddedSubset
    }

    /// The first 64 entries of each list plus the words of the corpus phrases (indices are then wrong,
    /// which only weakens the checksum path; matching and redaction are still exercised).
    static let embeddedSubset = MnemonicWordlists(
        english: """
            abandon ability able about above absent absorb abstract absurd abuse access accident account accuse \
            achieve acid acoustic acquire across act action actor actress actual adapt add addict address adjust \
            admit adult advance advice aerobic affair afford afraid again age agent agree ahead aim air airport \
            aisle alarm album alcohol alert alien all alley allow almost alone alpha already also alter always \
            amateur amazing among amount legal winner thank year wave sausage worth useful yellow zoo wrong
            """.split(separator: " ").map(String.init),
        chineseSimplified: Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动枪疫霉尝俩闹饿贤卿")
            .map(String.init),
        chineseTraditional: Array("的一是在不了有和人這中大為上個國我以要他時來用們生到作地於出就分對成會可主發年動槍疫黴嘗倆鬧餓賢卿")
            .map(String.init))
}

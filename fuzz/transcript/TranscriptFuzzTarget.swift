import Foundation

/// libFuzzer entry point: the input bytes, as the text of a transcript file, go through
/// `TranscriptParser.parse`. Every input must become a `Transcript` or a `TranscriptError` that points
/// at a line of the input; a parsed transcript has turns, each with a non-empty user message.
@_cdecl("LLVMFuzzerTestOneInput")
public func transcriptFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    TranscriptFuzzTarget.run(text)
    return 0
}

enum TranscriptFuzzTarget {
    static func run(_ text: String) {
        let lineCount = max(1, text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false).count)
        do {
            let transcript = try TranscriptParser.parse(text, file: "fuzz.txt")
            precondition(!transcript.turns.isEmpty, "parsed a transcript without turns")
            for turn in transcript.turns {
                precondition(!turn.user.isEmpty, "parsed an empty user message")
                precondition((1...lineCount).contains(turn.line), "turn line \(turn.line) outside 1...\(lineCount)")
                for expectation in turn.expectations {
                    precondition(
                        (1...lineCount).contains(expectation.line),
                        "expectation line \(expectation.line) outside 1...\(lineCount)")
                }
            }
        } catch let error as TranscriptError {
            precondition(error.file == "fuzz.txt" && (1...lineCount).contains(error.line),
                "error at line \(error.line), outside 1...\(lineCount): \(error.message)")
        } catch {
            preconditionFailure("parse threw something other than TranscriptError: \(error)")
        }
    }
}

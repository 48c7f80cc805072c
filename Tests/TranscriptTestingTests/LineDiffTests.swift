import Testing

@testable import TranscriptTesting

@Suite struct LineDiffTests {
    @Test("a changed line shows as removed and added, with the file's line numbers")
    func changedLine() {
        let diff = LineDiff.unified(expected: "a\nb\nc", actual: "a\nB\nc", label: "Transcripts/x.txt", firstLine: 12)
        #expect(diff == """
            --- Transcripts/x.txt (expected)
            +++ actual
            @@ -12,3 +12,3 @@
             a
            -b
            +B
             c
            """)
    }

    @Test("insertions and deletions keep common lines")
    func insertAndDelete() {
        #expect(LineDiff.edits(["a", "b"], ["a", "x", "b", "y"]) == [.same("a"), .added("x"), .same("b"), .added("y")])
        #expect(LineDiff.edits(["a", "b", "c"], ["c"]) == [.removed("a"), .removed("b"), .same("c")])
        #expect(LineDiff.edits([], []) == [])
    }
}

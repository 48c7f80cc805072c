/// Passwords typed after a word that names them ("my password is Qwerty!2345", "密码应该是 abc778899
/// 或者 abc889900"): the words of a password have no shape of their own, so only what follows such a
/// word and looks like one (see `looksLikePassword`) is taken.
extension SecretScanner {
    /// Words that introduce a password, lower case.
    static let passwordMarkerWords = ["password", "passcode", "passwd", "pwd", "pin code", "密码", "密碼", "口令"]
    static let passwordMarkers: [[Unicode.Scalar]] = passwordMarkerWords.map { Array($0.unicodeScalars) }
    private static let passwordMarkerBytes: [[UInt8]] = passwordMarkerWords.map { Array($0.utf8) }

    /// How far after a marker (in scalars) a password is looked for: to the end of its clause.
    static let passwordReach = 80

    /// Whether `text` may hold a password: it names one. Runs on every message, so it reads the
    /// bytes in place, folding ASCII case, instead of lower-casing a copy.
    static func mayHoldPassword(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in passwordMarkerBytes.contains { containsFoldingCase($0, in: bytes) } }
    }

    /// Whether `needle` (lower case) occurs in `haystack` with ASCII letters compared case-blind.
    private static func containsFoldingCase(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        candidates: for start in 0...(haystack.count - needle.count) {
            for (offset, byte) in needle.enumerated() {
                let found = haystack[start + offset]
                let folded = (0x41...0x5A).contains(found) ? found | 0x20 : found
                if folded != byte { continue candidates }
            }
            return true
        }
        return false
    }

    func passwordSpans(in scalars: [Unicode.Scalar]) -> [SecretSpan] {
        let lowered = scalars.map { $0.properties.lowercaseMapping.unicodeScalars.first ?? $0 }
        var spans: [SecretSpan] = []
        var index = 0
        while index < lowered.count {
            guard let marker = Self.passwordMarkers.first(where: { Self.matches($0, in: lowered, at: index) }) else {
                index += 1
                continue
            }
            var position = index + marker.count
            let end = min(lowered.count, position + Self.passwordReach)
            while position < end, !Self.endsClause(scalars[position]) {
                guard Self.isPasswordScalar(scalars[position]) else {
                    position += 1
                    continue
                }
                var tokenEnd = position
                while tokenEnd < scalars.count, Self.isPasswordScalar(scalars[tokenEnd]) { tokenEnd += 1 }
                // Trailing punctuation belongs to the sentence ("…2345." ).
                var trimmed = tokenEnd
                while trimmed > position, ".,;:!?".unicodeScalars.contains(scalars[trimmed - 1]) { trimmed -= 1 }
                if Self.looksLikePassword(scalars[position..<trimmed]) {
                    spans.append(SecretSpan(range: position..<trimmed, kind: .password))
                }
                position = tokenEnd
            }
            index = position
        }
        return spans
    }

    private static func matches(_ marker: [Unicode.Scalar], in scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + marker.count <= scalars.count else { return false }
        for offset in marker.indices where scalars[index + offset] != marker[offset] { return false }
        return true
    }

    /// Printable ASCII other than space: what a typed password is made of.
    private static func isPasswordScalar(_ scalar: Unicode.Scalar) -> Bool { (0x21...0x7E).contains(scalar.value) }

    private static func endsClause(_ scalar: Unicode.Scalar) -> Bool { "。！？\n".unicodeScalars.contains(scalar) }

    /// 6 to 24 characters with a letter and a digit ("Qwerty!2345", "abc778899"), or 6 to 12 digits
    /// (a PIN); not a word ("forgotten"), an address or hash (25 and more), an e-mail, a link or a
    /// phone number.
    private static func looksLikePassword(_ token: ArraySlice<Unicode.Scalar>) -> Bool {
        guard (6...24).contains(token.count), token.first != "+", !token.contains("@"), !token.contains("/") else { return false }
        let digits = token.count { ("0"..."9").contains($0) }
        let letters = token.count { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        return digits > 0 && (letters > 0 || (digits == token.count && digits <= 12))
    }
}

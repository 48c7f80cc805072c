// MARK: - Secrets pasted as JSON (keystore files, Solana CLI keypairs)

extension SecretScanner {
    /// A keystore (`"crypto"`/`"Crypto"` holding `"ciphertext"` and `"kdf"`): the whole enclosing JSON object,
    /// or everything from the object's `{` to the end when the paste is cut short.
    func keystoreSpans(in scalars: [Unicode.Scalar]) -> [SecretSpan] {
        let ciphertext = Self.find(Array("ciphertext".unicodeScalars), in: scalars)
        guard let anchor = ciphertext.first, !Self.find(Array("kdf".unicodeScalars), in: scalars).isEmpty else {
            return []
        }
        let objects = Self.topLevelObjects(in: scalars)
        if let object = objects.first(where: { $0.contains(anchor) }) {
            return [SecretSpan(range: object, kind: .keystore)]
        }
        // No enclosing object: redact from the start of the line holding the key to the end.
        var start = anchor
        while start > 0, scalars[start - 1] != "\n" { start -= 1 }
        return [SecretSpan(range: start..<scalars.count, kind: .keystore)]
    }

    /// `[n, n, …]` with exactly 64 integers 0–255: a Solana CLI `id.json` keypair.
    func byteArraySpans(in scalars: [Unicode.Scalar]) -> [SecretSpan] {
        var spans: [SecretSpan] = []
        var position = 0
        while position < scalars.count {
            guard scalars[position] == "[" else {
                position += 1
                continue
            }
            if let end = Self.byteArrayEnd(in: scalars, from: position) {
                spans.append(SecretSpan(range: position..<end, kind: .solanaKeypair))
                position = end
            } else {
                position += 1
            }
        }
        return spans
    }

    /// The end (after `]`) of a 64-byte array starting at `open`, or nil.
    private static func byteArrayEnd(in scalars: [Unicode.Scalar], from open: Int) -> Int? {
        var position = open + 1
        var count = 0
        func skipSpace() {
            while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
        }
        while true {
            skipSpace()
            var value = 0
            var digits = 0
            while position < scalars.count, let digit = scalars[position].asciiDigitValue, digits < 4 {
                value = value * 10 + digit
                digits += 1
                position += 1
            }
            guard digits > 0, digits <= 3, value <= 255 else { return nil }
            count += 1
            guard count <= 64 else { return nil }
            skipSpace()
            guard position < scalars.count else { return nil }
            if scalars[position] == "]" { return count == 64 ? position + 1 : nil }
            guard scalars[position] == "," else { return nil }
            position += 1
        }
    }

    /// Ranges of the outermost `{…}` objects (string-aware); an unclosed object runs to the end.
    static func topLevelObjects(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var objects: [Range<Int>] = []
        var depth = 0
        var open = 0
        var inString = false
        var escaped = false
        for (position, scalar) in scalars.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == "\"" {
                    inString = false
                }
                continue
            }
            switch scalar {
            case "\"" where depth > 0:
                inString = true
            case "{":
                if depth == 0 { open = position }
                depth += 1
            case "}" where depth > 0:
                depth -= 1
                if depth == 0 { objects.append(open..<(position + 1)) }
            default:
                break
            }
        }
        if depth > 0 { objects.append(open..<scalars.count) }
        return objects
    }

    /// Start offsets of `word` in `scalars`, ASCII letters compared without case.
    static func find(_ word: [Unicode.Scalar], in scalars: [Unicode.Scalar]) -> [Int] {
        guard !word.isEmpty, scalars.count >= word.count else { return [] }
        var result: [Int] = []
        for start in 0...(scalars.count - word.count) {
            var matches = true
            for offset in 0..<word.count where KeyContext.folded(scalars[start + offset]) != word[offset] {
                matches = false
                break
            }
            if matches { result.append(start) }
        }
        return result
    }
}

extension Unicode.Scalar {
    /// 0–9 for an ASCII digit, nil otherwise.
    fileprivate var asciiDigitValue: Int? {
        (0x30...0x39).contains(value) ? Int(value - 0x30) : nil
    }
}

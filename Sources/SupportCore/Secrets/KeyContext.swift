/// The words around a key-shaped token, deciding between "private key" and "transaction id"
/// (DOMAIN.md §2, ambiguity policy).
struct KeyContext {
    let scalars: [Unicode.Scalar]
    let token: Range<Int>

    /// How far (in scalars) to look for a deciding word before and after the token.
    static let lookBehind = 48
    static let lookAhead = 24

    /// Words that mark a key. `key` alone counts ("my key is …").
    static let secretWords: [[Unicode.Scalar]] = [
        "private key", "privatekey", "private_key", "priv key", "privkey", "secret key", "secret",
        "key", "keys", "keypair", "私钥", "密钥", "秘钥", "私鑰", "密鑰", "秘鑰",
    ].map { Array($0.unicodeScalars) }

    /// Words that mark a transaction id.
    static let transactionWords: [[Unicode.Scalar]] = [
        "tx", "txid", "txn", "txhash", "tx_hash", "tx hash", "tx id", "hash", "transaction", "transaction id",
        "signature", "sig", "交易哈希", "哈希", "交易号", "交易id", "交易单号", "交易编号", "交易hash", "hash值",
        "交易签名", "交易雜湊", "雜湊", "交易號",
    ].map { Array($0.unicodeScalars) }

    /// Explorer hosts and paths whose URLs carry tx ids.
    static let explorerMarks: [[Unicode.Scalar]] = [
        "/tx/", "/tx?", "/transaction/", "/transactions/", "/txs/", "tx=", "txid=", "hash=", "/signature/",
        "etherscan", "bscscan", "tronscan", "solscan", "solana.fm", "explorer.solana", "mempool.space",
        "blockchair", "blockstream", "polygonscan", "arbiscan", "basescan", "oklink", "tokenview",
        "blockchain.com", "ftmscan", "snowtrace", "optimistic.etherscan",
    ].map { Array($0.unicodeScalars) }

    /// True when the token should be kept as a transaction id.
    func isTransactionID(expecting: Bool) -> Bool {
        let secretDistance = nearest(Self.secretWords)
        let transactionDistance = nearest(Self.transactionWords)
        if let secret = secretDistance {
            guard let transaction = transactionDistance, transaction < secret else { return false }
            return true
        }
        return transactionDistance != nil || expecting || isInExplorerURL
    }

    /// The token sits in a URL chunk (no white space between) that names an explorer or a tx path.
    var isInExplorerURL: Bool {
        var start = token.lowerBound
        while start > 0, !scalars[start - 1].properties.isWhitespace { start -= 1 }
        guard start < token.lowerBound else { return false }
        let chunk = start..<token.lowerBound
        return Self.explorerMarks.contains { !occurrences(of: $0, in: chunk).isEmpty }
    }

    /// The distance from the token to the closest occurrence of any of `words` in the window around it.
    private func nearest(_ words: [[Unicode.Scalar]]) -> Int? {
        let before = max(0, token.lowerBound - Self.lookBehind)..<token.lowerBound
        let after = token.upperBound..<min(scalars.count, token.upperBound + Self.lookAhead)
        var best: Int?
        for word in words {
            for match in occurrences(of: word, in: before) where isWordBounded(match) {
                best = min(best ?? .max, token.lowerBound - match.upperBound)
            }
            for match in occurrences(of: word, in: after) where isWordBounded(match) {
                best = min(best ?? .max, match.lowerBound - token.upperBound)
            }
        }
        return best
    }

    /// ASCII words must not be glued to other ASCII letters ("key" is not in "monkey" or "keyboard").
    private func isWordBounded(_ match: Range<Int>) -> Bool {
        func isLetter(_ index: Int) -> Bool {
            guard scalars.indices.contains(index) else { return false }
            let value = scalars[index].value
            return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        guard isLetter(match.lowerBound) || isLetter(match.upperBound - 1) else { return true }
        return !isLetter(match.lowerBound - 1) && !isLetter(match.upperBound)
    }

    /// Ranges where `word` occurs in `window`, ASCII letters compared without case.
    private func occurrences(of word: [Unicode.Scalar], in window: Range<Int>) -> [Range<Int>] {
        guard !word.isEmpty, window.count >= word.count else { return [] }
        var result: [Range<Int>] = []
        for start in window.lowerBound...(window.upperBound - word.count) {
            var matches = true
            for offset in 0..<word.count where Self.folded(scalars[start + offset]) != word[offset] {
                matches = false
                break
            }
            if matches { result.append(start..<(start + word.count)) }
        }
        return result
    }

    @inline(__always)
    static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x20) ?? scalar : scalar
    }
}

import Foundation

extension EvidenceValidator {
    /// The most ids one answer may carry.
    static let maximumTxHashes = 10

    /// One to ten transaction ids or explorer URLs, separated by spaces, commas or new lines.
    func validateTxHashes(_ raw: String, context: ValidationContext) -> FieldValidation {
        let pieces = raw.split(whereSeparator: Self.separatesIDs)
        var ids: [TransactionID] = []
        for piece in pieces {
            let text = String(piece).trimmingCharacters(in: Self.wrappingPunctuation)
            if let fromURL = TransactionID.fromExplorerURL(text) {
                guard let id = fromURL else { return .rejected(Rejection(.txHashFormat)) }
                ids.append(id)
                continue
            }
            // Words around the ids ("tx:", "here", "哈希是") are ignored, and so is a wallet address given
            // beside them ("from T… tx a3f1…", which the address question takes); other long
            // alphanumeric runs must be ids.
            for token in PhraseMatcher.alphanumericTokens(text) where token.count >= 32 {
                guard let id = TransactionID.parse(token) else {
                    if ChainAddress.parse(token)?.validAddress != nil { continue }
                    return .rejected(Self.notAHash(raw))
                }
                ids.append(id)
            }
        }
        var seen: Set<String> = []
        ids = ids.filter { seen.insert($0.value).inserted }
        guard !ids.isEmpty else {
            if let shortened = ShortenedIdentifier.first(in: raw) {
                return .rejected(Rejection(.txHashShortened, values: ["shortened": String(shortened)]))
            }
            return .rejected(Self.notAHash(raw))
        }
        guard ids.count <= Self.maximumTxHashes else {
            return .rejected(
                Rejection(.txHashTooMany, values: ["max": String(Self.maximumTxHashes), "count": String(ids.count)]))
        }
        var inferred: [String: String] = [:]
        if let chain = context.chain {
            if let wrong = ids.first(where: { !$0.isValid(on: chain) }) {
                var values = ["expected": chain.rawValue]
                if let found = wrong.chainFromURL { values["found"] = found.rawValue }
                return .rejected(Rejection(.txHashWrongChain, values: values))
            }
        } else {
            let urlChains = Set(ids.compactMap(\.chainFromURL))
            let formats = Set(ids.map(\.format))
            if urlChains.count == 1, let chain = urlChains.first, ids.allSatisfy({ $0.isValid(on: chain) }) {
                inferred["chain"] = chain.rawValue
            } else if urlChains.isEmpty, formats == [.solanaSignature] {
                inferred["chain"] = Chain.solana.rawValue
            } else if urlChains.isEmpty, formats == [.evm] {
                inferred["address_family"] = ChainAddress.Family.evm.rawValue
            }
        }
        return .accepted(EvidenceValue(ids.map(\.value).joined(separator: ","), inferred: inferred))
    }

    /// White space and the marks people list ids with; a `switch`, not a search of a string of
    /// separators for every character of the answer.
    private static func separatesIDs(_ character: Character) -> Bool {
        switch character {
        case ",", "，", ";", "；", "、", "|": true
        default: character.isWhitespace
        }
    }

    /// Quotes and brackets people wrap ids and links in.
    static let wrappingPunctuation = CharacterSet(charactersIn: "\"'`<>()[]{}“”‘’「」《》（）.。:：")

    /// Why `raw`, holding no transaction id, was refused: a wallet address, the usual mix-up, is
    /// named as one.
    private static func notAHash(_ raw: String) -> Rejection {
        let holdsAddress = ChainAddress.findAll(in: raw).contains { $0.validAddress != nil }
        return Rejection(holdsAddress ? .txHashIsAddress : .txHashFormat)
    }
}

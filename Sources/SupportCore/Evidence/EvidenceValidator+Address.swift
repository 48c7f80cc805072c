extension EvidenceValidator {
    /// An address valid for `context.chain`, or inferring the chain when none was given.
    func validateAddress(_ raw: String, context: ValidationContext) -> FieldValidation {
        let candidates = ChainAddress.findAll(in: raw)
        guard !candidates.isEmpty else {
            // An XRP or TON address: stored as written, the network as `other` with its name.
            if context.chain == nil || context.chain == .other, let found = OtherNetworkAddress.first(in: raw) {
                return .accepted(EvidenceValue(found.address, inferred: ["chain": Chain.other.rawValue, "network_name": found.network]))
            }
            // A chain we do not model: keep any long address-like token as written.
            if context.chain == .other,
                let token = PhraseMatcher.alphanumericTokens(raw).filter({ $0.count >= 20 }).max(by: {
                    $0.count < $1.count
                })
            {
                return .accepted(EvidenceValue(String(token)))
            }
            if let shortened = ShortenedIdentifier.first(in: raw) {
                return .rejected(Rejection(.addressShortened, values: ["shortened": String(shortened)]))
            }
            // The usual mix-up: the transaction's hash given for an address.
            let holdsHash = PhraseMatcher.alphanumericTokens(raw).contains { $0.count >= 32 && TransactionID.parse($0) != nil }
            return .rejected(Rejection(holdsHash ? .addressIsTxHash : .addressFormat))
        }
        // Prefer a valid address of the expected chain, then any valid one, then a checksum failure.
        let valid = candidates.compactMap(\.validAddress)
        let unique = Array(Set(valid.map(\.canonical)))
        if let chain = context.chain {
            if let match = valid.first(where: { $0.family.isValid(on: chain) }) {
                return .accepted(accepted(match, chain: chain))
            }
            if let other = valid.first {
                return .rejected(
                    Rejection(
                        .addressWrongChain,
                        values: [
                            "found": other.family.chain?.rawValue ?? other.family.rawValue, "expected": chain.rawValue,
                        ]
                    )
                )
            }
            return .rejected(Rejection(.addressChecksum))
        }
        if unique.count == 1, let match = valid.first { return .accepted(accepted(match, chain: nil)) }
        if unique.count > 1 { return .rejected(Rejection(.addressFormat, values: ["count": String(unique.count)])) }
        return .rejected(Rejection(.addressChecksum))
    }

    private func accepted(_ address: ChainAddress, chain: Chain?) -> EvidenceValue {
        var inferred: [String: String] = [:]
        if chain == nil {
            if let family = address.family.chain {
                inferred["chain"] = family.rawValue
            } else {
                inferred["address_family"] = address.family.rawValue
            }
        }
        return EvidenceValue(address.canonical, inferred: inferred)
    }
}

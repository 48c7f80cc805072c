import Foundation

/// Address poisoning: a vanity address that shares its first and last characters with one the victim
/// uses, planted in their history by a dust transfer (MetaMask and imKey warnings; DOMAIN.md §3).
public enum AddressPoisoning {
    /// Characters compared at each end.
    public static let matchedCharacters = 4

    /// True if `a` and `b` are different addresses sharing ≥ 4 leading (after `0x` / `T`) and ≥ 4 trailing
    /// characters; EVM addresses compare case-insensitively.
    public static func isLookalike(_ a: String, _ b: String) -> Bool {
        guard let left = body(a), let right = body(b), left != right,
            left.count >= 2 * matchedCharacters, right.count >= 2 * matchedCharacters
        else { return false }
        return left.prefix(matchedCharacters) == right.prefix(matchedCharacters)
            && left.suffix(matchedCharacters) == right.suffix(matchedCharacters)
    }

    /// The comparable part of an address: EVM lower-cased without `0x`, TRON without its constant `T`.
    private static func body(_ address: String) -> Substring? {
        let trimmed = Substring(address.trimmedSpacesAndLines)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.hasPrefix("0x") || trimmed.hasPrefix("0X") {
            return Substring(trimmed.dropFirst(2).lowercased())
        }
        if trimmed.hasPrefix("T"), trimmed.count == 34 { return trimmed.dropFirst() }
        return trimmed
    }
}

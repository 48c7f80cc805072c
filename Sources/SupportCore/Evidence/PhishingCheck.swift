import Foundation

/// Compares a URL or host with the desk's official domains. Never calls a site "safe".
/// (API contract; implementation in progress, issue #7.)
public struct PhishingCheck: Sendable {
    public var officialDomains: [String]
    public init(officialDomains: [String]) { self.officialDomains = officialDomains }

    /// The verdict for `urlOrHost` (a full URL or a bare host with a dot).
    public func check(_ urlOrHost: String) -> PhishingVerdict { .unknown(host: urlOrHost) }
}

/// What the phishing check can honestly say about a host.
public enum PhishingVerdict: Hashable, Sendable {
    /// The host is an official domain or a subdomain of one.
    case official(host: String)
    /// The host imitates an official domain.
    case lookalike(host: String, imitates: String, reason: LookalikeReason)
    /// Not official and not a recognisable imitation; still not "safe".
    case unknown(host: String)
}

/// Why a host looks like an imitation.
public enum LookalikeReason: String, Hashable, Sendable, CaseIterable {
    /// `xn--` punycode or non-ASCII letters that render like the official name.
    case homoglyph
    /// A few letters away from an official name.
    case editDistance = "edit_distance"
    /// The official brand inside another domain's subdomain or path.
    case brandElsewhere = "brand_elsewhere"
    /// Digits standing in for letters (`0` for `o`, `1` for `l`).
    case lookalikeDigits = "lookalike_digits"
}

import Foundation

/// Compares a URL or host with the desk's official domains. Never calls a site "safe".
public struct PhishingCheck: Sendable {
    public var officialDomains: [String]

    /// Edit distance up to which a registrable label counts as imitating an official one (MetaMask's
    /// `eth-phishing-detect` uses 2).
    public static let editTolerance = 2

    public init(officialDomains: [String]) { self.officialDomains = officialDomains }

    /// The verdict for `urlOrHost` (a full URL or a bare host with a dot).
    public func check(_ urlOrHost: String) -> PhishingVerdict {
        let trimmed = urlOrHost.trimmedSpacesAndLines
        guard let address = WebAddress.find(in: trimmed) else {
            return .unknown(host: TextNormalizer.normalize(trimmed))
        }
        return check(address)
    }

    /// The verdict on a parsed address; its user info counts (`tokenpocket.pro@claim-gift.top`).
    public func check(_ address: WebAddress) -> PhishingVerdict {
        let host = address.host
        let officials = officialDomains.compactMap {
            WebAddress.normalizedHost($0.trimmedSpaces)
        }
        if officials.contains(where: { host == $0 || host.hasSuffix("." + $0) }) { return .official(host: host) }
        // 0. An official name before an "@": the browser opens the host after it.
        let userInfo = address.userInfo.lowercased()
        if !userInfo.isEmpty, let brand = officials.first(where: { userInfo.contains(Self.registrableLabel(of: $0)) }) {
            return .lookalike(host: host, imitates: brand, reason: .disguisedByUserInfo)
        }

        let unicodeHost = Punycode.toUnicode(host: host)
        let label = Self.registrableLabel(of: unicodeHost)
        let brands = officials.map { (domain: $0, label: Self.registrableLabel(of: $0)) }

        // 1. Homoglyphs: non-ASCII letters whose skeleton is an official name.
        if !unicodeHost.unicodeScalars.allSatisfy(\.isASCII) {
            let skeletonHost = Homoglyph.skeleton(unicodeHost)
            let skeletonLabel = Homoglyph.skeleton(label)
            for brand in brands
            where skeletonHost == brand.domain || skeletonLabel == brand.label
                || Homoglyph.editDistance(skeletonLabel, brand.label, limit: 1) <= 1
                || skeletonHost.hasSuffix("." + brand.domain)
            {
                return .lookalike(host: host, imitates: brand.domain, reason: .homoglyph)
            }
        }
        // 2. Digits for letters: t0kenpocket, tpwa11et.
        if label.contains(where: \.isNumber) {
            for brand in brands where Homoglyph.digitVariants(label).contains(brand.label) {
                return .lookalike(host: host, imitates: brand.domain, reason: .lookalikeDigits)
            }
        }
        // 3. A few letters away: tokenpockett, tpwalet.
        let squashedLabel = label.replacingOccurrences(of: "-", with: "")
        for brand in brands where brand.label.count >= 5 {
            let distance = min(
                Homoglyph.editDistance(label, brand.label, limit: Self.editTolerance),
                Homoglyph.editDistance(squashedLabel, brand.label, limit: Self.editTolerance)
            )
            // Distance 2 from a long brand only with the same first letter: "wallet" is not "tpwallet".
            let allowed = brand.label.count >= 8 && squashedLabel.first == brand.label.first ? Self.editTolerance : 1
            if distance >= 1, distance <= allowed, squashedLabel.count >= 4 {
                return .lookalike(host: host, imitates: brand.domain, reason: .editDistance)
            }
        }
        // 4. The brand somewhere it does not belong: another TLD, a subdomain, a hyphenated label, the path.
        let labels = unicodeHost.split(separator: ".").map(String.init)
        let squashedLabels = labels.map { $0.replacingOccurrences(of: "-", with: "") }
        let path = (address.userInfo + "/" + address.path + "/" + address.fragment).lowercased()
        for brand in brands where brand.label.count >= 5 {
            if squashedLabels.contains(where: { $0.contains(brand.label) })
                || path.replacingOccurrences(of: "-", with: "").contains(brand.label)
            {
                return .lookalike(host: host, imitates: brand.domain, reason: .brandElsewhere)
            }
        }
        return .unknown(host: host)
    }

    /// Second-level suffixes under country domains (`example.com.cn`), enough without the full Public Suffix List.
    static let secondLevelSuffixes: Set<String> = ["com", "net", "org", "co", "gov", "edu", "ac", "or", "ne", "go"]

    /// The label just left of the public suffix: `tokenpocket` in `a.tokenpocket.pro`, `foo` in `foo.com.cn`.
    static func registrableLabel(of host: String) -> String {
        let labels = host.split(separator: ".").map(String.init)
        guard labels.count >= 2 else { return labels.first ?? host }
        let top = labels[labels.count - 1]
        if labels.count >= 3, top.count == 2, secondLevelSuffixes.contains(labels[labels.count - 2]) {
            return labels[labels.count - 3]
        }
        return labels[labels.count - 2]
    }
}

/// What the phishing check can honestly say about a host.
public enum PhishingVerdict: Hashable, Sendable {
    /// The host is an official domain or a subdomain of one.
    case official(host: String)
    /// The host imitates an official domain.
    case lookalike(host: String, imitates: String, reason: LookalikeReason)
    /// Not official and not a recognisable imitation; still not "safe".
    case unknown(host: String)

    public var isOfficial: Bool {
        if case .official = self { return true }
        return false
    }
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
    /// The official name before an `@` (`tokenpocket.pro@claim-gift.top`), which browsers skip.
    case disguisedByUserInfo = "user_info"
}

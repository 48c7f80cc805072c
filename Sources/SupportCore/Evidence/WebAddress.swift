import Foundation

/// A web address as users type it: `https://host/path`, `host.tld/path` or a host inside a sentence.
/// The host is lower case ASCII (IDNA labels as `xn--` Punycode), without `www.`, port or user info.
public struct WebAddress: Hashable, Sendable {
    public var host: String
    /// The path after the host, starting with `/`, or empty.
    public var path: String
    /// The part after `#` (tronscan puts its routes there), or empty.
    public var fragment: String
    /// Text before an `@` in the authority (`tokenpocket.pro@evil.xyz` hides the real host this way), or empty.
    public var userInfo: String

    public init(host: String, path: String = "", fragment: String = "", userInfo: String = "") {
        self.host = host
        self.path = path
        self.fragment = fragment
        self.userInfo = userInfo
    }

    /// Host and path, the canonical text stored for a `url` field.
    public var canonical: String { path == "/" ? host : host + path }

    /// Parses one URL or bare host (`http`/`https` only; a bare host needs a dot and a top-level domain).
    public static func parse(_ text: String) -> WebAddress? {
        var rest = Substring(text.trimmedSpacesAndLines)
        guard !rest.isEmpty, rest.utf8.count <= 2048 || rest.count <= 2048 else { return nil }
        if let schemeEnd = rest.firstRange(of: "://") {
            let scheme = rest[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "http" || scheme == "https" else { return nil }
            rest = rest[schemeEnd.upperBound...]
        } else if rest.contains(where: { $0.isWhitespace }) {
            return nil
        }
        let authorityEnd = rest.firstIndex(where: { "/?#\\".contains($0) }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        let tail = rest[authorityEnd...]
        // `tokenpocket.pro@evil.xyz` goes to evil.xyz: drop user info.
        var userInfo = Substring("")
        if let at = authority.lastIndex(of: "@") {
            userInfo = authority[..<at]
            authority = authority[authority.index(after: at)...]
        }
        if let colon = authority.lastIndex(of: ":"), authority[authority.index(after: colon)...].allSatisfy(\.isNumber)
        {
            authority = authority[..<colon]
        }
        guard let host = normalizedHost(String(authority)) else { return nil }
        var path = tail
        var fragment = Substring("")
        if let hash = tail.firstIndex(of: "#") {
            path = tail[..<hash]
            fragment = tail[tail.index(after: hash)...]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        return WebAddress(host: host, path: String(path), fragment: String(fragment), userInfo: String(userInfo))
    }

    /// The first URL or host in free text ("is tp-wallet-support.xyz official?").
    public static func find(in text: String) -> WebAddress? {
        if let whole = parse(text), !whole.mixesHanWithOtherLetters { return whole }
        return words(of: text).lazy.compactMap(parse).first
    }

    /// Every distinct host in free text, in order ("tpwallet.io是真的吗 还有 tokenpocket.pro.download-app.cc 这个呢").
    public static func findAll(in text: String) -> [WebAddress] {
        var found: [WebAddress] = []
        for address in words(of: text).compactMap(parse)
        where address.userInfo.isEmpty && !found.contains(where: { $0.host == address.host }) {
            found.append(address)
        }
        return found
    }

    /// The words of free text that may be hosts (they hold a dot), without the punctuation around
    /// them. Chinese runs straight into hosts ("官网是tokenpocket.pro吗"): Han characters separate
    /// words here. Other scripts stay, so a Cyrillic look-alike host is kept whole.
    private static func words(of text: String) -> [String] {
        var spaced = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            spaced.append(TextNormalizer.isHan(scalar) ? " " : scalar)
        }
        return spaced.split(whereSeparator: { $0.properties.isWhitespace || Self.separators.contains($0) })
            .filter { $0.contains(".") || $0.contains("。") }
            .map { String($0).trimming { ".,!?。！？:：".contains($0) } }
    }

    /// Punctuation that ends a host in free text, besides white space.
    private static let separators = Set("，、；;\"'“”‘’<>()（）[]【】「」".unicodeScalars)

    /// True if one label of the host mixes Han with other characters ("官方的tpwallet"): a sentence glued to
    /// a host rather than an internationalised name like `例子.测试`.
    var mixesHanWithOtherLetters: Bool {
        Punycode.toUnicode(host: host).split(separator: ".").contains { label in
            let han = label.unicodeScalars.filter(TextNormalizer.isHan).count
            return han > 0 && han < label.unicodeScalars.count
        }
    }

    /// Lower-cased ASCII host without `www.`; nil unless it has valid labels and a plausible top-level domain.
    static func normalizedHost(_ raw: String) -> String? {
        guard var host = Punycode.toASCII(host: raw) else { return nil }
        while host.hasSuffix(".") { host.removeLast() }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, host.utf8.count <= 253 else { return nil }
        for label in labels {
            guard (1...63).contains(label.utf8.count), label.first != "-", label.last != "-",
                label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            else { return nil }
        }
        let isIPv4 = labels.count == 4 && labels.allSatisfy { $0.allSatisfy(\.isNumber) && (Int($0) ?? 256) < 256 }
        guard let top = labels.last, isIPv4 || top.hasPrefix("xn--") || (top.count >= 2 && top.allSatisfy(\.isLetter))
        else { return nil }
        return host
    }
}

import Foundation

/// Punycode (RFC 3492) and the IDNA label conversion built on it. Foundation's `URL` does not convert
/// internationalised host names on Linux, so the phishing check and URL validator carry their own.
public enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
    private static let initialBias = 72, initialN = 0x80

    private static func adapt(_ delta: Int, count: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func digit(_ value: Int) -> Character {
        Character(Unicode.Scalar(UInt8(value < 26 ? value + 97 : value + 22)))
    }

    private static func value(of char: Unicode.Scalar) -> Int? {
        switch char.value {
        case 0x30...0x39: Int(char.value) - 22
        case 0x41...0x5A: Int(char.value) - 0x41
        case 0x61...0x7A: Int(char.value) - 0x61
        default: nil
        }
    }

    /// The Punycode encoding of `label` (without the `xn--` prefix); nil on overflow.
    public static func encode(_ label: String) -> String? {
        let input = label.unicodeScalars.map { Int($0.value) }
        var output = String(String.UnicodeScalarView(label.unicodeScalars.filter { $0.isASCII }))
        let basicCount = output.unicodeScalars.count
        var handled = basicCount
        if basicCount > 0 { output.append("-") }
        var n = initialN
        var delta = 0
        var bias = initialBias
        while handled < input.count {
            guard let m = input.filter({ $0 >= n }).min() else { return nil }
            let (product, overflow) = (m - n).multipliedReportingOverflow(by: handled + 1)
            guard !overflow, delta <= Int(Int32.max) - product else { return nil }
            delta += product
            n = m
            for c in input {
                if c < n {
                    delta += 1
                    guard delta <= Int(Int32.max) else { return nil }
                }
                if c == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, count: handled + 1, first: handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return output
    }

    /// The Unicode label encoded by `encoded` (without the `xn--` prefix); nil if it is not valid Punycode.
    public static func decode(_ encoded: String) -> String? {
        let scalars = Array(encoded.unicodeScalars)
        guard scalars.count <= 256 else { return nil }
        var output: [Int] = []
        var start = 0
        if let delimiter = scalars.lastIndex(of: "-") {
            for scalar in scalars[..<delimiter] {
                guard scalar.isASCII else { return nil }
                output.append(Int(scalar.value))
            }
            start = delimiter + 1
        }
        var n = initialN
        var i = 0
        var bias = initialBias
        var position = start
        while position < scalars.count {
            let oldI = i
            var w = 1
            var k = base
            while true {
                guard position < scalars.count, let digit = value(of: scalars[position]) else { return nil }
                position += 1
                let (step, overflow) = digit.multipliedReportingOverflow(by: w)
                guard !overflow, i <= Int(Int32.max) - step else { return nil }
                i += step
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < t { break }
                let (nextW, overflowW) = w.multipliedReportingOverflow(by: base - t)
                guard !overflowW, nextW <= Int(Int32.max) else { return nil }
                w = nextW
                k += base
            }
            let count = output.count + 1
            bias = adapt(i - oldI, count: count, first: oldI == 0)
            n += i / count
            guard n <= 0x10FFFF else { return nil }
            i %= count
            output.insert(n, at: i)
            i += 1
        }
        var result = String.UnicodeScalarView()
        for code in output {
            guard let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            result.append(scalar)
        }
        return String(result)
    }

    /// A host name in ASCII: each label NFKC-folded and lower-cased, non-ASCII labels as `xn--` Punycode
    /// (IDNA ToASCII without the full UTS #46 mapping table). Ideographic full stops count as dots.
    public static func toASCII(host: String) -> String? {
        // NFKC leaves ASCII alone; skipping Foundation's normaliser there keeps plain hosts cheap.
        let compatible = host.utf8.allSatisfy { $0 < 0x80 } ? host : host.precomposedStringWithCompatibilityMapping
        let folded = compatible.lowercased()
            .replacingOccurrences(of: "。", with: ".").replacingOccurrences(of: "｡", with: ".")
        var labels: [String] = []
        for label in folded.split(separator: ".", omittingEmptySubsequences: false) {
            let text = String(label)
            if text.unicodeScalars.allSatisfy(\.isASCII) {
                labels.append(text)
            } else {
                guard let encoded = encode(text) else { return nil }
                labels.append("xn--" + encoded)
            }
        }
        return labels.joined(separator: ".")
    }

    /// A host name with every `xn--` label decoded (labels that fail to decode are kept as they are).
    public static func toUnicode(host: String) -> String {
        host.split(separator: ".", omittingEmptySubsequences: false).map { label -> String in
            let text = String(label)
            guard text.lowercased().hasPrefix("xn--"), let decoded = decode(String(text.dropFirst(4))) else {
                return text
            }
            return decoded
        }.joined(separator: ".")
    }
}

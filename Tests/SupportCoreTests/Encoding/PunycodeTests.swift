import Foundation
import SupportCore
import Testing

@Suite("Punycode")
struct PunycodeTests {
    @Test(
        "RFC 3492 samples and common IDN labels round-trip",
        arguments: [
            ("bücher", "bcher-kva"), ("münchen", "mnchen-3ya"), ("例子", "fsqu00a"), ("测试", "0zwm56d"),
            ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"), ("tоkenpocket", "tkenpocket-evi"), ("tpwаllet", "tpwllet-4fg"),
            ("abc", "abc-"),
        ]
    )
    func roundTrip(unicode: String, encoded: String) {
        #expect(Punycode.encode(unicode) == encoded)
        #expect(Punycode.decode(encoded) == unicode)
    }

    @Test("hosts convert label by label")
    func hosts() {
        #expect(Punycode.toASCII(host: "Bücher.Example") == "xn--bcher-kva.example")
        #expect(Punycode.toASCII(host: "例子。测试") == "xn--fsqu00a.xn--0zwm56d")
        #expect(Punycode.toUnicode(host: "xn--bcher-kva.example") == "bücher.example")
        #expect(Punycode.toUnicode(host: "xn--zz.example") == "xn--zz.example" || Punycode.decode("zz") != nil)
    }

    @Test("malformed punycode is rejected", arguments: ["!!", "99999999999999", "a-é"])
    func malformed(text: String) {
        #expect(Punycode.decode(text) == nil)
    }
}

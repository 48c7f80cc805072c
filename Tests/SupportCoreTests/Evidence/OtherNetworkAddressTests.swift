@testable import SupportCore
import Testing

/// Vectors: the XRP Ledger genesis account and ACCOUNT_ZERO / ACCOUNT_ONE (xrpl.org, "Special
/// Addresses"); widely published TON addresses, one account in its bounceable (EQ…) and
/// non-bounceable (UQ…) forms. Each was checked against its checksum with an independent Python
/// script (hashlib, base64) before it was written here.
@Suite("XRP and TON addresses")
struct OtherNetworkAddressTests {
    @Test(
        "addresses with a valid checksum are recognised with their network",
        arguments: [
            ("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", "XRP Ledger"), ("rrrrrrrrrrrrrrrrrrrrrhoLvTp", "XRP Ledger"),
            ("rrrrrrrrrrrrrrrrrrrrBZbvji", "XRP Ledger"), ("EQDtFpEwcFAEcRe5mLVh2N6C0x-_hJEM7W61_JLnSF74p4q2", "TON"),
            ("UQDtFpEwcFAEcRe5mLVh2N6C0x-_hJEM7W61_JLnSF74p9dz", "TON"), ("EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2N", "TON"),
        ])
    func recognised(address: String, network: String) {
        let found = OtherNetworkAddress.first(in: "my address is \(address), thanks")
        #expect(found?.address == address)
        #expect(found?.network == network)
    }

    @Test(
        "one character changed, or another network's shape, is not recognised",
        arguments: [
            "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTi", "EQDtFpEwcFAEcRe5mLVh2N6C0x-_hJEM7W61_JLnSF74p4q3", "TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7",
            "rabbit", String(repeating: "A", count: 48),
        ])
    func notRecognised(text: String) {
        #expect(OtherNetworkAddress.first(in: text) == nil)
    }

    @Test("as an answer for an address with no network known yet, it settles the network as other, named")
    func settlesNetwork() throws {
        let value = try #require(ValidationFixtures.validate("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", .address).accepted)
        #expect(value.value == "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh")
        #expect(value.inferred == ["chain": "other", "network_name": "XRP Ledger"])
        #expect(ValidationFixtures.validate("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", .address, chain: .tron).accepted == nil)
    }
}

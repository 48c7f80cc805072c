import Foundation
import SupportCore
import Testing

@Suite("Bech32, Bech32m and SegWit addresses")
struct Bech32Tests {
    @Test("BIP-173 valid strings decode as Bech32", arguments: AddressVectors.shared.bech32.valid)
    func bech32Valid(text: String) throws {
        #expect(try #require(Bech32.decode(text)).variant == .bech32)
    }

    @Test("BIP-350 valid strings decode as Bech32m", arguments: AddressVectors.shared.bech32m.valid)
    func bech32mValid(text: String) throws {
        #expect(try #require(Bech32.decode(text)).variant == .bech32m)
    }

    @Test(
        "BIP-173/350 invalid strings are rejected",
        arguments: AddressVectors.shared.bech32.invalid + AddressVectors.shared.bech32m.invalid
    )
    func invalid(vector: AddressVectors.Reasoned) {
        #expect(Bech32.decode(vector.string) == nil, "\(vector.reason)")
    }

    @Test(
        "BIP-350 SegWit addresses decode to their scriptPubKey", arguments: AddressVectors.shared.segwitAddresses.valid)
    func segwitValid(vector: AddressVectors.SegWitValid) throws {
        let hrp = vector.address.lowercased().hasPrefix("bc") ? "bc" : "tb"
        let (version, program) = try #require(SegWitAddress.decode(hrp: hrp, address: vector.address))
        let address = SegWitAddress(version: version, program: program)
        #expect(Hex.encode(address.scriptPubKey) == vector.scriptPubKey)
        #expect(address.encoded(hrp: hrp) == vector.address.lowercased())
    }

    @Test(
        "invalid SegWit addresses are rejected for both networks",
        arguments: AddressVectors.shared.segwitAddresses.invalid
            + AddressVectors.shared.segwitAddresses.bip173V1PlusNowInvalid
            + AddressVectors.shared.segwitAddresses.bip173InvalidStillInvalid
    )
    func segwitInvalid(vector: AddressVectors.SegWitInvalid) {
        #expect(SegWitAddress.decode(hrp: "bc", address: vector.address) == nil, "\(vector.reason)")
        #expect(SegWitAddress.decode(hrp: "tb", address: vector.address) == nil, "\(vector.reason)")
    }

    @Test("a mainnet address is not a testnet address")
    func wrongNetwork() {
        #expect(SegWitAddress.decode(hrp: "tb", address: "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu") == nil)
        #expect(SegWitAddress.decode(hrp: "bc", address: "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu") != nil)
    }
}

import Foundation
import SupportCore
import Testing

@Suite("Address validation")
struct AddressValidationTests {
    static let vectors = AddressVectors.shared

    @Test(
        "EIP-55 valid, all-caps and all-lower addresses are accepted and checksummed",
        arguments: vectors.eip55.mixedCaseValid + vectors.eip55.allCaps + vectors.eip55.allLower
    )
    func eip55Valid(address: String) throws {
        let value = try #require(ValidationFixtures.validate(address, .address, chain: .ethereum).accepted)
        // Every EIP-55 test case is its own checksummed form (the all-caps ones happen to have no lower case).
        #expect(value.value == address)
        #expect(EIP55.checksummed(address.lowercased()) == address)
        #expect(value.inferred.isEmpty)
    }

    @Test("EIP-55 mixed-case vectors are returned unchanged", arguments: vectors.eip55.mixedCaseValid)
    func eip55Canonical(address: String) {
        #expect(ValidationFixtures.validate(address, .address, chain: .bsc).accepted?.value == address)
        #expect(EIP55.checksummed(address.lowercased()) == address)
    }

    @Test("a flipped case fails the EIP-55 checksum", arguments: vectors.eip55.mixedCaseInvalidComputed)
    func eip55Invalid(address: String) {
        #expect(ValidationFixtures.validate(address, .address, chain: .ethereum).reason == .addressChecksum)
        #expect(ValidationFixtures.validate(address, .address).reason == .addressChecksum)
        #expect(EIP55.status(of: address) == .invalid)
    }

    @Test("an EVM address without a chain infers only the family")
    func evmInference() throws {
        let value = try #require(
            ValidationFixtures.validate("0xde709f2102306220921060314715629080e2fb77", .address).accepted)
        #expect(value.inferred == ["address_family": "evm"])
        #expect(value.value == EIP55.checksummed("0xde709f2102306220921060314715629080e2fb77"))
    }

    @Test("TRON vectors are accepted and infer tron", arguments: vectors.base58checkAddresses.tronValid.map(\.address))
    func tron(address: String) throws {
        let value = try #require(ValidationFixtures.validate(address, .address).accepted)
        #expect(value.value == address)
        #expect(value.inferred == ["chain": "tron"])
        #expect(ValidationFixtures.validate(address, .address, chain: .tron).accepted?.value == address)
    }

    @Test(
        "a TRON address with a bad checksum asks again",
        arguments: vectors.base58checkAddresses.tronInvalid.map(\.address))
    func tronChecksum(address: String) {
        #expect(ValidationFixtures.validate(address, .address, chain: .tron).reason == .addressChecksum)
        #expect(ValidationFixtures.validate(address, .address).reason == .addressChecksum)
    }

    @Test(
        "Bitcoin legacy, P2SH and SegWit infer bitcoin",
        arguments: vectors.base58checkAddresses.btcValidFromSlip0132.map(\.address))
    func bitcoin(address: String) throws {
        let value = try #require(ValidationFixtures.validate(address, .address).accepted)
        #expect(value.inferred == ["chain": "bitcoin"])
        #expect(ValidationFixtures.validate(address, .address, chain: .bitcoin).accepted != nil)
    }

    @Test("BIP-350 SegWit vectors are Bitcoin addresses", arguments: vectors.segwitAddresses.valid.map(\.address))
    func segwit(address: String) throws {
        let value = try #require(ValidationFixtures.validate(address, .address, chain: .bitcoin).accepted)
        #expect(value.value == address.lowercased())
    }

    @Test("invalid SegWit strings are not accepted", arguments: vectors.segwitAddresses.invalid.map(\.address))
    func segwitInvalid(address: String) {
        #expect(ValidationFixtures.validate(address, .address, chain: .bitcoin).accepted == nil)
    }

    @Test("Solana 32-byte keys infer solana", arguments: vectors.solana.addresses32Bytes)
    func solana(address: String) throws {
        let value = try #require(ValidationFixtures.validate(address, .address).accepted)
        #expect(value.inferred == ["chain": "solana"])
        #expect(ValidationFixtures.validate(address, .address, chain: .solana).accepted?.value == address)
    }

    @Test(
        "IC3 look-alikes are not addresses", arguments: vectors.base58checkAddresses.evmLookalikeInvalid.map(\.string))
    func lookalikes(text: String) {
        #expect(ValidationFixtures.validate(text, .address, chain: .ethereum).reason == .addressFormat)
        #expect(ValidationFixtures.validate(text, .address).reason == .addressFormat)
    }

    @Test(
        "a valid address of another chain names both chains",
        arguments: [
            ("TUoHaVjx7n5xz8LwPRDckgFrDWhMhuSuJM", Chain.ethereum, "tron"),
            ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", Chain.tron, "evm"),
            ("1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA", Chain.solana, "bitcoin"),
            ("14grJpemFaf88c8tiVb77W7TYg2W3ir6pfkKz3YjhhZ5", Chain.bsc, "solana"),
            ("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu", Chain.tron, "bitcoin"),
        ]
    )
    func wrongChain(address: String, chain: Chain, found: String) {
        let result = ValidationFixtures.validate(address, .address, chain: chain)
        #expect(result.reason == .addressWrongChain)
        #expect(result.rejectionValues == ["found": found, "expected": chain.rawValue])
    }

    @Test(
        "an address inside a sentence is found",
        arguments: [
            (
                "my address is 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed thanks",
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
            ),
            ("我的地址：TUoHaVjx7n5xz8LwPRDckgFrDWhMhuSuJM。", "TUoHaVjx7n5xz8LwPRDckgFrDWhMhuSuJM"),
            ("address: <bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu>", "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu"),
        ]
    )
    func embedded(text: String, expected: String) {
        #expect(ValidationFixtures.validate(text, .address).accepted?.value == expected)
    }

    @Test(
        "non-addresses are rejected",
        arguments: ["hello", "0x123", "my wallet", "TUoHaVjx7n5xz8", "0xZZ" + String(repeating: "0", count: 38)])
    func rejects(text: String) {
        #expect(ValidationFixtures.validate(text, .address).reason == .addressFormat)
    }

    @Test(
        "an address shown with its middle left out is named back, and asked for in full",
        arguments: [
            ("it's 0x5290...9EE7", "0x5290...9EE7"),
            ("TUoHa…uJM", "TUoHa…uJM"),
            ("地址是bc1qcr8…306fyu吧", "bc1qcr8…306fyu"),
            ("0x88df****944b", "0x88df****944b"),
        ])
    func shortened(text: String, shown: String) {
        let result = ValidationFixtures.validate(text, .address)
        #expect(result.reason == .addressShortened)
        #expect(result.rejectionValues == ["shortened": shown])
        #expect(ValidationFixtures.validate(text, .txHashes).reason == .txHashShortened)
    }

    @Test(
        "an ellipsis that does not hide an identifier is not a shortened address",
        arguments: ["wait... what", "wait...what", "Wait...What", "0x12.34", "ab…cd", "I sent it... 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"])
    func notShortened(text: String) {
        #expect(ValidationFixtures.validate(text, .address).reason != .addressShortened)
    }

    @Test(
        "an address given for a hash, or a hash for an address, is named as the mix-up it is",
        arguments: [
            ("TUoHaVjx7n5xz8LwPRDckgFrDWhMhuSuJM", "0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b"),
            ("sent from 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "哈希是 3a1b0ecb8e4b2c7a6f5d9e0c1b2a3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a"),
        ])
    func mixedUp(address: String, hash: String) {
        #expect(ValidationFixtures.validate(address, .txHashes).reason == .txHashIsAddress)
        #expect(ValidationFixtures.validate(hash, .address).reason == .addressIsTxHash)
        #expect(ValidationFixtures.validate("hello", .txHashes).reason == .txHashFormat)
    }

    @Test("two different addresses in one answer are ambiguous without a chain")
    func twoAddresses() {
        let text = "TUoHaVjx7n5xz8LwPRDckgFrDWhMhuSuJM or 14grJpemFaf88c8tiVb77W7TYg2W3ir6pfkKz3YjhhZ5"
        #expect(ValidationFixtures.validate(text, .address).reason == .addressFormat)
        #expect(
            ValidationFixtures.validate(text, .address, chain: .solana).accepted?.value
                == "14grJpemFaf88c8tiVb77W7TYg2W3ir6pfkKz3YjhhZ5")
    }
}

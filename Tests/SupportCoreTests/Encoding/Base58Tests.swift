import Foundation
import SupportCore
import Testing

@Suite("Base58 and Base58Check")
struct Base58Tests {
    @Test(
        "encodes known values",
        arguments: [
            ("", ""),
            ("00", "1"),
            ("0000", "11"),
            ("61", "2g"),
            ("626262", "a3gV"),
            ("636363", "aPEr"),
            ("516b6fcd0f", "ABnLTmg"),
            ("00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L"),
        ]
    )
    func encode(hex: String, expected: String) throws {
        let bytes = try #require(Hex.decode(hex))
        #expect(Base58.encode(bytes) == expected)
        if !expected.isEmpty { #expect(Base58.decode(expected) == bytes) }
    }

    @Test("rejects characters outside the alphabet", arguments: ["0", "O", "I", "l", "abc0", "a b", "é"])
    func rejects(text: String) {
        #expect(Base58.decode(text) == nil)
    }

    @Test("TRON vectors decode to their 21-byte hex")
    func tron() throws {
        for vector in AddressVectors.shared.base58checkAddresses.tronValid {
            let payload = try #require(Base58.decodeCheck(vector.address))
            #expect(Hex.encode(payload) == vector.hex)
            #expect(Base58.encodeCheck(payload) == vector.address)
        }
        for vector in AddressVectors.shared.base58checkAddresses.tronInvalid {
            #expect(Base58.decodeCheck(vector.address) == nil)
            #expect(Base58.decode(vector.address) != nil)
        }
    }

    @Test("BTC legacy and P2SH vectors carry version 0x00 / 0x05")
    func bitcoin() throws {
        for vector in AddressVectors.shared.base58checkAddresses.btcValidFromSlip0132 where vector.type != "P2WPKH" {
            let payload = try #require(Base58.decodeCheck(vector.address))
            #expect(payload.count == 21)
            #expect(payload.first == (vector.type == "P2PKH" ? 0x00 : 0x05))
        }
    }

    @Test("Solana vectors are 32- and 64-byte Base58")
    func solana() throws {
        for address in AddressVectors.shared.solana.addresses32Bytes {
            #expect(try #require(Base58.decode(address)).count == 32)
        }
        for signature in AddressVectors.shared.solana.signatures64Bytes {
            #expect(try #require(Base58.decode(signature)).count == 64)
        }
    }

    @Test("round-trips leading zeros")
    func leadingZeros() {
        let bytes: [UInt8] = [0, 0, 0, 1, 2, 3, 255]
        #expect(Base58.decode(Base58.encode(bytes)) == bytes)
        #expect(Base58.decodeCheck(Base58.encodeCheck(bytes)) == bytes)
    }
}

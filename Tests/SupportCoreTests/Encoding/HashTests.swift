import Foundation
import SupportCore
import Testing

@Suite("SHA-256 and Keccak-256")
struct HashTests {
    @Test(
        "SHA-256 matches the FIPS 180-4 examples",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
            ),
        ]
    )
    func sha256(input: String, expected: String) {
        #expect(Hex.encode(SHA256.hash(Array(input.utf8))) == expected)
    }

    @Test("SHA-256 of a million 'a'")
    func sha256Million() {
        let input = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(Hex.encode(SHA256.hash(input)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("SHA-256 at every padding boundary agrees with hashing a copy", arguments: [55, 56, 63, 64, 65, 119, 120])
    func sha256Boundaries(length: Int) {
        let input = [UInt8](repeating: 0x61, count: length)
        #expect(SHA256.hash(input) == SHA256.hash(input[...]))
        #expect(SHA256.hash(input).count == 32)
        #expect(SHA256.hash(input) != SHA256.hash(input + [0]))
    }

    @Test(
        "Keccak-256 uses the original padding, not SHA3's",
        arguments: [
            ("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
            ("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
            (
                "The quick brown fox jumps over the lazy dog",
                "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15"
            ),
        ]
    )
    func keccak(input: String, expected: String) {
        #expect(Hex.encode(Keccak256.hash(Array(input.utf8))) == expected)
    }

    @Test("Keccak-256 across the 136-byte rate boundary")
    func keccakRate() {
        // 135, 136 and 137 bytes exercise padding in the same block, a full block and the next block.
        let digests = [135, 136, 137, 272].map { Keccak256.hash([UInt8](repeating: 0x61, count: $0)) }
        #expect(Set(digests.map(Hex.encode)).count == 4)
        #expect(
            Hex.encode(Keccak256.hash([UInt8](repeating: 0x61, count: 200)))
                == Hex.encode(Keccak256.hash(Array(String(repeating: "a", count: 200).utf8)))
        )
    }

    @Test("Hex round-trips and rejects non-hex")
    func hex() {
        #expect(Hex.encode([0x00, 0xAB, 0xFF]) == "00abff")
        #expect(Hex.decode("00ABff") == [0x00, 0xAB, 0xFF])
        #expect(Hex.decode("0x00ab") == [0x00, 0xAB])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
        #expect(Hex.decode("") == [])
    }
}

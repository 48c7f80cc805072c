import Foundation
import SupportCore
import Testing

@Suite("Transaction id validation")
struct TxHashValidationTests {
    static let evmHash = "0x" + String(repeating: "ab", count: 32)
    static let tronTx = AddressVectors.shared.txIds.tronTxid.value
    static let btcTx = AddressVectors.shared.txIds.btcTxidGenesisCoinbase.value
    static let solanaSignature = AddressVectors.shared.solana.signatures64Bytes[0]

    @Test(
        "bare ids are accepted for their chain",
        arguments: [
            (evmHash, Chain.ethereum), (evmHash.uppercased().replacingOccurrences(of: "0X", with: "0x"), .bsc),
            (tronTx, .tron), (btcTx, .bitcoin), (solanaSignature, .solana),
        ]
    )
    func accepted(id: String, chain: Chain) throws {
        let value = try #require(ValidationFixtures.validate(id, .txHashes, chain: chain).accepted)
        #expect(value.value == (chain == .solana ? id : id.lowercased()))
    }

    @Test(
        "ids of the wrong shape for the chain are rejected",
        arguments: [
            (evmHash, Chain.tron), (tronTx, .solana), (solanaSignature, .ethereum), (btcTx, .solana),
        ])
    func wrongShape(id: String, chain: Chain) {
        #expect(ValidationFixtures.validate(id, .txHashes, chain: chain).reason == .txHashWrongChain)
    }

    @Test(
        "the IC3 look-alikes fail on every chain",
        arguments: AddressVectors.shared.base58checkAddresses.evmLookalikeInvalid.map(\.string))
    func lookalikes(text: String) {
        for chain in [Chain.ethereum, .bsc, .tron, .bitcoin, .solana] {
            #expect(ValidationFixtures.validate(text, .txHashes, chain: chain).reason == .txHashFormat)
        }
        #expect(ValidationFixtures.validate(text, .txHashes).reason == .txHashFormat)
    }

    @Test(
        "explorer URLs give the id and the chain",
        arguments: [
            ("https://etherscan.io/tx/\(evmHash)", evmHash, "ethereum"),
            ("bscscan.com/tx/\(evmHash)", evmHash, "bsc"),
            ("https://polygonscan.com/tx/\(evmHash)", evmHash, "polygon"),
            ("https://arbiscan.io/tx/\(evmHash)", evmHash, "arbitrum"),
            ("https://optimistic.etherscan.io/tx/\(evmHash)", evmHash, "optimism"),
            ("https://basescan.org/tx/\(evmHash)", evmHash, "base"),
            ("https://snowtrace.io/tx/\(evmHash)", evmHash, "avalanche"),
            ("https://tronscan.org/#/transaction/\(tronTx)", tronTx, "tron"),
            ("https://tronscan.io/#/transaction/\(tronTx)", tronTx, "tron"),
            ("https://solscan.io/tx/\(solanaSignature)", solanaSignature, "solana"),
            ("https://explorer.solana.com/tx/\(solanaSignature)?cluster=mainnet", solanaSignature, "solana"),
            ("https://mempool.space/tx/\(btcTx)", btcTx, "bitcoin"),
            ("https://blockstream.info/tx/\(btcTx)", btcTx, "bitcoin"),
            ("https://blockchair.com/bitcoin/transaction/\(btcTx)", btcTx, "bitcoin"),
            ("https://www.etherscan.io/tx/\(evmHash)#eventlog", evmHash, "ethereum"),
            // Dots that host normalisation folds to ".": ideographic, full-width, one dot leader, small.
            ("etherscan\u{3002}io/tx/\(evmHash)", evmHash, "ethereum"),
            ("etherscan\u{FF0E}io/tx/\(evmHash)", evmHash, "ethereum"),
            ("etherscan\u{2024}io/tx/\(evmHash)", evmHash, "ethereum"),
            ("etherscan\u{FE52}io/tx/\(evmHash)", evmHash, "ethereum"),
        ]
    )
    func explorerURL(url: String, id: String, chain: String) throws {
        let value = try #require(ValidationFixtures.validate(url, .txHashes).accepted)
        #expect(value.value == id)
        #expect(value.inferred["chain"] == chain)
        #expect(ValidationFixtures.validate(url, .txHashes, chain: Chain(rawValue: chain)).accepted?.value == id)
    }

    @Test("an explorer of another chain is rejected when the chain is known")
    func explorerWrongChain() {
        let result = ValidationFixtures.validate("https://bscscan.com/tx/\(Self.evmHash)", .txHashes, chain: .ethereum)
        #expect(result.reason == .txHashWrongChain)
        #expect(result.rejectionValues == ["found": "bsc", "expected": "ethereum"])
    }

    @Test("several ids separated by commas, spaces and lines are joined by commas")
    func list() throws {
        let second = "0x" + String(repeating: "cd", count: 32)
        let text = "tx: \(Self.evmHash),\(second)\n\(Self.evmHash)"
        let value = try #require(ValidationFixtures.validate(text, .txHashes, chain: .ethereum).accepted)
        #expect(value.value == "\(Self.evmHash),\(second)")
    }

    @Test("more than ten ids are too many")
    func tooMany() {
        let ids = (0..<11).map { "0x" + String(repeating: String(format: "%02x", $0), count: 32) }
        #expect(ValidationFixtures.validate(ids.joined(separator: " "), .txHashes).reason == .txHashTooMany)
        #expect(ValidationFixtures.validate(ids.prefix(10).joined(separator: " "), .txHashes).accepted != nil)
    }

    @Test(
        "text without an id is rejected",
        arguments: [
            "I don't have it", "0x1234", "https://etherscan.io/address/0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
        ])
    func rejects(text: String) {
        #expect(ValidationFixtures.validate(text, .txHashes).reason == .txHashFormat)
    }

    @Test("a Solana signature without a chain infers solana")
    func solanaInference() {
        #expect(ValidationFixtures.validate(Self.solanaSignature, .txHashes).accepted?.inferred == ["chain": "solana"])
    }
}

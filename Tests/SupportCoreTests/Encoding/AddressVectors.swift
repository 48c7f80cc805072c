import Foundation

/// The shared address/tx-id vectors (`Fixtures/address_vectors.json`, copied from the domain notes' data).
struct AddressVectors: Decodable, Sendable {
    struct Reasoned: Decodable, Sendable {
        var string: String
        var reason: String
    }
    struct SegWitValid: Decodable, Sendable {
        var address: String
        var scriptPubKey: String
    }
    struct SegWitInvalid: Decodable, Sendable {
        var address: String
        var reason: String
    }
    struct SegWit: Decodable, Sendable {
        var valid: [SegWitValid]
        var invalid: [SegWitInvalid]
        var bip173V1PlusNowInvalid: [SegWitInvalid]
        var bip173InvalidStillInvalid: [SegWitInvalid]
    }
    struct Checksummed: Decodable, Sendable {
        var valid: [String]
        var invalid: [Reasoned]
    }
    struct EIP55: Decodable, Sendable {
        var allCaps: [String]
        var allLower: [String]
        var mixedCaseValid: [String]
        var mixedCaseInvalidComputed: [String]
    }
    struct TronValid: Decodable, Sendable {
        var address: String
        var hex: String
    }
    struct Invalid: Decodable, Sendable {
        var address: String
    }
    struct BTCValid: Decodable, Sendable {
        var address: String
        var type: String
    }
    struct Base58Check: Decodable, Sendable {
        var tronValid: [TronValid]
        var tronInvalid: [Invalid]
        var btcValidFromSlip0132: [BTCValid]
        var evmLookalikeInvalid: [Reasoned]
    }
    struct Solana: Decodable, Sendable {
        var addresses32Bytes: [String]
        var signatures64Bytes: [String]
    }
    struct TxID: Decodable, Sendable {
        var value: String
    }
    struct TxIDs: Decodable, Sendable {
        var tronTxid: TxID
        var btcTxidGenesisCoinbase: TxID
    }

    var eip55: EIP55
    var bech32: Checksummed
    var bech32m: Checksummed
    var segwitAddresses: SegWit
    var base58checkAddresses: Base58Check
    var solana: Solana
    var txIds: TxIDs

    /// Loaded once from the test bundle.
    static let shared: AddressVectors = {
        guard
            let url = Bundle.module.url(forResource: "address_vectors", withExtension: "json", subdirectory: "Fixtures")
        else { fatalError("Fixtures/address_vectors.json is missing from the test bundle") }
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(AddressVectors.self, from: Data(contentsOf: url))
        } catch {
            fatalError("Fixtures/address_vectors.json does not decode: \(error)")
        }
    }()
}

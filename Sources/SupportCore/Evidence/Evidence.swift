import Foundation

/// A blockchain network a case is about.
public enum Chain: String, CaseIterable, Codable, Hashable, Sendable {
    case ethereum, bsc, polygon, arbitrum, optimism, base, avalanche, tron, bitcoin, solana, other

    /// The network's name as people know it, for summaries and tickets.
    public func displayName(_ language: Language) -> String {
        switch self {
        case .ethereum: language == .zh ? "以太坊（Ethereum）" : "Ethereum"
        case .bsc: language == .zh ? "币安智能链（BSC）" : "BNB Smart Chain (BSC)"
        case .polygon: "Polygon"
        case .arbitrum: "Arbitrum"
        case .optimism: "Optimism"
        case .base: "Base"
        case .avalanche: "Avalanche"
        case .tron: language == .zh ? "波场（TRON）" : "TRON"
        case .bitcoin: language == .zh ? "比特币（Bitcoin）" : "Bitcoin"
        case .solana: "Solana"
        case .other: language == .zh ? "其他" : "other"
        }
    }

    /// The block explorer page that lists and revokes a wallet's token approvals, where we know it
    /// (the Etherscan family's `tokenapprovalchecker`); nil elsewhere.
    public var approvalChecker: String? {
        switch self {
        case .ethereum: "etherscan.io/tokenapprovalchecker"
        case .bsc: "bscscan.com/tokenapprovalchecker"
        case .polygon: "polygonscan.com/tokenapprovalchecker"
        case .arbitrum: "arbiscan.io/tokenapprovalchecker"
        case .optimism: "optimistic.etherscan.io/tokenapprovalchecker"
        case .base: "basescan.org/tokenapprovalchecker"
        case .avalanche, .tron, .bitcoin, .solana, .other: nil
        }
    }

    /// EVM chains share one address format.
    public var isEVM: Bool {
        switch self {
        case .ethereum, .bsc, .polygon, .arbitrum, .optimism, .base, .avalanche: true
        case .tron, .bitcoin, .solana, .other: false
        }
    }
}

/// A field value that passed validation, in canonical form.
public struct EvidenceValue: Codable, Hashable, Sendable {
    /// Canonical text stored on the ticket (an address as checksummed, an amount as a decimal,
    /// a date as ISO 8601 with offset, choice ids joined by `,`).
    public var value: String
    /// Other fields this answer settles, e.g. a TRON address settles `chain: tron`, "300 USDT" settles `asset`.
    public var inferred: [String: String]
    /// True for "about 300": the amount is an estimate.
    public var isApproximate: Bool

    enum CodingKeys: String, CodingKey { case value, inferred, isApproximate }

    public init(_ value: String, inferred: [String: String] = [:], isApproximate: Bool = false) {
        self.value = value
        self.inferred = inferred
        self.isApproximate = isApproximate
    }
}

/// Why an answer was not accepted. Each reason has a re-prompt `reject.<rawValue>` in `messages.yml`.
public enum RejectionReason: String, CaseIterable, Codable, Hashable, Sendable {
    case addressFormat = "address_format"
    /// Right shape, wrong checksum: "one character looks wrong".
    case addressChecksum = "address_checksum"
    /// A valid address of another chain. Values: `found`, `expected`.
    case addressWrongChain = "address_wrong_chain"
    /// The address as an app displays it, middle left out (`0x5290…9EE7`). Values: `shortened`.
    case addressShortened = "address_shortened"
    /// A transaction hash where an address was asked.
    case addressIsTxHash = "address_is_tx_hash"
    case txHashFormat = "tx_hash_format"
    /// A wallet address where a transaction hash was asked.
    case txHashIsAddress = "tx_hash_is_address"
    /// A hash with its middle left out. Values: `shortened`.
    case txHashShortened = "tx_hash_shortened"
    case txHashTooMany = "tx_hash_too_many"
    /// An id of another network's shape, or from another network's explorer. Values: `expected`, maybe `found`.
    case txHashWrongChain = "tx_hash_wrong_chain"
    case assetFormat = "asset_format"
    /// A network's name ("波场", "ethereum"), which may mean its own coin or a token on it. Values:
    /// `network` (as written), `coin`.
    case assetIsNetwork = "asset_is_network"
    /// A token standard ("TRC20", "ERC-20") where the token was asked. Values: `standard` (as
    /// written), `network` (the chain's id).
    case assetIsStandard = "asset_is_standard"
    /// A wallet app's name ("TP", "imToken") where the token was asked. Values: `wallet` (as written).
    case assetIsWallet = "asset_is_wallet"
    case amountFormat = "amount_format"
    /// "昨晚十点", "10pm": a time where an amount was asked for.
    case amountIsTime = "amount_is_time"
    case amountNotPositive = "amount_not_positive"
    case amountTooPrecise = "amount_too_precise"
    /// Every amount in the answer names a token other than the one answered. Values: `asset`, `found`.
    case amountOtherToken = "amount_other_token"
    case dateUnparsed = "date_unparsed"
    case dateInFuture = "date_in_future"
    case chainUnknown = "chain_unknown"
    /// A 0x address where the network was asked: it is the same on every EVM network.
    case chainNotInAddress = "chain_not_in_address"
    /// A token ("USDT") where the network was asked; the token is kept. Values: `asset`.
    case chainIsToken = "chain_is_token"
    /// The network is not one the address given earlier can be on (`found` the address's family or
    /// chain, `expected` the network named).
    case chainNotAddressNetwork = "chain_not_address_network"
    /// Values: `options`.
    case choiceUnknown = "choice_unknown"
    case yesNoUnclear = "yes_no_unclear"
    case urlFormat = "url_format"
    case contactFormat = "contact_format"
    /// A WeChat or QQ id: the team replies only by e-mail, phone or Telegram.
    case contactUnsupportedChannel = "contact_unsupported_channel"
    case ticketIDFormat = "ticket_id_format"
    case versionFormat = "version_format"
    /// Values: `min`.
    case textTooShort = "text_too_short"
    /// Values: `max`.
    case textTooLong = "text_too_long"
}

/// A rejected answer: the reason and the values its message needs.
public struct Rejection: Hashable, Sendable {
    public var reason: RejectionReason
    public var values: [String: String]
    public init(_ reason: RejectionReason, values: [String: String] = [:]) {
        self.reason = reason
        self.values = values
    }
}

/// The outcome of validating one answer.
public enum FieldValidation: Hashable, Sendable {
    case accepted(EvidenceValue)
    case rejected(Rejection)
}

/// What a validator may know besides the answer itself. Injected, never read from the system.
public struct ValidationContext: Sendable {
    /// "Now", for relative dates and "not in the future".
    public var now: Date
    public var timeZone: TimeZone
    /// The chain answered earlier in the flow, if any.
    public var chain: Chain?
    public var language: Language
    /// The token answered earlier in the flow, if any: "2 ETH and 300 USDT" is then 300 for USDT.
    public var asset: String?

    public init(now: Date, timeZone: TimeZone, chain: Chain? = nil, language: Language = .en, asset: String? = nil) {
        self.now = now
        self.timeZone = timeZone
        self.chain = chain
        self.language = language
        self.asset = asset
    }
}

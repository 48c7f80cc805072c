/// The id of an intent. Intents are content (`Intents/*.yml`), so the set is open; the ids the
/// design fixes are named here so code never spells them as loose strings.
public struct IntentID: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: IntentID, rhs: IntentID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static let greeting: IntentID = "greeting"
    public static let goodbye: IntentID = "goodbye"
    public static let cancel: IntentID = "cancel"
    public static let reportTheft: IntentID = "report_theft"
    public static let contactSupport: IntentID = "contact_support"
    public static let compensation: IntentID = "compensation"
    public static let supportHours: IntentID = "support_hours"
    public static let securityTips: IntentID = "security_tips"
    public static let riskControls: IntentID = "risk_controls"
    public static let phishingCheck: IntentID = "phishing_check"
    public static let fakeSupportScam: IntentID = "fake_support_scam"
    public static let forgotPassword: IntentID = "forgot_password"
    public static let lostMnemonic: IntentID = "lost_mnemonic"
    public static let unauthorizedAccess: IntentID = "unauthorized_access"
    public static let transferNotArrived: IntentID = "transfer_not_arrived"
    public static let wrongAddress: IntentID = "wrong_address"
    public static let contractRisk: IntentID = "contract_risk"
    public static let revokeApproval: IntentID = "revoke_approval"
    public static let escalateComplaint: IntentID = "escalate_complaint"
    public static let recoveryTime: IntentID = "recovery_time"
    public static let chooseWallet: IntentID = "choose_wallet"
    public static let userRights: IntentID = "user_rights"
    public static let ticketStatus: IntentID = "ticket_status"
    public static let outOfScope: IntentID = "out_of_scope"

    /// Every id `DESIGN.md` fixes; `lint` fails when the catalog lacks one.
    public static let required: [IntentID] = [
        .greeting, .goodbye, .cancel, .reportTheft, .contactSupport, .compensation, .supportHours,
        .securityTips, .riskControls, .phishingCheck, .fakeSupportScam, .forgotPassword, .lostMnemonic,
        .unauthorizedAccess, .transferNotArrived, .wrongAddress, .contractRisk, .revokeApproval,
        .escalateComplaint, .recoveryTime, .chooseWallet, .userRights, .ticketStatus, .outOfScope,
    ]
}

import X12Validation

/// One trading partner: who it may claim to be in an ISA, and how it wants its acknowledgments.
public struct PartnerConfiguration: Sendable, Equatable {
    public struct SenderID: Sendable, Hashable, Codable {
        public var qualifier: String
        public var id: String

        public init(qualifier: String, id: String) {
            self.qualifier = qualifier
            self.id = id
        }
    }

    public var id: String
    public var name: String
    /// ISA05/ISA06 pairs this partner may send under; an interchange with any other is rejected (TA1 006).
    public var senderIDs: [SenderID]
    /// Send a 999 even when every transaction set was accepted.
    public var positive999: Bool
    /// One 277CA interchange per inbound interchange (one ST per received transaction set), or
    /// one 277CA interchange per received transaction set.
    public var claimAcknowledgmentGrouping: ClaimAcknowledgmentGrouping = .perInterchange
    /// SNIP 1–2 policy and per-edit severity overrides.
    public var validation: ValidationProfile
    /// Largest file accepted, in bytes.
    public var maxFileSize: Int

    public init(
        id: String, name: String? = nil, senderIDs: [SenderID], positive999: Bool = false,
        validation: ValidationProfile = ValidationProfile(), maxFileSize: Int = 1 << 30
    ) {
        self.id = id
        self.name = name ?? id
        self.senderIDs = senderIDs
        self.positive999 = positive999
        self.validation = validation
        self.maxFileSize = maxFileSize
    }

    /// A stand-in partner for offline checks: any sender, positive acknowledgments, claim-level.
    public static let anySender = PartnerConfiguration(id: "offline", senderIDs: [], positive999: true)

    /// Whether the ISA sender (qualifier and trimmed id) is one of this partner's.
    public func owns(qualifier: String, id: String) -> Bool {
        senderIDs.contains { $0.qualifier == qualifier && $0.id == id }
    }
}

public enum ClaimAcknowledgmentGrouping: String, Sendable, Codable {
    case perInterchange = "per-interchange"
    case perTransactionSet = "per-transaction-set"
}

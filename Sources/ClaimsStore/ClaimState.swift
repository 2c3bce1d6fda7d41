import ClaimsCore

/// The gateway's decision on one claim, as the 277CA reports it.
public enum ClaimState: String, Sendable, CaseIterable, Codable {
    /// A1/A2: passed every edit and the risk threshold.
    case accepted
    /// A3/A6/A7/A8: failed an edit or is a duplicate.
    case rejected
    /// Pended: risk score above the partner's threshold, waiting in the review queue.
    case review
}

/// A claim as the pipeline hands it to the store (one `claims` row and its lines): the parsed claim, the decision, and the risk
/// score when one was computed.
public struct ClaimRow: Sendable {
    public var slot: ClaimSlot
    public var state: ClaimState
    public var riskScore: Double?

    public init(_ slot: ClaimSlot, state: ClaimState, riskScore: Double? = nil) {
        self.slot = slot
        self.state = state
        self.riskScore = riskScore
    }

    public init(claim: Claim, state: ClaimState, riskScore: Double? = nil) {
        self.init(ClaimSlot(claim), state: state, riskScore: riskScore)
    }

    public var claim: Claim {
        _read { yield slot.claim }
    }
}

/// What the store kept of one claim (no PHI was stored, so none comes back).
public struct StoredClaim: Sendable, Equatable {
    public var fileID: Int64
    /// Order of the claim in its file (0-based), the key with `fileID`.
    public var claimIndex: Int
    public var transactionSetControlNumber: String
    public var patientControlNumber: String
    public var totalCharge: Amount
    public var payerID: String?
    public var payerName: String?
    public var diagnosisCodes: [String]
    public var state: ClaimState
    public var riskScore: Double?
    public var serviceDateFrom: CalendarDate?
    public var serviceDateTo: CalendarDate?
}

import ClaimsCore

/// One claim with the gateway's decision about it.
public struct ClaimDecision: Sendable, Equatable {
    public var claim: Claim
    public var outcome: ClaimOutcome

    public init(claim: Claim, outcome: ClaimOutcome) {
        self.claim = claim
        self.outcome = outcome
    }
}

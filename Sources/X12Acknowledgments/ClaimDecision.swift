import ClaimsCore

/// One claim with the gateway's decision about it.
public struct ClaimDecision: Sendable, Equatable {
    public var slot: ClaimSlot
    public var outcome: ClaimOutcome
    /// Statuses pinned to service lines (2220D), for a rejected claim whose edits fired on lines.
    public var lineStatuses: [LineStatus]

    public init(_ slot: ClaimSlot, outcome: ClaimOutcome, lineStatuses: [LineStatus] = []) {
        self.slot = slot
        self.outcome = outcome
        self.lineStatuses = lineStatuses
    }

    public init(claim: Claim, outcome: ClaimOutcome, lineStatuses: [LineStatus] = []) {
        self.init(ClaimSlot(claim), outcome: outcome, lineStatuses: lineStatuses)
    }

    public var claim: Claim {
        _read { yield slot.claim }
    }
}

/// The statuses of one service line (by LX01), reported in a 2220D loop after the claim's.
public struct LineStatus: Sendable, Equatable {
    public var lineNumber: Int
    public var statuses: [ClaimStatus]

    public init(lineNumber: Int, statuses: [ClaimStatus]) {
        self.lineNumber = lineNumber
        self.statuses = statuses
    }
}

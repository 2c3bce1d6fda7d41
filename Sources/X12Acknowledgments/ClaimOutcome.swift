/// What the gateway decided for one claim, as the 277CA reports it at 2200D.
public enum ClaimOutcome: Sendable, Hashable {
    /// Accepted into adjudication: `STC*A2:20`, action `WQ`, and `REF*1K` with the number the
    /// gateway assigned, which the submitter quotes on replacements and voids.
    case accepted(payerClaimControlNumber: String)
    /// Held for review (risk score above the partner's threshold): `STC*A1:19:<entity>`, action
    /// `WQ`. X214 has no "pended" category (P0–P5 belong to the 277 claim status response, X212);
    /// A1 says "received, not yet accepted into adjudication", which is exactly a held claim. It is
    /// not rejected, so it counts with the accepted claims in the totals.
    case pended
    /// Rejected: `STC` with action `U`, up to three statuses per STC (STC01, STC10, STC11), and
    /// further STC segments for more. An empty list is written as `A3:0`.
    case rejected([ClaimStatus])

    /// Whether the claim goes to the rejected totals (QTY AA/QC, AMT YY).
    public var isRejected: Bool {
        if case .rejected = self { return true }
        return false
    }
}

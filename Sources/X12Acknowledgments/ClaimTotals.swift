import ClaimsCore
import X12

/// Accepted and rejected counts and charges over a set of claims: the 277CA's QTY/AMT pairs.
///
/// Computed from the same decisions the 2000D loops are written from, so QTY accepted + QTY
/// rejected is always the number of claims and YU + YY is always ΣCLM02. Pended claims are not
/// rejected and count as accepted.
struct ClaimTotals {
    var acceptedCount = 0
    var rejectedCount = 0
    var acceptedAmount = Amount.zero
    var rejectedAmount = Amount.zero

    init<S: Sequence<ClaimDecision>>(_ decisions: S) {
        for decision in decisions {
            if decision.outcome.isRejected {
                rejectedCount += 1
                rejectedAmount += decision.claim.totalCharge
            } else {
                acceptedCount += 1
                acceptedAmount += decision.claim.totalCharge
            }
        }
    }

    /// STC04 at 2200B and 2200C: all submitted charges of the unit.
    var totalAmount: Amount { acceptedAmount + rejectedAmount }

    /// STC03 of a summary: `U` only when every claim was rejected.
    var actionCode: String { acceptedCount == 0 ? "U" : "WQ" }

    /// QTY and AMT segments, each sent only when non-zero (all four are situational in X214).
    /// `acceptedQuantity`/`rejectedQuantity` are `90`/`AA` at 2200B and `QA`/`QC` at 2200C.
    func write(acceptedQuantity: String, rejectedQuantity: String, to writer: inout X12Writer) {
        if acceptedCount > 0 { writer.segment("QTY", acceptedQuantity, String(acceptedCount)) }
        if rejectedCount > 0 { writer.segment("QTY", rejectedQuantity, String(rejectedCount)) }
        if acceptedAmount != .zero { writer.segment("AMT", "YU", acceptedAmount.description) }
        if rejectedAmount != .zero { writer.segment("AMT", "YY", rejectedAmount.description) }
    }
}

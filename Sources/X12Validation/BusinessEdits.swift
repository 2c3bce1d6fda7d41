import ClaimsCore

/// The business edit catalog (SNIP 3, 4, 5, 7): every `ClaimRule` the gateway runs.
public enum BusinessEdits {
    public static let rules: [any ClaimRule] = [ChargeBalance()]
}

/// CLM-004: the claim total must equal the sum of its line charges (SNIP 3 balancing).
struct ChargeBalance: ClaimRule {
    let edit = Edit(
        id: "CLM-004", snip: 3, location: "2300 CLM02",
        description: "total claim charge (CLM02) does not equal the sum of the service line charges (SV102)",
        fixHint: "Recompute CLM02 as the sum of every SV102 on the claim, to the cent.",
        outcome: .claimStatus(category: "A7", status: "400"))

    func check(_ claim: Claim, in context: ClaimContext) -> [RuleViolation] {
        let lines = claim.serviceLines.reduce(Amount.zero) { $0 + $1.charge }
        return lines == claim.totalCharge ? [] : [RuleViolation()]
    }
}

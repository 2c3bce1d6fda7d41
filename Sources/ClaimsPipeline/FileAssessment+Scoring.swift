import ClaimsCore
import X12Validation

/// What scoring needs of each stored claim, in the order `claimOutcomes` gives (the claim index
/// in the store): the claim, whether validation accepted it, its BHT04 and its warnings.
public struct ScoringInput: Sendable {
    /// The claim, read in place from its set (`ClaimSlot`), not copied.
    public var slot: ClaimSlot
    public var accepted: Bool
    public var submittedOn: CalendarDate?
    public var validationWarnings: Int

    public var claim: Claim {
        _read { yield slot.claim }
        set { slot = ClaimSlot(newValue) }
    }
}

extension FileAssessment {
    public var scoringInputs: [ScoringInput] {
        var inputs: [ScoringInput] = []
        for set in interchanges.flatMap(\.groups).flatMap(\.transactionSets) {
            guard let parsed = set.parsed, set.verdict.disposition != .rejected else { continue }
            var warnings = [Int](repeating: 0, count: parsed.claims.count)
            for finding in set.verdict.claimFindings where finding.severity == .warning {
                warnings[finding.claimIndex] += 1
            }
            for index in parsed.claims.indices {
                inputs.append(
                    ScoringInput(
                        slot: ClaimSlot(parsed.claims, index), accepted: !set.verdict.rejectedClaims.contains(index),
                        submittedOn: parsed.header.creationDate, validationWarnings: warnings[index]))
            }
        }
        return inputs
    }
}

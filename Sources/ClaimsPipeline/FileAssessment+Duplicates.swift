import ClaimsCore
import X12Validation

/// Duplicate detection across files (DUP-001): the assessment names the keys of the claims it
/// would accept, the store says which were accepted before, and the assessment marks those.
extension FileAssessment {
    /// Keys of the claims this assessment accepts, with their index among `claimOutcomes`.
    public var acceptedClaimKeys: [(claimIndex: Int, key: ClaimKey)] {
        var keys: [(claimIndex: Int, key: ClaimKey)] = []
        var index = 0
        forEachClaim { set, claimIndex, slot in
            defer { index += 1 }
            guard !set.verdict.rejectedClaims.contains(claimIndex) else { return }
            keys.append((index, ClaimKey(slot.claim, submitter: set.parsed?.header.submitter.identifier ?? "")))
        }
        return keys
    }

    /// Those of `keys` (as `acceptedClaimKeys` gave them, before `markDuplicates`) whose claims
    /// this assessment still accepts: a window's keys are made once, while its claims are in the
    /// caches, and the duplicates found leave them here.
    public func stillAccepted<Key>(_ keys: [(claimIndex: Int, key: Key)]) -> [(claimIndex: Int, key: Key)] {
        var rejected = Set<Int>()
        var first = 0
        for set in storedSets {
            for claimIndex in set.verdict.rejectedClaims { rejected.insert(first + claimIndex) }
            first += set.parsed!.claims.count
        }
        return rejected.isEmpty ? keys : keys.filter { !rejected.contains($0.claimIndex) }
    }

    /// Rejects (or warns about, per the partner) every original claim whose key is in `prior`.
    public mutating func markDuplicates(_ prior: Set<ClaimKey>, profile: ValidationProfile) {
        guard !prior.isEmpty, !profile.disabledEdits.contains(DuplicateEdits.prior.id) else { return }
        for interchange in interchanges.indices {
            for group in interchanges[interchange].groups.indices {
                for position in interchanges[interchange].groups[group].transactionSets.indices {
                    var set = interchanges[interchange].groups[group].transactionSets[position]
                    guard let parsed = set.parsed else { continue }
                    let submitter = parsed.header.submitter.identifier
                    let findings = parsed.claims.enumerated().compactMap { index, claim -> ClaimFinding? in
                        guard claim.frequencyCode == "1", prior.contains(ClaimKey(claim, submitter: submitter)) else { return nil }
                        return ClaimFinding(
                            edit: DuplicateEdits.prior, claimIndex: index, severity: profile.severity(of: DuplicateEdits.prior))
                    }
                    set.verdict.add(findings)
                    interchanges[interchange].groups[group].transactionSets[position] = set
                }
            }
        }
    }
}

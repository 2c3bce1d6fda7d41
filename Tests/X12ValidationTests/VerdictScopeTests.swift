import ClaimsPipeline
import Testing
import X12
import X12Validation

/// Which claims a SNIP 1–2 error rejects, by where it sits in the set (claim-level policy): its
/// own claim, every claim of the subscriber level it is in, or the whole set.
@Suite struct VerdictScopeTests {
    /// Positions (ST = 1) in `EditHarness.base`: claim PCN001 at 19–26 under subscriber HL 2 (12),
    /// claim PCN002 at 37–41 under subscriber HL 3 (27) and its patient level HL 4 (31).
    @Test(arguments: [
        (3, nil), (13, [0]), (19, [0]), (26, [0]), (27, [1]), (29, [1]), (33, [1]), (37, [1]), (41, [1]),
    ] as [(Int, Set<Int>?)])
    func errorRejectsTheClaimsAroundIt(position: Int, rejected: Set<Int>?) throws {
        let assessment = try #require(EditHarness.assessment(EditHarness.bytes(nil)))
        let judged = try #require(assessment.interchanges.first?.groups.first?.transactionSets.first)
        let finding = SegmentFinding(
            editID: "SEG-002", segmentID: "NTE", position: position, loopID: "2300", segmentCode: "2", message: "test")
        let verdict = TransactionSetVerdict(set: judged.set, parsed: judged.parsed, findings: [finding], policy: .claimLevel)
        if let rejected {
            #expect(verdict.disposition == .acceptedWithErrors)
            #expect(verdict.rejectedClaims == rejected)
        } else {
            #expect(verdict.disposition == .rejected)
        }
    }
}

import ClaimsCore
import Testing
import X12Validation

/// The validator judges the billing provider claims share (its box) once and remembers its
/// verdicts (`BillingProviderVerdicts`): each claim must still get its own provider's.
@Suite struct BillingProviderVerdictsTests {
    @Test func eachClaimIsJudgedOnItsOwnBillingProvider() {
        var first = GoodClaim.claim
        first.patientControlNumber = "PCN-A"
        var second = first
        second.patientControlNumber = "PCN-B"
        // A copy changed where it is shared gets a box of its own: a PO box, a bad NPI and a
        // bad tax id.
        var changed = first
        changed.patientControlNumber = "PCN-C"
        changed.billingProvider.address?.line1 = "PO BOX 77"
        changed.billingProvider.npi = "1234567890"
        changed.billingProvider.taxID = "12345"
        var changedAgain = changed
        changedAgain.patientControlNumber = "PCN-D"
        var firstAgain = first
        firstAgain.patientControlNumber = "PCN-E"
        let claims = [first, second, changed, changedAgain, firstAgain]
        #expect(claims[0].$billingProvider == claims[4].$billingProvider)
        #expect(claims[2].$billingProvider == claims[3].$billingProvider)
        #expect(claims[0].$billingProvider != claims[2].$billingProvider)

        let context = GoodClaim.context
        let findings = ClaimValidator(rules: BusinessEdits.rules, codeSets: context.codeSets).findings(
            for: ParsedTransactionSet(header: context.header, claims: claims, structureErrors: []),
            receivedDate: context.receivedDate, profile: ValidationProfile())
        let shared: Set<String> = ["BP-008", "BP-012", "BP-019"]
        for index in claims.indices {
            let reported = Set(findings.filter { $0.claimIndex == index }.map(\.edit.id))
            // Asked alone, a rule judges the claim's parties afresh.
            let alone = Set(BusinessEdits.rules.filter { !$0.check(claims[index], in: context).isEmpty }.map(\.edit.id))
            #expect(reported == alone, "claim \(index)")
            #expect(reported.intersection(shared) == ([2, 3].contains(index) ? shared : []), "claim \(index)")
        }
    }
}

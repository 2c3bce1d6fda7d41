import ClaimsCore
import Testing
import X12Validation

/// A set its caller owns is judged in place (`findings(for: &parsed)`): each claim is moved out
/// of the array for its rules and moved back. The set must come back as it was, and the findings
/// must be those of a copy judged.
@Suite struct InPlaceJudgingTests {
    @Test func theSetComesBackAsItWasWithTheSameFindings() {
        var claims = [GoodClaim.claim]
        var badDiagnosis = GoodClaim.claim
        badDiagnosis.patientControlNumber = "PCN-DX"
        badDiagnosis.diagnoses[1].code = "XYZ"
        var badLine = GoodClaim.claim
        badLine.patientControlNumber = "PCN-LINE"
        badLine.serviceLines[1].procedureCode = "ZZZZZ"
        badLine.serviceLines[1].modifiers = ["LT", "RT"]
        var postOfficeBox = GoodClaim.claim
        postOfficeBox.patientControlNumber = "PCN-BOX"
        postOfficeBox.billingProvider.address?.line1 = "PO BOX 9"
        postOfficeBox.totalCharge = Amount(cents: 1)
        claims += [badDiagnosis, badLine, postOfficeBox, GoodClaim.claim]

        let context = GoodClaim.context
        let validator = ClaimValidator(rules: BusinessEdits.rules, codeSets: context.codeSets)
        let original = ParsedTransactionSet(header: context.header, claims: claims, structureErrors: [])
        let fromCopy = validator.findings(for: original, receivedDate: context.receivedDate, profile: ValidationProfile())
        // An array of its own, held by the set alone, as the gateway's.
        var owned = ParsedTransactionSet(header: context.header, claims: claims.map { $0 }, structureErrors: [])
        let inPlace = validator.findings(for: &owned, receivedDate: context.receivedDate, profile: ValidationProfile())

        #expect(owned.claims.elementsEqual(original.claims), "the set came back changed")
        #expect(inPlace == fromCopy)
        #expect(Set(inPlace.map(\.claimIndex)).isSuperset(of: [1, 2, 3]), "the broken claims have findings")
        #expect(inPlace.contains { $0.claimIndex == 4 && $0.edit.id == "DUP-002" }, "the first claim repeated")
    }
}

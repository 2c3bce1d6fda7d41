import ClaimsCore
import ClaimsSynthetic
import Testing
import X12
import X12Validation

/// The synthetic generator writes guide-valid, payer-clean claims: no rejecting business edit
/// may fire on them, or every test and benchmark built on them would measure rejections.
@Suite struct SyntheticClaimsTests {
    @Test func syntheticClaimsPassEveryRejectingEdit() throws {
        var options = SyntheticFileOptions(claims: 3_000, seed: 7)
        options.referenceDate = CalendarDate(year: 2025, month: 12, day: 1)
        let bytes = try SyntheticClaimFile(options).bytes()
        let parser = ClaimParser()
        let validator = ClaimValidator(rules: BusinessEdits.rules)
        var rejecting: [String: Int] = [:]
        var claims = 0
        for (interchangeIndex, interchange) in try InterchangeReader.read(X12Source(bytes: bytes)).enumerated() {
            for (groupIndex, group) in interchange.groups.enumerated() {
                for (setIndex, set) in group.transactionSets.enumerated() {
                    let parsed = parser.parse(set, interchange: interchangeIndex, group: groupIndex, transactionSet: setIndex)
                    claims += parsed.claims.count
                    let findings = validator.findings(
                        for: parsed, receivedDate: CalendarDate(year: 2025, month: 12, day: 1)!, profile: ValidationProfile())
                    for finding in findings where finding.severity == .reject { rejecting[finding.edit.id, default: 0] += 1 }
                }
            }
        }
        #expect(claims == 3_000)
        #expect(rejecting == [:])
    }
}
